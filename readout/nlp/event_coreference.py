"""A noun event told again without its participants dates the one reported before.

News names the people of a summit in one sentence ("Putin expects Xi at next month's summit")
and gives its venue and days in another ("the group will hold a summit in Kazan on 22-24
October"). The second has no participant, so it is no event of its own; it is the same
summit when the article reported exactly one of that kind and nothing in it disagrees: no
other day, and the month (if the first gave one) is the same.
"""

from __future__ import annotations

from readout.nlp.dates.resolve import DateRange
from readout.snapshot.records import EventRecord


def refer_back(kind: str, span: DateRange | None, place: str | None, records: list) -> None:
    """Give ``span`` and ``place`` to the only earlier ``kind`` event they fit."""
    if span is None or not span.start or span.precision != "day":
        return
    same = [r for r in records if r.type == kind]
    if len(same) != 1:
        return  # two summits before: which one is meant is not told
    record: EventRecord = same[0]
    if record.date_precision == "day" or not _within(record, span.start):
        return
    if place and record.place and record.place != place and record.place not in place:
        return
    record.date, record.end_date = span.start, span.end
    record.date_precision, record.date_basis = "day", span.basis
    record.place = place or record.place


def _within(record: EventRecord, day: str) -> bool:
    if not record.date:
        return True
    if record.date_precision == "month":
        return record.date[:7] == day[:7]
    if record.date_precision == "year":
        return record.date[:4] == day[:4]
    return False
