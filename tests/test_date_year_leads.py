"""A year led by a word of time ("in early 2022", "mid-2023", "since late 2014") is that year,
whether or not the page gives a publication date (expressions written for this test)."""

import pytest

from readout.nlp.dates.resolve import resolve


@pytest.mark.parametrize("published", ["2024-05-01", None])
@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("in early 2022", "2022"),
        ("in mid-2023", "2023"),
        ("since late 2014", "2014"),
        ("in 2019", "2019"),
    ],
)
def test_a_led_year_is_that_year(text, year, published):
    found = resolve(text, published)
    assert (found.start, found.precision) == (f"{year}-01-01", "year")
