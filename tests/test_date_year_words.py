"""A day written with a year word ("December 30 last year") is that day of that year, one
date expression (sentences written for this test; published 17 March 2023)."""

import pytest

from readout.nlp.dates.resolve import resolve
from readout.nlp.dates.scanner import scan_dates


@pytest.mark.parametrize(
    ("text", "tense", "day"),
    [
        ("December 30 last year", "future", "2022-12-30"),  # the tense alone: December 2023
        ("on 5 December this year", "past", "2023-12-05"),  # past alone: December 2022
        ("January 10 next year", "present", "2024-01-10"),  # nearest alone: January 2023
    ],
)
def test_a_day_with_a_year_word(text, tense, day):
    found = resolve(text, "2023-03-17", tense)
    assert (found.start, found.precision) == (day, "day")


def test_the_year_word_is_part_of_the_day_expression():
    text = "They held a video call on December 30 last year."
    assert [(kind, text[a:b]) for kind, a, b in scan_dates(text)] == [
        ("day", "December 30 last year")
    ]
