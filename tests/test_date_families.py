"""Date grammar families (readout.nlp.dates.resolve) and merged dates
(readout.snapshot.merge_dates), on expressions written for these tests."""

import pytest

from readout.nlp.dates.resolve import resolve
from readout.snapshot.merge_dates import chosen_date
from readout.snapshot.records import EventRecord


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("from the 22-24 October", "2025-10-22", "2025-10-24"),
        ("the 3rd to the 5th of November", "2025-11-03", "2025-11-05"),
        ("on the 12th of September", "2025-09-12", None),
        ("the 12th of September 2024", "2024-09-12", None),
    ],
)
def test_day_month_with_the_article_and_of(text, start, end):
    found = resolve(text, "2025-06-11", "future")
    assert (found.start, found.end, found.precision) == (start, end, "day")


def _ev(date, precision, basis):
    return EventRecord("talks", ["a", "b"], None, date, None, precision, "held", 0, 1, "", basis)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2025-03-18", ("2025-03-18", "day")),  # a day inside the chosen month refines it
        ("2025-02-27", ("2025-03-01", "month")),  # a day outside it does not
    ],
)
def test_a_day_inside_the_chosen_month_refines_it(day, expected):
    reports = [
        ("a1", _ev("2025-03-01", "month", "stated"), ""),
        ("a2", _ev(day, "day", "relative"), ""),
    ]
    chosen = chosen_date(reports, {"a1": "2025-03-20", "a2": "2025-03-19"})
    assert (chosen.date, chosen.date_precision) == expected
