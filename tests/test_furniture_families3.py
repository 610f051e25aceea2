"""A third round of furniture families, on HAND-MADE lines (none taken from a corpus page).

Each row: lines that must go, and body sentences that look like them and must stay. Families
told by their neighbours (a list widget's items, a gallery's caption, the rest of a
correction note) are tested on small pages further down.
"""

from __future__ import annotations

import pytest

from readout.ingest.clean import clean_article, line_reason
from readout.snapshot.records import RawArticle

BODY = [
    "The ferry operators met in Tallinn on Thursday to discuss the new timetable, officials said.",
    "Both companies are expected to publish their winter schedules next month.",
    "Port workers said the talks were the first of their kind in several years.",
]

FAMILIES = {
    "running-list teasers": (
        [
            "Sudan conflict: List of key developments, day 88",
            "Israel-Hamas war: key events on day 212",
            "list of 6 items",
        ],
        ["The list of key demands was handed to the harbour master on Monday, officials said."],
    ),
    "stamps with a dash and a dateline place": (
        [
            "Published - March 3, 2023 09:12 am IST - NEW DELHI",
            "Updated – 14 June 2022 18:05 CET – OSLO",
            "Posted On: 5 January,2021 11:40 am",
        ],
        ["The port was updated - in March 2023 - with two new berths, OSLO officials said."],
    ),
    "save and bookmark buttons": (
        ["SAVE FOR LATER", "Read later", "Add to reading list", "Bookmark this article"],
        ["Readers can save the timetable for later use, the operator said on Friday."],
    ),
    "newsletter pitches without the word": (
        [
            "Get the best of Baltic shipping delivered to your inbox.",
            "Our top stories, straight to your inbox every morning.",
        ],
        ["The minister said the letter was delivered to his office in Riga on Tuesday."],
    ),
    "outlet self-descriptions with an appeal": (
        [
            "Harbour Voice is an independent news site that the regional government has called "
            '"hostile." Support us — every contribution helps.',
        ],
        ["Harbour Voice is an independent news site based in Tallinn, its editor said."],
    ),
    "embed widgets": (
        ["Copy and paste the video embed code below:", "Get embed code", "Embed this video"],
        ["The operator will embed a code of conduct in the contract, officials said."],
    ),
    "correction notes": (
        [
            "Correction: A previous version of this story gave the wrong day for the vote.",
            "Clarification (May 4): the talks were held in Riga, not Tallinn.",
            "This article was amended on 12 May 2023 to correct the name of the port.",
            "An earlier version of this report misstated the size of the fleet.",
        ],
        ["The correction of the timetable will take effect in May, the operator said."],
    ),
    "appeals that name no reader": (
        [
            "Support independent journalism from Tartu. Become a Tartu Courier member today.",
            "Support quality reporting.",
        ],
        ["Estonia wants to become a member of the shipping council, the minister said."],
    ),
    "embedded post headers": (
        ["Kari Dahl @karidahl", "Port Authority ✓ @PortAuth · 3h"],
        ["The port authority (@PortAuth on social media) posted the new timetable on Monday."],
    ),
    "audio players": (
        ["Listen to story · 6 min", "Listen to this article (3:12)", "Play audio · 5 minutes"],
        ["Listen to the sailors, the union leader told the ministers in Tallinn on Monday."],
    ),
    "photo galleries": (
        ["Image gallery (8 images)", "View the full gallery", "14 photos"],
        ["The gallery of the maritime museum reopened in Tallinn on Sunday, officials said."],
    ),
    "browser notices and live-blog controls": (
        ["Please enable JavaScript to view this content", "View all posts", "Key events"],
        ["Key events of the summit will be broadcast live, organisers said on Monday."],
    ),
    "live-blog shift bylines": (
        ["Kari Dahl (now), Jon Berg (earlier)"],
        ["Kari Dahl (now retired) said the port had changed, her successor said."],
    ),
}


def assert_family(drop: list[str], keep: list[str]) -> None:
    """Every line of ``drop`` is furniture; every lookalike of ``keep`` is not."""
    for line in drop:
        assert line_reason(line) is not None, line
    for line in keep:
        assert line_reason(line) is None, line


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_lines_go_and_lookalike_sentences_stay(family):
    assert_family(*FAMILIES[family])


def clean(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    return clean_article(RawArticle(file="t.txt", text=text)).text.split("\n\n")


def test_list_widget_items_go_even_when_written_as_questions():
    page = [BODY[0], "", "Keep reading", "list of 3 items", "Ferry strike ends in Turku",
            "Why are Baltic ports losing cargo?", "Union leader calls for new talks",
            "end of list", "", BODY[1], "", BODY[2]]  # fmt: skip
    text = clean(page)
    assert text == BODY
    assert "Why are Baltic ports losing cargo?" not in "\n".join(text)


def test_a_question_in_the_body_without_a_list_marker_stays():
    page = [BODY[0], "", "Why are Baltic ports losing cargo?", "", BODY[1], "", BODY[2]]
    assert "Why are Baltic ports losing cargo?" in clean(page)


def test_the_caption_after_a_gallery_marker_goes():
    caption = "During the signing ceremony with the mayors of Tartu and Narva."
    page = [BODY[0], "", "Photo gallery (5 photos)", caption, "", BODY[1], "", BODY[2]]
    assert clean(page) == BODY


def test_a_sentence_after_a_gallery_marker_stays():
    sentence = "At the ceremony, the mayors of Tartu and Narva signed the port agreement."
    page = [BODY[0], "", "Photo gallery (5 photos)", sentence, "", BODY[1], "", BODY[2]]
    assert sentence in clean(page)


def test_a_fragment_without_a_gallery_marker_stays():
    fragment = "With the mayors of Tartu and Narva before the signing ceremony."
    page = [BODY[0], "", fragment, "", BODY[1], "", BODY[2]]
    assert fragment in clean(page)


def test_a_correction_note_goes_whole_with_the_rest_of_its_paragraph():
    page = [BODY[0], "", BODY[1], "", BODY[2], "",
            "Correction: An earlier version of this story said the talks were on Monday.",
            "They were held on Tuesday, 4 June."]  # fmt: skip
    assert clean(page) == BODY


def test_the_paragraph_under_a_correction_heading_goes():
    note = "The talks were held on 4 June, not on 3 June as first reported."
    page = [BODY[0], "", BODY[1], "", BODY[2], "", "Correction", "", note]
    assert clean(page) == BODY


def test_the_next_paragraph_after_a_correction_stays():
    page = [BODY[0], "", "Correction: the talks were held on Tuesday, not Monday.", "",
            BODY[1], "", BODY[2]]  # fmt: skip
    assert clean(page) == BODY
