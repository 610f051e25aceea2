"""Dates and places of event reports, compared and chosen when ``readout.snapshot.merge``
merges them.

Dates come in already resolved against each article's own publication date. Two explicit
(stated or relative) dates that cannot be the same days are two events; a date taken from the
publication day or an earlier sentence ("the same day") yields within ``SOFT_SLACK_DAYS``. The
merged date is chosen by basis first (stated > relative > anaphoric > publication), then by
how many sources give it, and a held event is never dated after the first article reporting
it as held.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from readout.knowledge import KnowledgeBase, fold
from readout.snapshot.records import EventRecord
from readout.snapshot.schema import DATE_BASES

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
BASIS_RANK = {basis: i for i, basis in enumerate(DATE_BASES) if basis != "none"}
EXPLICIT = {"stated", "relative"}
SOFT_SLACK_DAYS = 1  # a publication day may be a day off the event's (time zones, datelines)
STAY_DAYS = 3  # a visit's later days, told without its first day and last day


def rank(ev: EventRecord) -> tuple[int, int]:
    """How good an event's date is: its basis first, then its precision."""
    if not ev.date:
        return len(BASIS_RANK) + 1, PRECISION_RANK["unknown"]
    return BASIS_RANK.get(ev.date_basis, len(BASIS_RANK)), PRECISION_RANK.get(ev.date_precision, 3)


def span(ev: EventRecord) -> tuple[str, str] | None:
    """The days an event may cover: a day range, a whole month or year, or None."""
    if not ev.date:
        return None
    if ev.date_precision == "month":
        return ev.date[:7] + "-01", ev.date[:7] + "-31"
    if ev.date_precision == "year":
        return ev.date[:4] + "-01-01", ev.date[:4] + "-12-31"
    return ev.date, max(ev.end_date or ev.date, ev.date)


def dates_fit(a: EventRecord, b: EventRecord) -> bool | None:
    """True/False when both have dates; None when either has none (decided elsewhere)."""
    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        end = a.end_date if sa is None else b.end_date
        other = sb if sa is None else sa
        if end and other:  # "until Thursday" fits an event starting on or before Thursday
            return other[0] <= end
        return None
    if sa[0] <= sb[1] and sb[0] <= sa[1]:
        return True
    if _within_stay(a, b, sa, sb):
        return True
    if a.date_basis in EXPLICIT and b.date_basis in EXPLICIT:
        return False  # two dates the texts give: not the same event
    days_a, days_b = [d for d in map(day, sa) if d], [d for d in map(day, sb) if d]
    if not days_a or not days_b:  # a month or a year ("2025-03"): no day to measure from
        return None
    gap = min(abs((x - y).days) for x in days_a for y in days_b)
    return gap <= SOFT_SLACK_DAYS


def _within_stay(a: EventRecord, b: EventRecord, sa: tuple, sb: tuple) -> bool:
    """A visit told by its first day ("arrived on Monday") and one told by a later day of the
    stay ("is in Moscow and met X on Tuesday") are one visit, up to ``STAY_DAYS`` apart."""
    if a.type != "visit" or b.type != "visit":
        return False
    first, later = (a, b) if sa[0] <= sb[0] else (b, a)
    start, then = day(first.date), day(later.date)
    open_end = not first.end_date or first.end_date == first.date
    days = (then - start).days if start and then else None
    precise = first.date_precision == later.date_precision == "day"
    return precise and open_end and days is not None and 0 < days <= STAY_DAYS


def places_fit(a: str | None, b: str | None, kb: KnowledgeBase | None) -> bool:
    if not a or not b or fold(a) == fold(b):
        return True
    if kb is None:
        return False
    # a capital and its country ("Moscow", "Russia") name the same place for an event
    return kb.country_of_word(a) == b or kb.country_of_word(b) == a


def day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def not_after(ev: EventRecord, first_report: date | None) -> bool:
    """A held event happened on or before the day the first article reported it."""
    start = day(ev.date)
    if first_report is None or start is None or ev.status != "held":
        return True
    if ev.date_precision == "day":
        return start <= first_report
    return (start.year, start.month) <= (first_report.year, first_report.month)


def reported_before_held(
    reports: list[tuple[str, EventRecord, str]],
    others: list[tuple[str, EventRecord, str]],
    published,
) -> bool:
    """One side reports as held, in an article published before the day the other side
    dates it: two events ("held a call in 2022" in February 2022 is not the call of
    30 December 2022)."""
    if not published:
        return False
    for mine, theirs in ((reports, others), (others, reports)):
        firsts = [day(published.get(a)) for a, ev, _ in mine if ev.status == "held"]
        first = min((d for d in firsts if d is not None), default=None)
        if first is None:
            continue
        dated = [day(ev.date) for _, ev, _ in theirs if ev.date_precision == "day"]
        if any(d is not None and (d - first).days > SOFT_SLACK_DAYS for d in dated):
            return True
    return False


def chosen_date(reports: list[tuple[str, EventRecord, str]], published) -> EventRecord | None:
    """The report whose date the event takes: the best basis, then the date most sources
    give; never a held event's date after the first article reporting it."""
    # an article that announced the event before it happened does not bound its date:
    # "will attend the summit later this year" in April, "arrived for the summit" in August
    days = (
        [day(published.get(a)) for a, ev, _ in reports if ev.status == "held"] if published else []
    )
    first_report = min((d for d in days if d is not None), default=None)
    usable = [ev for _, ev, _ in reports if ev.date and not_after(ev, first_report)]
    if not usable:
        return None
    chosen = _best(usable)
    # a day inside the chosen month or year refines it, whatever its basis: "in March" in
    # one source and "on Tuesday" (a Tuesday of that March) in another give that Tuesday
    if chosen.date_precision != "day":
        first, last = span(chosen)
        inside = [ev for ev in usable if ev.date_precision == "day" and first <= ev.date <= last]
        return _best(inside) if inside else chosen
    return chosen


def _best(usable: list[EventRecord]) -> EventRecord:
    top = min(rank(ev) for ev in usable)
    best = [ev for ev in usable if rank(ev) == top]
    if all(ev.type == "visit" and ev.date_precision == "day" for ev in best):
        # a visit is dated by its first day: "arrived on Monday" and "met Y there on
        # Tuesday" (a later day of the stay) are one visit that began on Monday
        return min(best, key=lambda ev: ev.date)
    votes = Counter(ev.date for ev in best)
    return next(ev for ev in best if votes[ev.date] == max(votes.values()))


# --- what the sources of one merged event read apart ------------------------------------


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _readings(reports) -> list[tuple[EventRecord | None, str | None]]:
    """Each article's own reading of the event: its best-dated report and the place it gives."""
    by_article: dict[str, list[EventRecord]] = {}
    for aid, ev, _ in reports:
        by_article.setdefault(aid, []).append(ev)
    out = []
    for events in by_article.values():
        dated = min(events, key=rank)
        place = next((ev.place for ev in events if ev.place), None)
        out.append((dated if dated.date else None, place))
    return out


def disagreement(reports, kb: KnowledgeBase | None, held: tuple[str, str] | None) -> list[str]:
    """What the sources of ``reports`` read apart: "date" when a source's days cannot lie
    within the days the event is given (``held``; a visit's second day is no other date) or,
    for an undated event, within each other's; "place" when they give places that cannot both
    be true ("Beijing", "Moscow"; not "Moscow", "Russia")."""
    readings = _readings(reports)
    days = [d for d in (span(ev) for ev, _ in readings if ev is not None) if d]
    on = set()
    if held is not None and any(not _overlap(d, held) for d in days):
        on.add("date")
    if held is None and any(not _overlap(a, b) for i, a in enumerate(days) for b in days[i:]):
        on.add("date")
    places = [place for _, place in readings]
    if any(not places_fit(a, b, kb) for i, a in enumerate(places) for b in places[i + 1 :]):
        on.add("place")
    return [k for k in ("date", "place") if k in on]


def own_date(ev: EventRecord) -> str | None:
    """A source's reading at its own precision: "2025-04-01", "2025-03" (a month), "2025"."""
    if not ev.date:
        return None
    cut = {"month": 7, "year": 4}.get(ev.date_precision)
    return ev.date[:cut] if cut else ev.date
