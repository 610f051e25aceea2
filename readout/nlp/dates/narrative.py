"""The reference day of an article that gives no publication date.

HeidelTime's narrative mode dates a text without a document time by the last date the text
itself stated. Readout does so only for written-out dates that lack their year: in a page with
no publication date, "on 9 July, the envoy flew on to Oslo" after "talks on 7 July 2024" is
9 July 2024 for any reader. Relative expressions ("on Tuesday",
"last week") stay undated: they count from the day of writing, which the page does not give.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from readout.nlp.dates.resolve import resolve_unanchored
from readout.nlp.dates.scanner import MONTHS, WEEKDAYS, scan_dates
from readout.nlp.extensions import text_of

# The kinds whose year a narrative reference can supply: a month and day written out.
YEARLESS_KINDS = ("day", "range", "month")
_KEY = "readout_narrative_days"
_LATEST_KEY = "readout_latest_year"
_YEAR = re.compile(r"(?:19|20)\d\d")  # loose: "March 28, 20252:14 PM" glues a time on
_YEAR_WORD = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WEEKDAY = re.compile("|".join(WEEKDAYS), re.IGNORECASE)
WINDOW = 4  # years: the latest year the page writes and the three after it
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_DAY = re.compile(
    rf"(?P<w>{'|'.join(WEEKDAYS)})\W+(?:the\s+)?(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?)",
    re.IGNORECASE,
)


def stated_days(doc: Doc) -> list[tuple[int, date]]:
    """(character offset, day) of each day in ``doc`` that states its own year, or its
    weekday (``weekday_day``), in text order, computed once per Doc. Months and years are too
    coarse: a background "in May 2024" says nothing of the year of the contact reported."""
    if _KEY not in doc.user_data:
        days = []
        for offset, line in _lines_with_a_year(text_of(doc)):
            for kind, start, end in scan_dates(line):
                found = resolve_unanchored(kind, line[start:end], "present")
                if found is not None and found.start and found.precision == "day":
                    days.append((offset + start, date.fromisoformat(found.start)))
        days += _weekday_days(doc)
        doc.user_data[_KEY] = sorted(days)
    return doc.user_data[_KEY]


def _weekday_days(doc: Doc) -> list[tuple[int, date]]:
    text = text_of(doc)
    latest = _latest_year_of(doc)
    if latest is None:
        return []
    found, offset = [], 0
    for line in text.split("\n"):
        for kind, start, end in scan_dates(line) if _WEEKDAY.search(line) else ():
            if (day := weekday_day(kind, line[start:end], latest)) is not None:
                found.append((offset + start, day))
        offset += len(line) + 1
    return found


def latest_year(text: str, *, now: date | None = None) -> int | None:
    """The latest year the page writes that is not in the future: the page was written in
    it or after it ("by 2030" is a plan, not a date the page has seen)."""
    this_year = (now or date.today()).year
    years = [int(y) for y in _YEAR_WORD.findall(text) if int(y) <= this_year]
    return max(years, default=None)


def _latest_year_of(doc: Doc) -> int | None:
    """``latest_year`` of the whole Doc, once per Doc: every yearless date asks for it."""
    if _LATEST_KEY not in doc.user_data:
        doc.user_data[_LATEST_KEY] = latest_year(text_of(doc))
    return doc.user_data[_LATEST_KEY]


def weekday_day(kind: str, text: str, latest: int) -> date | None:
    """ "Thursday, March 16" on a page that gives no year for it: the one year, from the
    latest the page writes to three after it, in which that day falls on that weekday (a
    day's weekday moves on every year, so four years never hold two). None, and the day
    stays undated."""
    if kind != "day" or (parts := _weekday_parts(text)) is None:
        return None
    weekday, month, day = parts
    years = [y for y in range(latest, latest + WINDOW) if _weekday_of(y, month, day) == weekday]
    return date(years[0], month, day) if len(years) == 1 else None


def _weekday_parts(text: str) -> tuple[int, int, int] | None:
    match = _WEEKDAY_DAY.fullmatch(text.strip())
    if match is None or _YEAR_WORD.search(text):
        return None
    month = MONTHS.get((match["m1"] or match["m2"]).lower().rstrip("."))
    day = int(match["d1"] or match["d2"])
    return (WEEKDAYS[match["w"].lower()], month, day) if month else None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:  # 29 February
        return None


def _lines_with_a_year(text: str):
    """(offset, line) of each line that holds a year: only a date that states its year
    resolves to one day without a reference, and scanning a whole page for dates is slow."""
    offset = 0
    for line in text.split("\n"):
        if _YEAR.search(line):
            yield offset, line
        offset += len(line) + 1


def reference_for(doc: Doc, kind: str, text: str, char: int) -> date | None:
    """The day a yearless expression at ``char`` is read against: its own weekday's year
    ("Thursday, March 16"), else the narrative reference."""
    latest = _latest_year_of(doc) if _WEEKDAY.search(text) else None
    day = weekday_day(kind, text, latest) if latest is not None else None
    return day or narrative_reference(doc, char)


def narrative_reference(doc: Doc, char: int) -> date | None:
    """The last self-contained date stated before ``char``; before the first one (a headline
    above the lede), the first one."""
    days = stated_days(doc)
    before = [day for start, day in days if start < char]
    if before:
        return before[-1]
    return days[0][1] if days else None
