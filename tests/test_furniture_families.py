"""Each family of page furniture on HAND-MADE lines: the pattern, not any page's wording.

One row per family: lines that must go, and body sentences that look like them and must stay
(a sentence starting with "Photo" in prose, one that says "Reuters reported"). Lines are
written here for the test; none is taken from a corpus or a sample article.
"""

from __future__ import annotations

import pytest

from readout.ingest.clean import clean_article, explain, is_furniture, line_reason
from readout.ingest.meta import infer_title
from readout.snapshot.records import RawArticle

BODY = [
    "The delegation landed in Oslo on Tuesday for two days of talks, officials said.",
    "Both ministers are expected to sign a fisheries agreement before leaving.",
    "Observers said the visit was the first at this level in almost a decade.",
]

FAMILIES = {
    "timestamps": (
        [
            "Updated: 14-11-2023 09:45 IST",
            "Published 3 Feb, 2022",
            "Posted: Jan 9, 2021 at 11:20 am",
            "Nordic Wire | Updated: 02-10-2022 07:15 IST | Created: 02-10-2022 07:15 IST",
            "Nordic Wire Published 11 Mar, 2021",
            "By Ola Berg | Last updated: October 2, 2022 6:30 PM GMT",
            "Modified on Sunday, 12 June 2022, 14:02",
            "Updated 3 hours ago",
        ],
        [
            "The treaty was published on 3 February 2022 after months of talks, officials said.",
            "He updated reporters on the talks at 18:00, the ministry said.",
            "Nordic Wire reported on Tuesday that the talks had been postponed.",
        ],
    ),
    "breadcrumbs": (
        [
            "Home › World › Europe",
            "Home > News > Politics",
            "News / Europe",
            "World » Asia » Diplomacy",
            "Home / Analysis / Arctic",
        ],
        [
            "The ministers moved from Oslo to Bergen and then to Tromso, officials said.",
            "Exports rose by more than 10% / year, the report > said in a footnote.",
        ],
    ),
    "photo captions and credits": (
        [
            "Photo: Reuters",
            "Picture: Kari Dahl/NTB",
            "The two ministers shake hands in Oslo. © Per Lund/NTB",
            "REUTERS/Ola Berg",
            "File photo",
            "FILE - The minister speaks in Oslo. (AP Photo/Kari Dahl, File)",
            "Representational image",
            "Photo courtesy: Foreign Ministry",
        ],
        [
            "Photographs of the meeting were released by the ministry on Tuesday evening.",
            "Photo opportunities were kept short because of the weather, aides said.",
            "Reuters reported that the talks had ended without an agreement.",
            "The file photo published by the ministry was two years old, critics said.",
        ],
    ),
    "share and icon text": (
        [
            "Facebook Twitter WhatsApp Email Print",
            "Share Tweet Copy link",
            "Share on Telegram",
            "ChevronLeftIcon ArrowRightIcon FacebookIcon MailIcon",
            "Artboard Created with Sketch.",
        ],
        [
            "The minister said she would share the proposal with the press on Friday.",
            "Officials used WhatsApp and email to arrange the meeting, one aide said.",
            "YouTube and LinkedIn were cited in the report as sources of the claims.",
        ],
    ),
    "embedded post signature": (
        [
            "pic.twitter.com/Ab12Cd34",
            "— Kari Dahl (@karidahl) March 3, 2022",
            "— Foreign Office (@ForeignOfficeNO) 12 June 2022",
            "Ola Berg (@olaberg) January 9, 2023",
        ],
        [
            "The minister (@karidahl on X) posted a photo of the meeting on Tuesday.",
            "Dahl wrote on X on March 3, 2022 that the talks had gone well.",
        ],
    ),
    "agency inputs": (
        [
            "(With inputs from agencies.)",
            "(With inputs from PTI)",
            "With agency inputs",
            "— With inputs from agencies",
            "(Inputs from agencies)",
        ],
        [
            "The report was written with inputs from agencies in three countries, it said.",
            "Agencies said the minister would arrive with inputs from his advisers.",
        ],
    ),
    "feed disclaimers": (
        [
            "(This story has not been edited by our staff and is auto-generated from a "
            "syndicated feed.)",
            "Disclaimer: this article was auto-published from a wire feed; our desk has not "
            "changed its text.",
            "Only the headline may have been reworked by our staff; the rest of the content is "
            "auto-generated from a syndicated feed.",
        ],
        [
            "The ministry said the news feed of the state broadcaster had been hacked.",
            "The story of the talks began in a small fishing town, the minister recalled.",
        ],
    ),
    "sponsored content": (
        [
            "About Sponsored Content This content was produced by the partner studio.",
            "This article was commissioned by a tourism board.",
        ],
        [
            "The study was commissioned by the ministry in 2021, officials said.",
        ],
    ),
    "reader polls": (
        [
            "How did you feel after reading this story?",
            "What do you think of this article?",
            "Did you find this article useful?",
            "Was this article helpful?",
            "Rate this article",
            "Cast your vote",
            "45%",
            "Like",
            "Angry",
        ],
        [
            "Asked what he thought of the plan, the minister said it was a good start.",
            "About 45% of voters backed the agreement in a poll published on Monday.",
            '"How do you feel about the talks?" a reporter asked the minister.',
        ],
    ),
    "section labels": (
        ["Details", "Recall", "Background", "World", "Breaking News", "Live updates", "min"],
        [
            "Details of the agreement were not released, the ministry said on Tuesday.",
            "Recall votes are rare in the country, analysts said.",
        ],
    ),
    "reader-funded appeals": (
        [
            "FUNDED BY OUR READERS",
            "Supported by readers like you",
            "Become a member today",
            "Donate now",
            "Emergency appeal",
            "We are a small non-profit newsroom, and you can help us by giving monthly.",
            "Have a tip? Write to us through our contact form, by phone or on social media.",
        ],
        [
            "The charity said it had raised money for the families of the fishermen.",
            "The fund will be managed by the two governments, officials said.",
            '"You can help by staying calm," the mayor told residents.',
        ],
    ),
    "tag lists": (
        ["Tags: Norway, Iceland, fisheries", "Topics: Arctic", "Filed under: Diplomacy, Europe"],
        ["Tags on the crates showed they had come from Iceland, customs officials said."],
    ),
    "trust and standards links": (
        ["Why you can trust Nordic Wire", "How we report", "Our editorial standards"],
        ["Voters said they trust the minister to get a fair deal, a survey found."],
    ),
}


def clean(text: str, title: str | None = None):
    return clean_article(RawArticle(file="t.txt", text=text, title=title))


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


ROWS = sorted(FAMILIES)


@pytest.mark.parametrize("family", ROWS)
def test_family_lines_are_furniture_alone(family):
    lines, _ = FAMILIES[family]
    assert [x for x in lines if line_reason(x) is None] == []


@pytest.mark.parametrize("family", ROWS)
def test_family_lines_between_body_sentences_are_removed(family):
    lines, _ = FAMILIES[family]
    cleaned = clean("\n\n".join([BODY[0], *lines, BODY[1], BODY[2]]))
    assert paragraphs(cleaned.text) == BODY


@pytest.mark.parametrize("family", ROWS)
def test_body_sentences_that_look_like_the_family_survive(family):
    _, sentences = FAMILIES[family]
    for sentence in sentences:
        assert line_reason(sentence) is None, sentence
        cleaned = clean("\n\n".join([BODY[0], sentence, BODY[1], BODY[2]]))
        assert paragraphs(cleaned.text) == [BODY[0], sentence, BODY[1], BODY[2]]


# --- families that need the lines around them ------------------------------------------------


def test_embedded_post_text_goes_with_its_signature():
    post = "Good talks with my Norwegian colleague today. We agreed to meet again soon."
    text = "\n".join([BODY[0], post, "— Kari Dahl (@karidahl) March 3, 2022", BODY[1], BODY[2]])
    assert paragraphs(clean(text).text) == BODY


def test_text_before_a_sentence_with_a_handle_in_prose_stays():
    prose = "Dahl, who posts as @karidahl, thanked her hosts in a message on Tuesday."
    text = "\n\n".join([BODY[0], prose, BODY[1]])
    assert paragraphs(clean(text).text) == [BODY[0], prose, BODY[1]]


def test_trailing_credit_is_cut_and_the_sentence_kept():
    last = "The talks will resume in spring, the ministry said."
    for credit in ["(Reporting by Kari Dahl; Editing by Ola Berg)", "(With inputs from agencies.)"]:
        cleaned = clean("\n\n".join([*BODY, f"{last} {credit}"]))
        assert paragraphs(cleaned.text) == [*BODY, last]


def test_other_storys_headline_between_body_sentences_is_removed():
    teaser = "Fishing quotas spark a new row between the two neighbours over the winter"
    cleaned = clean("\n\n".join([BODY[0], teaser, BODY[1], BODY[2]]))
    assert paragraphs(cleaned.text) == BODY


def test_title_case_subheading_and_a_list_lead_in_stay():
    for line in ["A Long Road to the Fisheries Deal", "The agreement covers these areas:"]:
        cleaned = clean("\n\n".join([BODY[0], line, BODY[1], BODY[2]]))
        assert line in paragraphs(cleaned.text)


def test_headline_printed_twice_is_kept_once():
    head = "Norway and Iceland Agree Fisheries Deal After Oslo Talks"
    cleaned = clean("\n\n".join([head, BODY[0], head, BODY[1], BODY[2]]), title=head)
    assert paragraphs(cleaned.text) == [head, *BODY]


@pytest.mark.parametrize(
    "first", ["Home › World › Europe", "ChevronIcon FacebookIcon MailIcon ArrowIcon"]
)
def test_headline_is_never_a_breadcrumb_or_icon_text(first):
    head = "Norway and Iceland Agree Fisheries Deal After Oslo Talks"
    lines = [first, "", head, "", *BODY]
    assert infer_title(lines, is_furniture) == head
    assert ("headline", head) in explain("\n".join(lines))
    assert paragraphs(clean("\n".join(lines), title=head).text) == [head, *BODY]


def test_a_title_in_the_metadata_wins():
    title = "Oslo Talks End With a Fisheries Deal"
    lines = ["Home › World", "Norway and Iceland Agree Fisheries Deal After Oslo Talks", *BODY]
    cleaned = clean("\n\n".join(lines), title=title)
    assert cleaned.title == title
    assert paragraphs(cleaned.text)[0] == title


def test_markdown_heading_mark_is_not_part_of_the_headline():
    head = "Norway and Iceland Agree Fisheries Deal After Oslo Talks"
    cleaned = clean("\n\n".join([f"# {head}", *BODY]), title=f"# {head}")
    assert cleaned.title == head


def test_a_running_time_still_marks_the_video_title_after_it():
    # a bare "03:41" is also a time of day: the video rule must see it first
    video = ["03:41", "Fishing boats return to harbour after a long storm at sea"]
    cleaned = clean("\n\n".join([BODY[0], *video, BODY[1], BODY[2]]))
    assert paragraphs(cleaned.text) == BODY
    assert line_reason("03:41") == "video"
