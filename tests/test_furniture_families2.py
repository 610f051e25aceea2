"""More families of page furniture, on HAND-MADE lines (none taken from a corpus or sample page).

Each row: lines that must go, and body sentences that look like them and must stay. Families
that need their neighbours (a caption beside a credit, a video title over its running time,
a related headline under its marker, a closing contributor credit) are tested further down.
"""

from __future__ import annotations

import pytest

from readout.ingest.clean import clean_article, explain, is_furniture, line_reason
from readout.ingest.meta import infer_title
from readout.snapshot.records import RawArticle

BODY = [
    "The ferry operators met in Tallinn on Thursday to discuss the new timetable, officials said.",
    "Both companies are expected to publish their winter schedules next month.",
    "Port workers said the talks were the first of their kind in several years.",
]

FAMILIES = {
    "text size widgets": (
        ["[ Big Normal Little ] Print", "A A A A", "Text size: A+ A-", "Font Size Small Large"],
        ["The small island has a large harbour and a medium-sized airport, residents said."],
    ),
    "credits in parentheses": (
        [
            "A ferry leaves the harbour at dawn. (Photo credits: Unsplash)",
            "(Images credit: Kari Dahl)",
            "(Picture courtesy: Port Authority)",
            "(Photo courtesy of the operator)",
        ],
        ["The operator released a photo of the new ferry (its first in a decade) on Monday."],
    ),
    "comment sections": (
        [
            "Comments have been closed for this story.",
            "To take part in the debate, please sign in or create an account.",
            "Comments (48)",
            "View comments [3]",
            "Be the first to reply",
            "Start the discussion",
        ],
        [
            "Comments by the harbour master were welcomed by the unions, officials said.",
            "Dockers were asked to join the discussion with the operators next week.",
        ],
    ),
    "timestamps without a year": (
        [
            "October 9, 08:41 UPD: October 9, 11:02",
            "Upd. 9 Oct, 11:02",
            "Updated: 17 Sept, 22:15",
            "March 3, 20247:20 AM GMT+3Updated 4 mins ago",
            "November 14, 202311:55 PM GMT-5Updated 1 day ago",
        ],
        ["The ferry left on October 9 at 08:41 and arrived two hours late, the operator said."],
    ),
    "follow appeals": (
        [
            "Follow Baltic Ferry News on Threads and Bluesky",
            "Join us on Viber",
            "Subscribe to Harbour Daily on WhatsApp",
            "Get Harbour Daily on Google News",
            "Find us on Instagram, TikTok and YouTube",
        ],
        ["Passengers can follow the ferry on a map, the operator said on Telegram."],
    ),
    "menu bars": (
        [
            "Local | Ports | Shipping | Weather | Jobs",
            "Travel • Food • Culture • Science & Tech",
            "Home | Latest | Ferry Timetables | Contact Us",
        ],
        ["Ferries, trains and buses will run to the new timetable | officials said so on Monday."],
    ),
    "cookie banners": (
        [
            "By clicking “Allow All”, you consent to cookies being stored on your device.",
            "By continuing to browse this site you accept our privacy policy.",
            "We and our partners use cookies to personalise content and ads.",
            "This site uses cookies.",
            "Reject All",
            "Save my choices",
            "Privacy settings",
            "Customise preferences",
        ],
        [
            "By clicking through the new booking site, passengers can reserve a cabin.",
            "The bakery on board sells cookies and coffee, the operator said.",
        ],
    ),
    "video labels": (
        ["00:58 - Source: Baltic TV", "12:04 | Via Harbour Channel", "Video ad feedback"],
        ["The ferry left at 12:04 and reached the island by noon, the operator said."],
    ),
    "contributor credits": (
        [
            "Harbour Daily’s Mari Tamm contributed to this report.",
            "Mari Tamm contributed reporting from Riga.",
            "Baltic Wire contributed to the story.",
        ],
        ["Three operators contributed to the report, which was published on Monday, it said."],
    ),
}


def clean(text: str, title: str | None = None, outlet: str | None = None):
    return clean_article(RawArticle(file="t.txt", text=text, title=title, outlet=outlet))


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_goes_alone_and_between_sentences_and_its_lookalikes_stay(family):
    lines, lookalikes = FAMILIES[family]
    assert [x for x in lines if line_reason(x) is None] == []
    assert paragraphs(clean("\n\n".join([BODY[0], *lines, *BODY[1:]])).text) == BODY
    for sentence in lookalikes:
        assert line_reason(sentence) is None, sentence
        page = [BODY[0], sentence, *BODY[1:]]
        assert paragraphs(clean("\n\n".join(page)).text) == page


# --- families told by their neighbours ----------------------------------------------------


@pytest.mark.parametrize(
    "credit", ["© Baltic Photo Agency / Mari Tamm / Open the photo archive", "Photo: Mari Tamm"]
)
@pytest.mark.parametrize("before", [True, False])
def test_unpunctuated_line_beside_a_photo_credit_is_its_caption(credit, before):
    caption = "Passengers board the night ferry in Tallinn harbour"
    pair = [caption, credit] if before else [credit, caption]
    text = "\n\n".join([BODY[0], *pair, BODY[1], BODY[2]])
    assert ("photo caption", caption) in explain(text)
    assert paragraphs(clean(text).text) == BODY


def test_a_sentence_beside_a_credit_and_a_site_copyright_neighbour_stay():
    text = "\n\n".join([*BODY, "A Long Winter for the Ferries", "© 2024 Harbour Daily"])
    assert "A Long Winter for the Ferries" not in [
        x for r, x in explain(text) if r == "photo caption"
    ]
    text = "\n\n".join([BODY[0], "Photo: Mari Tamm", BODY[1], BODY[2]])
    assert paragraphs(clean(text).text) == BODY


@pytest.mark.parametrize("running", ["04:12", "01:07 - Source: Baltic TV"])
def test_the_title_just_above_a_running_time_is_a_video_title(running):
    title = "Watch the new ferry dock in Riga for the first time"
    text = "\n\n".join([BODY[0], title, running, BODY[1], BODY[2]])
    assert ("video title", title) in explain(text)
    assert paragraphs(clean(text).text) == BODY


@pytest.mark.parametrize("marker", ["Related article", "RELATED STORY", "Related coverage"])
def test_related_marker_and_the_headline_under_it_go(marker):
    other = "Dock workers in Gdansk vote to strike over pay"
    text = "\n\n".join([BODY[0], BODY[1], marker, other, BODY[2]])
    assert paragraphs(clean(text).text) == [BODY[0], BODY[1], BODY[2]]


@pytest.mark.parametrize(
    "credit",
    [
        "Additional reporting by Mari Tamm in Riga; editing by Jaan Kask.",
        "Reporting by Mari Tamm; Writing by Jaan Kask.",
    ],
)
def test_closing_reporting_credit_goes_as_the_last_line(credit):
    cleaned = clean("\n\n".join([*BODY, credit, "Ports | Shipping | Weather | Jobs"]))
    assert paragraphs(cleaned.text) == BODY


def test_a_reporting_sentence_inside_the_body_stays():
    inner = "Reporting by local radio showed that the ferry had left two hours late."
    cleaned = clean("\n\n".join([BODY[0], inner, BODY[1], BODY[2]]))
    assert inner in paragraphs(cleaned.text)


def test_a_cookie_banner_never_becomes_the_lede():
    banner = "By clicking “Accept”, you agree to the storing of cookies on your device."
    head = "Ferry Operators Agree a Winter Timetable"
    lines = [banner, "", "Accept All", "", head, "", *BODY]
    assert infer_title(lines, is_furniture) == head
    assert paragraphs(clean("\n".join(lines), title=head).text) == [head, *BODY]
