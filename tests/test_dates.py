"""Date expressions resolved against the publication date (readout.nlp.dates.resolve)."""

import pytest

from readout.nlp.dates.mentions import date_for, find_dates, tense_of
from readout.nlp.dates.resolve import DateRange, resolve

FRIDAY = "2025-03-28"  # a Friday


def day(iso: str, end: str | None = None) -> DateRange:
    return DateRange(iso, end, "day")


def month(iso: str) -> DateRange:
    return DateRange(iso, None, "month")


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        # weekdays follow the tense; the publication day itself counts for the past
        ("on Wednesday", "past", day("2025-03-26")),
        ("on Friday", "past", day("2025-03-28")),
        ("on Wednesday", "future", day("2025-04-02")),
        ("on Friday", "future", day("2025-03-28")),  # wire style: the day of publication
        ("on Sunday", "present", day("2025-03-30")),
        ("on Tuesday", "present", day("2025-03-25")),
        ("last Thursday", "future", day("2025-03-27")),
        ("next Monday", "past", day("2025-03-31")),
        # explicit dates; a missing year puts the date on the tense's side of publication
        ("on March 30", "future", day("2025-03-30")),
        ("on April 20", "past", day("2024-04-20")),
        ("on March 29", "past", day("2025-03-29")),  # a day of dateline slack
        ("12 February 2024", "future", day("2024-02-12")),
        ("on Jan. 7, 2025", "past", day("2025-01-07")),
        ("Monday, March 31", "past", day("2025-03-31")),  # the weekday picks the year
        # ranges
        ("from April 3 to April 5", "future", day("2025-04-03", "2025-04-05")),
        ("April 29-May 1", "future", day("2025-04-29", "2025-05-01")),
        ("May 6-8", "future", day("2025-05-06", "2025-05-08")),
        ("6-8 May", "future", day("2025-05-06", "2025-05-08")),
        ("from 30 December to 2 January 2025", "past", day("2024-12-30", "2025-01-02")),
        ("from Monday to Wednesday", "future", day("2025-03-31", "2025-04-02")),
        ("until Tuesday", "future", DateRange(None, "2025-04-01", "unknown")),
        # words relative to the publication day
        ("today", "past", day("2025-03-28")),
        ("yesterday", "past", day("2025-03-27")),
        ("tomorrow", "future", day("2025-03-29")),
        ("three days ago", "past", day("2025-03-25")),
        ("over the weekend", "past", day("2025-03-22", "2025-03-23")),
        ("this weekend", "future", day("2025-03-29", "2025-03-30")),
        # weeks: the day is unknown, so the month of the week's Monday
        ("next week", "future", month("2025-03-01")),
        ("last week", "past", month("2025-03-01")),
        # months and years
        ("last month", "past", month("2025-02-01")),
        ("this month", "past", month("2025-03-01")),
        ("next month", "future", month("2025-04-01")),
        ("in January", "past", month("2025-01-01")),
        ("in May", "past", month("2024-05-01")),
        ("in May", "future", month("2025-05-01")),
        ("in late January", "past", month("2025-01-01")),
        ("mid-December", "past", month("2024-12-01")),
        ("in October 2022", "past", month("2022-10-01")),
        ("earlier this year", "past", DateRange("2025-01-01", None, "year")),
        ("last year", "past", DateRange("2024-01-01", None, "year")),
        ("since 2014", "past", DateRange("2014-01-01", None, "year")),
    ],
)
def test_resolve(text, tense, expected):
    assert resolve(text, FRIDAY, tense) == expected


def test_weekends_seen_from_the_weekend():
    sunday = "2025-03-30"
    assert resolve("over the weekend", sunday, "past") == day("2025-03-29", "2025-03-30")
    assert resolve("last weekend", sunday, "past") == day("2025-03-22", "2025-03-23")


@pytest.mark.parametrize(
    "text", ["the market", "Mar-a-Lago", "2000 troops", "they may meet", "a call", ""]
)
def test_not_dates(text):
    assert resolve(text, FRIDAY) is None


def test_no_publication_date_no_resolution():
    assert resolve("on Tuesday", None) is None


@pytest.fixture(scope="module")
def nlp():
    from readout.nlp.pipeline import load_model

    return load_model()


@pytest.mark.parametrize(
    ("sentence", "word", "tense"),
    [
        ("The envoy met the minister on Monday.", "met", "past"),
        ("The envoy will meet the minister on Monday.", "meet", "future"),
        ("The envoy is scheduled to meet the minister.", "meet", "future"),
        ("The envoy is due to arrive in Paris.", "arrive", "future"),
        ("The spokesman said the envoy would travel to Paris.", "travel", "future"),
        ("The envoy has visited Paris twice.", "visited", "past"),
        ("The envoy went to Paris to meet the minister.", "meet", "past"),
        ("The minister travels to Paris.", "travels", "present"),
    ],
)
def test_tense_of_governing_verb(nlp, sentence, word, tense):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert tense_of(token) == tense


def test_find_dates_reads_tense_per_clause(nlp):
    doc = nlp("The ministry said on Friday that the envoy will arrive in Paris on Sunday.")
    found = {m.span.text: m.range.start for m in find_dates(doc, FRIDAY)}
    assert found == {"Friday": "2025-03-28", "Sunday": "2025-03-30"}


def test_find_dates_marks_bounds(nlp):
    doc = nlp("Ties have grown since February 2022.")
    (mention,) = find_dates(doc, FRIDAY)
    assert mention.bound == "since"


def test_date_for_a_reporting_verb(nlp):
    doc = nlp("The minister told reporters on Wednesday that talks would resume next month.")
    told = next(t for t in doc if t.text == "told")
    resume = next(t for t in doc if t.text == "resume")
    assert date_for(told, FRIDAY) == day("2025-03-26")
    assert date_for(resume, FRIDAY) == month("2025-04-01")


def test_day_anaphora_offsets():
    from readout.nlp.dates.anaphora import PATTERN, offset_days

    cases = {
        "on the same day": 0, "earlier in the day": 0, "later that day": 0,
        "the next day": 1, "the following day": 1, "the day before": -1, "a day later": 1,
        "a week after": 7, "two days earlier": -2, "the previous day": -1,
    }  # fmt: skip
    for phrase, offset in cases.items():
        match = PATTERN.fullmatch(phrase)
        assert match, phrase
        assert offset_days(match) == offset, phrase
