"""A fifth round of furniture families, on HAND-MADE lines (none taken from a corpus page):
reuse notices, error-report prompts, newsletter sign-offs, picture notes, "read more on"
links, conditional donation appeals, and bylines made of names alone."""

from __future__ import annotations

import pytest
from test_furniture_families3 import assert_family, clean

FAMILIES = {
    "reuse notices": (
        [
            "When citing or using any materials of this site, a hyperlink to the source is "
            "mandatory.",
            "Full or partial reproduction of content is prohibited without the written "
            "permission of the editors.",
            "Use of our articles is permitted only with an active link to the site.",
        ],
        [
            "The court said using the archive materials without permission was prohibited.",
            "The harbour office published new rules on the use of shipping content on Monday.",
        ],
    ),
    "error-report prompts": (
        [
            "Found a typo? Select it and press Ctrl+Enter to tell the editors.",
            "If you have noticed a mistake in the text, highlight it and press Ctrl + Enter.",
            "Spotted an error in this article? Let the editors know.",
        ],
        ["The auditors found an error in the port accounts, the harbour master said."],
    ),
    "newsletter sign-offs": (
        [
            "Thanks for reading The Harbour Letter! Subscribe for free to get new posts.",
            "Thank you for reading. Share this post with a friend.",
        ],
        ["The mayor thanked the crews for reading the safety notice aloud, officials said."],
    ),
    "picture notes": (
        ["Representative image Image Credit: Staff", "Representational photo. Photo: Pool"],
        ["A representative of the port authority attended the talks on Friday."],
    ),
    "read more on another site": (
        ["Read more on Harbour News", "Read the full story at the Daily Ledger"],
        ["Ministers will read more on the proposal before the vote, the chair said."],
    ),
    "conditional donation appeals": (
        [
            "We have covered the ports for ten years with the help of our readers. If you "
            "value our reporting, please consider supporting us today.",
            "If you enjoy our coverage, consider becoming a member.",
        ],
        ["If the talks fail, the ministers will consider other routes, the envoy said."],
    ),
}  # fmt: skip


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_lines_go_and_lookalike_sentences_stay(family):
    assert_family(*FAMILIES[family])


BODY = "The ferry operators met in Tallinn on Thursday to discuss the timetable, officials said."


@pytest.mark.parametrize(
    "names", ["Jane Roe and John Doe", "Jane Roe", "Jane Roe, John Doe and Ann Lee"]
)
def test_names_alone_beside_a_stamp_are_a_byline(names):
    lines = ["Ferry talks resume in Tallinn", "", names, "March 3, 2023", "", BODY]
    assert clean(lines) == [BODY]


def test_names_alone_between_body_sentences_stay():
    # no furniture beside them: a one-line paragraph of the text (a signature, a list)
    second = "Both companies are expected to publish their winter schedules next month."
    lines = ["Ferry talks resume in Tallinn", "", BODY, "", "Jane Roe", "", second]
    assert "Jane Roe" in clean(lines)
