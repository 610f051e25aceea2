"""Date expressions resolved against an article's publication date.

Public API (used by events and by quotes to date statements):

* ``DateRange(start, end, precision)``: ISO ``YYYY-MM-DD`` strings or None; ``precision`` is
  one of ``day | month | year | unknown`` and describes ``start``. Month and year precision
  put the first day of the month/year in ``start``.
* ``resolve(text, published, tense="past")``: one expression ("on Tuesday", "March 31",
  "from March 31 to April 2", "last month") to a ``DateRange``, or None when not a date.
* ``resolve_kind(kind, text, pub, tense)``: the resolver behind ``resolve``, for
  ``readout.nlp.dates.mentions``, which finds and dates the expressions of a parsed sentence
  (``find_dates``, ``date_for``, ``tense_of``). Both find the expressions with
  ``readout.nlp.dates.scanner.scan_dates``.

The rules, in one place:

* Weekdays follow the tense: past = the most recent such day on or before publication, future
  = the first such day on or after it (wire style names the day of publication by its weekday:
  "met on Tuesday" and "will meet on Tuesday" in a Tuesday story both mean that day); present
  = the nearest one (a headline's "heads to Moscow on Monday"). "last Tuesday" is strictly
  before, "next Tuesday" strictly after.
* Dates without a year ("March 31") and bare months ("in February", "in early March") take the
  year that puts them on or before publication (past), on or after it (future), or nearest.
* "next week"/"last week"/"this week": the day is unknown, so precision ``month`` with the
  month of that week's Monday (the earliest day the event can start).
* "over the weekend": the Saturday–Sunday on or before publication (the next one in future
  tense); precision day, end Sunday.
* "until Thursday" alone gives an end date only (start None, precision unknown).
* An article with no publication date still has its self-contained dates ("March 31, 2024",
  "in 2023"): ``resolve_unanchored`` keeps an expression only when it resolves to the same
  range against reference days far apart, so nothing relative or yearless gets a guessed day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from readout.nlp.dates.scanner import MONTHS, NUMBERS, RELATIVE_DAYS, WEEKDAYS, scan_dates

# How a date was found, best first: written out ("March 31"), relative to publication ("on
# Tuesday", "last month"), relative to a day named before ("the same day"), the publication day
# of a same-day report ("is meeting"), or not at all.
BASES = ("stated", "relative", "anaphoric", "publication", "none")
# The basis of each kind of expression ``scan_dates`` finds.
KIND_BASIS = {
    "range": "stated", "until": "stated", "day": "stated", "month": "stated", "year": "stated",
    "weekday": "relative", "relday": "relative", "ago": "relative", "weekend": "relative",
    "relweek": "relative", "relmonth": "relative", "relyear": "relative",
}  # fmt: skip


@dataclass(frozen=True)
class DateRange:
    start: str | None
    end: str | None = None
    precision: str = "day"  # day | month | year | unknown (of ``start``)
    # how it was found (see BASES); not part of equality: the same day is the same date
    basis: str = field(default="stated", compare=False)

    def based(self, basis: str) -> DateRange:
        return replace(self, basis=basis)


def as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# --- resolving one expression --------------------------------------------------------------


def _month_of(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")) or MONTHS.get(word.lower()[:3])


@dataclass(frozen=True)
class _Parts:
    """The pieces of an explicit date; a missing year is inferred."""

    month: int | None
    day: int | None
    year: int | None
    weekday: int | None

    def on(self, year: int) -> date | None:
        try:
            return date(year, self.month or 0, self.day or 0)
        except ValueError:
            return None


def _parts(text: str, month_hint: int | None = None) -> _Parts:
    words = re.findall(r"[a-z]+|\d+", text.lower())
    month = next((_month_of(w) for w in words if w.isalpha() and _month_of(w)), month_hint)
    numbers = [int(w) for w in words if w.isdigit()]
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    day = next((n for n in numbers if n <= 31), None)
    return _Parts(month, day, next((n for n in numbers if n > 31), None), weekday)


def _pick_year(parts: _Parts, pub: date, tense: str) -> date | None:
    """The year that puts the date before (past), after (future) or nearest publication;
    a weekday given with the date ("Tuesday, April 1") picks the year where it matches."""
    if parts.year:
        return parts.on(parts.year)
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := parts.on(y))]
    matching = [d for d in options if d.weekday() == parts.weekday]
    if parts.weekday is not None and matching:
        return min(matching, key=lambda d: abs(d - pub))
    if not options:
        return None
    nearest = min(options, key=lambda d: abs(d - pub))
    if tense == "past":  # two days of slack: datelines and time zones run ahead
        return max((d for d in options if d <= pub + timedelta(days=2)), default=nearest)
    if tense == "future":
        return min((d for d in options if d >= pub), default=nearest)
    return nearest


YEAR_SHIFT = re.compile(r"\b(last|this|next)\s+year\b", re.I)


def _explicit_day(text: str, pub: date, tense: str) -> date | None:
    """'March 31', '31 March 2025', 'Tuesday, April 2, 2025', 'December 30 last year'."""
    parts = _parts(text)
    shift = YEAR_SHIFT.search(text)
    if shift and parts.year is None:
        year = pub.year + {"last": -1, "this": 0, "next": 1}[shift.group(1).lower()]
        parts = replace(parts, year=year)
    return _pick_year(parts, pub, tense) if parts.month and parts.day else None


def _weekday(text: str, pub: date, tense: str) -> date:
    words = text.lower().split()
    target = WEEKDAYS[words[-1]]
    back = (pub.weekday() - target) % 7
    if words[0] == "last":
        return pub - timedelta(days=back or 7)
    if words[0] == "next":
        return pub + timedelta(days=(7 - back) or 7)
    if tense == "future":
        return pub + timedelta(days=(7 - back) % 7)
    if tense == "past" or back <= 3:
        return pub - timedelta(days=back)
    return pub + timedelta(days=7 - back)


def _month_start(pub: date, shift: int) -> date:
    index = pub.year * 12 + pub.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


def _bare_month(text: str, pub: date, tense: str) -> DateRange:
    words = text.lower().replace("-", " ").split()
    year = next((int(w) for w in words if w.isdigit()), None)
    month = next(_month_of(w) for w in words if _month_of(w))
    if year is None:
        year = pub.year
        if tense == "future" and month < pub.month:
            year += 1
        elif tense != "future" and month > pub.month:
            year -= 1
    return DateRange(date(year, month, 1).isoformat(), None, "month")


def _shift(text: str) -> int:
    first = text.lower().split()[0]
    return {"next": 1, "last": -1, "past": -1}.get(first, 0)


def _weekend(text: str, pub: date, tense: str) -> date:
    """The Saturday of the weekend meant (see the module docstring)."""
    words = text.lower().split()
    since_saturday = (pub.weekday() - 5) % 7  # 0 on a Saturday, 1 on a Sunday
    last_saturday = pub - timedelta(days=since_saturday)
    on_weekend = since_saturday <= 1
    if "next" in words:
        return last_saturday + timedelta(weeks=1)
    if "last" in words:
        return last_saturday - timedelta(weeks=1) if on_weekend else last_saturday
    if tense == "future" and not on_weekend:
        return last_saturday + timedelta(weeks=1)
    return last_saturday


def _day(d: date | None) -> DateRange | None:
    return DateRange(d.isoformat(), None, "day") if d else None


def _range(text: str, pub: date, tense: str) -> DateRange | None:
    body = re.sub(r"^(?:(?:from|between)\s+)?(?:the\s+)?", "", text.strip(), flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*", body)
    if len(parts) != 2:
        return None
    left, right = parts
    if left.lower() in WEEKDAYS:
        start = _weekday(left, pub, tense)
        end = start + timedelta(days=(WEEKDAYS[right.lower()] - start.weekday()) % 7)
        return DateRange(start.isoformat(), end.isoformat(), "day")
    # "March 20-22" / "20-22 March": the side without a month borrows the other's
    first = _parts(left)
    last = _parts(right, month_hint=first.month)
    first = _parts(left, month_hint=last.month)
    if not (first.month and first.day and last.day):
        return None
    # the year comes from an explicit one, else from the end (future) or the start (past)
    if last.year and not first.year:
        end = last.on(last.year)
        start = first.on(last.year)
        if start and end and start > end:
            start = first.on(last.year - 1)
    else:
        anchor_last = tense == "future" and not first.year
        if anchor_last:
            end = _pick_year(last, pub, tense)
            start = first.on(end.year) if end else None
            if start and end and start > end:
                start = first.on(end.year - 1)
        else:
            start = _pick_year(first, pub, tense)
            end = last.on(last.year or start.year) if start else None
            if start and end and end < start and not last.year:
                end = last.on(start.year + 1)
    if start is None or end is None:
        return None
    return DateRange(start.isoformat(), end.isoformat(), "day")


def resolve_kind(kind: str, text: str, pub: date, tense: str) -> DateRange | None:
    """One expression of a ``scan_dates`` kind to a range, with the basis of that kind; a
    weekday or an "until Tuesday" bound is relative, a written-out date stated."""
    found = _resolve_kind(kind, text, pub, tense)
    if found is None:
        return None
    last_word = text.split()[-1].lower().strip(",")
    relative = kind in ("until", "range") and last_word in WEEKDAYS
    return found.based("relative" if relative else KIND_BASIS.get(kind, "stated"))


def _resolve_kind(kind: str, text: str, pub: date, tense: str) -> DateRange | None:
    low = text.lower()
    if kind == "range":
        return _range(text, pub, tense)
    if kind == "until":
        target = re.sub(r"^(?:until|till|through)\s+", "", low)
        day = resolve_kind(
            "weekday" if target.split()[-1] in WEEKDAYS else "day", target, pub, tense
        )
        return DateRange(None, day.start, "unknown") if day else None
    if kind == "day":
        return _day(_explicit_day(text, pub, tense))
    if kind == "weekday":
        return _day(_weekday(text, pub, tense))
    if kind == "relday":
        return _day(pub + timedelta(days=RELATIVE_DAYS[" ".join(low.split())]))
    if kind == "ago":
        count = low.split()[0]
        return _day(pub - timedelta(days=int(count) if count.isdigit() else NUMBERS[count]))
    if kind == "weekend":
        saturday = _weekend(text, pub, tense)
        return DateRange(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), "day")
    if kind == "relweek":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=_shift(text))
        return DateRange(monday.replace(day=1).isoformat(), None, "month")
    if kind == "relmonth":
        return DateRange(_month_start(pub, _shift(text)).isoformat(), None, "month")
    if kind == "relyear":
        return DateRange(date(pub.year + _shift(text), 1, 1).isoformat(), None, "year")
    if kind == "month":
        return _bare_month(text, pub, tense)
    if kind == "year":  # "2022", "early 2022", "mid-2023": the year, whatever leads it
        year = re.search(r"\d{4}", text)
        return DateRange(date(int(year.group()), 1, 1).isoformat(), None, "year") if year else None
    return None


# Two reference days far apart: an expression that resolves alike against both needs none.
PROBES = (date(1901, 1, 1), date(2098, 7, 1))


def resolve_unanchored(kind: str, text: str, tense: str) -> DateRange | None:
    """The range of an expression that states its own year, else None (no reference day)."""
    first, second = (resolve_kind(kind, text, probe, tense) for probe in PROBES)
    return first if first is not None and first == second else None


def resolve(text: str, published: str | date | None, tense: str = "past") -> DateRange | None:
    """One date expression to a range, or None when it is not one; without a publication
    date only a self-contained expression ("March 31, 2024") has one."""
    pub = as_date(published)
    for kind, start, end in scan_dates(text):
        found = text[start:end]
        if pub is None:
            return resolve_unanchored(kind, found, tense)
        return resolve_kind(kind, found, pub, tense)
    return None
