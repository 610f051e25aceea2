"""Durations that give a dated event its last day: "a four-day visit", "for three days"."""

from __future__ import annotations

import re
from datetime import timedelta

from spacy.tokens import Span, Token

from readout.nlp.dates.resolve import DateRange, as_date

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# "four-day visit" (before the trigger) and "for three days" (after it)
_BEFORE = re.compile(r"\b(\w+)\s*-\s*day\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_AFTER = re.compile(r"^\s*(?:[\w,]+\s+){0,6}?for\s+(\w+)\s+days\b", re.IGNORECASE)
WINDOW = 8  # tokens on each side of the trigger to look in


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def duration_days(trigger: Token, sent: Span) -> int | None:
    """The number of days the trigger's event lasts, when the sentence says so next to it."""
    doc = trigger.doc
    before = doc[max(sent.start, trigger.i - WINDOW) : trigger.i].text + " "
    after = " " + doc[trigger.i + 1 : min(sent.end, trigger.i + 1 + WINDOW)].text
    match = _BEFORE.search(before) or _AFTER.search(after)
    days = _count(match.group(1)) if match else None
    return days if days and 1 < days <= 31 else None


# Verbs whose date is the last day of the event they hold: "concluded a three-day visit on
# Wednesday" started on Monday.
ENDING_VERBS = {"conclude", "end", "wrap", "finish", "complete"}


def _ends(trigger: Token, gov: Token | None) -> bool:
    verb = gov if gov is not None else trigger
    return verb.lemma_.lower() in ENDING_VERBS


def with_duration(
    span: DateRange | None, trigger: Token, sent: Span, gov: Token | None = None
) -> DateRange | None:
    """A day-precise date without an end gets the other day its stated duration implies: the
    end after a start, or the start before the end an ending verb dates."""
    if span is None or span.precision != "day" or not span.start:
        return span
    if span.end and span.end != span.start:
        return span
    days = duration_days(trigger, sent)
    day = as_date(span.start)
    if days is None or day is None:
        return span
    other = timedelta(days=days - 1)
    if _ends(trigger, gov):
        return DateRange((day - other).isoformat(), span.start, span.precision, span.basis)
    return DateRange(span.start, (day + other).isoformat(), span.precision, span.basis)
