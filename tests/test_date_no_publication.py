"""A page with no publication date still dates what it writes out (sentences written for this
test): a date with its year, and a yearless day in the year of the last date stated before it
(HeidelTime's narrative mode). Relative expressions stay undated: they count from the day of
writing, which such a page does not give."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)

from readout.nlp.dates.resolve import resolve

LEDE = "Wang Yi met Sergei Lavrov in Moscow on July 3, 2024."


def dated(found) -> list[tuple]:
    return sorted(
        (e.date, e.date_precision) for e in found if e.type in ("meeting", "talks", "call")
    )


def undated_page_calls(nlp, text: str) -> list[tuple]:  # noqa: F811
    """(date, precision) of each call found in ``text`` read as a page with no date."""
    return [
        (e.date, e.date_precision) for e in events(nlp, text, published=None) if e.type == "call"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on March 5, 2024", ("2024-03-05", "day")),
        ("from 20 to 22 March 2024", ("2024-03-20", "day")),
        ("in February 2024", ("2024-02-01", "month")),
        ("in 2023", ("2023-01-01", "year")),
        ("on March 5", None),
        ("on Tuesday", None),
        ("last week", None),
        ("December 30 last year", None),
    ],
)
def test_without_publication_only_self_contained_expressions_resolve(text, expected):
    found = resolve(text, None)
    assert (found and (found.start, found.precision)) == expected or found is expected


def test_a_stated_date_dates_the_event_without_a_publication_date(nlp):  # noqa: F811
    assert dated(events(nlp, LEDE, published=None)) == [("2024-07-03", "day")]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # the year of the last stated date, nearest either way
        ("On July 5, Xi Jinping held a phone call with Vladimir Putin.", ("2024-07-05", "day")),
        ("On June 28, Xi Jinping held a phone call with Vladimir Putin.", ("2024-06-28", "day")),
        ("In January, Xi Jinping held a phone call with Vladimir Putin.", ("2025-01-01", "month")),
        # a weekday counts from the day of writing: no day without one
        ("On Friday, Xi Jinping held a phone call with Vladimir Putin.", (None, "unknown")),
    ],
)
def test_a_yearless_day_takes_the_year_of_the_last_stated_date(nlp, second, expected):  # noqa: F811
    assert undated_page_calls(nlp, f"{LEDE} {second}") == [expected]


def test_before_any_stated_date_a_yearless_day_takes_the_first_one(nlp):  # noqa: F811
    text = (
        "On July 5, Xi Jinping held a phone call with Vladimir Putin. "
        "It followed talks on 3 July 2024."
    )
    assert undated_page_calls(nlp, text) == [("2024-07-05", "day")]


def test_a_month_is_too_coarse_to_anchor_a_yearless_day(nlp):  # noqa: F811
    # background "in May 2024" says nothing of the year of the contact the page reports
    text = (
        "The partnership was upgraded in May 2024. "
        "On 25 June, Xi Jinping held a phone call with Vladimir Putin."
    )
    assert undated_page_calls(nlp, text) == [(None, "unknown")]
