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
from readout.nlp.dates.scanner import scan_dates
from readout.nlp.extensions import text_of

# The kinds whose year a narrative reference can supply: a month and day written out.
YEARLESS_KINDS = ("day", "range", "month")
_KEY = "readout_narrative_days"
_YEAR = re.compile(r"(?:19|20)\d\d")


def stated_days(doc: Doc) -> list[tuple[int, date]]:
    """(character offset, day) of each day in ``doc`` that states its own year, computed once
    per Doc. Months and years are too coarse: a background "in May 2024" says nothing of the
    year of the contact the page reports."""
    if _KEY not in doc.user_data:
        days = []
        for offset, line in _lines_with_a_year(text_of(doc)):
            for kind, start, end in scan_dates(line):
                found = resolve_unanchored(kind, line[start:end], "present")
                if found is not None and found.start and found.precision == "day":
                    days.append((offset + start, date.fromisoformat(found.start)))
        doc.user_data[_KEY] = days
    return doc.user_data[_KEY]


def _lines_with_a_year(text: str):
    """(offset, line) of each line that holds a year: only a date that states its year
    resolves to one day without a reference, and scanning a whole page for dates is slow."""
    offset = 0
    for line in text.split("\n"):
        if _YEAR.search(line):
            yield offset, line
        offset += len(line) + 1


def narrative_reference(doc: Doc, char: int) -> date | None:
    """The last self-contained date stated before ``char``; before the first one (a headline
    above the lede), the first one."""
    days = stated_days(doc)
    before = [day for start, day in days if start < char]
    if before:
        return before[-1]
    return days[0][1] if days else None
