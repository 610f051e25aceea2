"""Date expressions found in plain text: the date vocabulary, the patterns, and
``scan_dates(text)``, which gives the kind and character span of each expression.

Kept apart from ``readout.nlp.dates.resolve`` because finding an expression (which words make
a date; capitalisation keeping out the verbs "may" and "march") is a different job from dating it
against the publication date. Both ``dates.resolve`` and ``date_mentions.find_dates`` scan
with it, and ``dates`` reads its vocabulary (month and weekday numbers, relative days).
``find_full_date`` reads a full date as pages print it (bylines, metadata): the one place
where the program's date grammar is declared.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# Offsets in days of the words that name a day relative to publication.
RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
}  # fmt: skip

_MONTH_NAMES = "|".join([*(m.lower() for m in calendar.month_name if m), "sept"])
_M = rf"(?:{_MONTH_NAMES}|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.)"
# abbreviations only before a day number ("Mar. 31", "Sept 5"), never alone ("Mar-a-Lago")
_M_DAY = rf"(?:{_M}|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?=\s+\d))"
_W = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d{2}"
_TO = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
_DATE_US = rf"{_M_DAY}\s+{_D}(?:,?\s+{_Y})?(?!\d)"
# "12 June", "the 12th of June"
_DATE_UK = rf"(?:the\s+)?{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?"
# a bare year needs a word that introduces it: "in 2022", "since 2014" (not "2000 troops")
_YEAR_LEAD = r"(?:in|since|of|by|until|before|after|during|from|early|late|mid|end)"
_WITHIN = r"(?:earlier|later)\s+(?:this|in\s+the)"
_PATTERNS = [
    (
        "range",
        rf"(?:from\s+|between\s+)?(?:{_W},?\s+)?(?:{_DATE_US}|{_DATE_UK}){_TO}"
        rf"(?:{_W},?\s+)?(?:{_DATE_US}|{_DATE_UK}|{_D}(?:,?\s+{_Y})?)",
    ),
    ("range", rf"(?:from\s+|between\s+)?(?:the\s+)?{_D}{_TO}{_DATE_UK}"),  # "the 22-24 May"
    ("range", rf"from\s+{_W}\s+(?:to|until|till|through)\s+{_W}"),
    ("until", rf"(?:until|till|through)\s+(?:{_DATE_US}|{_DATE_UK}|(?:next\s+)?{_W})"),
    # "December 30 last year": the year word belongs to the day (dates.resolve reads it)
    ("day", rf"(?:{_W},?\s+)?(?:{_DATE_US}|{_DATE_UK})(?:,?\s+(?:last|this|next)\s+year)?"),
    (
        "month",
        rf"(?:(?:early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)[\s-]+)?"
        rf"{_M}(?:\s+{_Y})?(?![a-z])",
    ),
    ("ago", r"(?:\d+|a|one|two|three|four|five|six|seven)\s+days?\s+ago"),
    ("weekend", r"(?:over|during|at|on)?\s*(?:the|this|last|next)\s+weekend"),
    # "earlier this week", "earlier in the week", "later in the month": the current one
    ("relweek", rf"(?:{_WITHIN}|next|last|this)\s+week"),
    ("relmonth", rf"(?:{_WITHIN}|next|last|this)\s+month"),
    ("relyear", rf"(?:{_WITHIN}|next|last|this)\s+year"),
    ("relday", "|".join(RELATIVE_DAYS)),
    ("weekday", rf"(?:(?:next|last|this)\s+)?{_W}"),
    ("year", rf"{_YEAR_LEAD}[\s-]+{_Y}(?![/\d])"),
]
_SCANNER = re.compile(
    "|".join(f"(?P<{kind}{i}>\\b{pat}\\b)" for i, (kind, pat) in enumerate(_PATTERNS)),
    re.IGNORECASE,
)
_LEAD = re.compile(r"(?:over|during|at|on|in|since|of|by|until|before|after|from)\s+", re.I)
_MONTH_WORD = re.compile(rf"\b{_M_DAY}", re.IGNORECASE)


def _capitalised_month(text: str) -> bool:
    """Months are capitalised in news copy; this keeps out the verbs "may" and "march"."""
    words = _MONTH_WORD.findall(text)
    return not words or any(w[0].isupper() for w in words)


# Every pattern above holds one of these (a month, a weekday, a year, week/month/year, a
# relative day, "ago"): a sentence without any is not scanned. Most news sentences have no
# date, and the scanner's alternation is the slowest regular expression of the build.
_ANY_DATE_WORD = re.compile(
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|ago|week"
    r"|month|year|today|tonight|morning|afternoon|evening|yesterday|night|tomorrow|(?:19|20)\d\d",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 14)  # a sentence is scanned again for every trigger in it
def scan_dates(text: str) -> tuple[tuple[str, int, int], ...]:
    """(kind, start, end) of each date expression in ``text``, left to right."""
    if not _ANY_DATE_WORD.search(text):
        return ()
    return tuple(_scan_matches(text))


def _scan_matches(text: str):
    for match in _SCANNER.finditer(text):
        kind = re.sub(r"\d+$", "", match.lastgroup or "")
        start, end = match.span()
        if not _capitalised_month(match.group()):
            continue
        lead = _LEAD.match(match.group()) if kind in ("weekend", "year") else None
        yield kind, start + (lead.end() if lead else 0), end


# --- full dates (day, month and year) as pages print them -----------------------------------
# One grammar for the whole program: ``readout.ingest.meta`` reads publication dates (bylines,
# datelines, metadata values) with ``find_full_date`` too.

_FULL_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_FULL_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FULL_END = r"(?:\b|(?=\d{1,2}:\d\d))"  # pages glue the time on: "March 28, 20252:14 PM"
FULL_DATE_PATTERNS = (
    re.compile(rf"\b{_FULL_YEAR}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d)"),  # 2025-03-28
    re.compile(rf"\b{_FULL_MON}\s+{_FULL_DAY},?\s+{_FULL_YEAR}{_FULL_END}", re.I),  # March 28, 2025
    re.compile(rf"\b{_FULL_DAY}\s+(?:of\s+)?{_FULL_MON},?\s+{_FULL_YEAR}{_FULL_END}", re.I),
    re.compile(rf"(?<![\d/.])(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.]{_FULL_YEAR}\b"),  # 28/03/2025
)
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")


def valid_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _full_from(match: re.Match) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("m"):
        return valid_day(year, int(groups["m"]), int(groups["d"]))
    if groups.get("mon"):
        return valid_day(year, MONTHS[groups["mon"].lower()], int(groups["day"]))
    a, b = int(groups["a"]), int(groups["b"])
    # 03/04/2025 could be 3 April or March 4: only forms that read one way are dates
    if a > 12 >= b:
        return valid_day(year, b, a)
    if b > 12 >= a:
        return valid_day(year, a, b)
    return valid_day(year, a, b) if a == b else None


def find_full_date(text: str) -> tuple[str | None, re.Match | None]:
    """The first full date (day, month, year) in ``text`` as ISO, with its match."""
    if not _ANY_YEAR.search(text):  # every full date has a year: a cheap first test
        return None, None
    for pattern in FULL_DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _full_from(match)
            if iso:
                return iso, match
    return None, None
