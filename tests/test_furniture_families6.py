"""A sixth round of furniture families, on HAND-MADE lines (none taken from any article):
long copyright credits that end in a picture agency, "(Photo by ...)" credits, a credit glued
to its caption, one date written twice on a line, a stamp with a reading time, icon rows
named by their label, labelled privacy notices, bylines written "by:"; and the last paragraph
signed with an agency's tag, which stays."""

from __future__ import annotations

import pytest
from test_furniture_families3 import assert_family

FAMILIES = {
    "long copyright credits": (
        [
            "The harbour master at the pier © Jane Roe/Press Office of the Port Authority/AFP",
            "Ferries in the bay © John Doe/Baltic News Service Photo Desk Staff/Reuters",
        ],
        [
            # a sign in a sentence, and a long tail that names no picture agency
            "The logo © was painted on the ferry by the crew of the northern harbour in May.",
            "The mark © Harbour Company of the Northern Baltic Ports and Ferry Lines Group",
        ],
    ),
    "credits by a photographer": (
        [
            "The ferry leaves Tallinn on May 2, 2024. (Photo by Jane Roe/AFP via Getty Images)",
            "Dock workers at the harbour (Image by John Doe)",
        ],
        ["The captain said he would not be photographed (by anyone) on the pier."],
    ),
    "credits glued to the caption": (
        [
            "The new ferry leaves the harbour in TallinnImage: Jane Roe/AFP",
            "Dock workers on strike in RigaPhoto: John Doe/dpa/picture alliance",
        ],
        ["The museum shows an Image: the harbour at night, painted in 1920."],
    ),
    "a date written twice": (
        ["05/03/2024March 5, 2024", "March 5, 2024 | 05.03.2024"],
        ["The ferry sailed on March 5, 2024, and returned on March 6, 2024."],
    ),
    "stamp with a reading time": (
        ["May 3, 2024 9:40 AM  3 min read", "05/03/2024 · 4 min read"],
        [],
    ),
    "icon rows named by their label": (
        ["Read Baltic Wire on", "Follow Harbour News on:"],
        ["He said he would read the statement on Monday."],
    ),
    "labelled privacy notices": (
        ["Privacy Notice: Newsletters may contain information about charities and ads."],
        ["The privacy notice, the court said, was not shown to users."],
    ),
    "bylines with a colon": (
        ["by: JANE ROE, Baltic Wire", "By: John Doe"],
        ["By then, the ferry had left."],
    ),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_lines_go_and_lookalike_sentences_stay(family):
    assert_family(*FAMILIES[family])


def test_the_last_paragraph_signed_with_the_agency_tag_stays():
    from test_furniture_families3 import clean

    first = "The ferry company said on Monday that the strike at the harbour had ended."
    last = (
        "The port has consistently called for talks between the unions and the owners, "
        "while keeping its winter timetable in the face of rising fuel costs. (AFP)"
    )
    caption = "Ferries at the harbour in Tallinn on Monday. (AFP)"
    text = "\n\n".join(
        clean(
            ["Ferry strike ends", "", caption, "", first, "", last, "", "Tags: Ferries | Tallinn"]
        )
    )
    assert first in text and last[:-6] in text
    assert caption not in text
