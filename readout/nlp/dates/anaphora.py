"""Dates that point back to a day named before: "the same day", "earlier in the day",
"later that day", "the next day", "the day before", "a day later", "a week after".

They are resolved against the last event day the article mentioned up to that sentence (the
events' own dates first, then any day-precise date of the sentence: "Kuleba said on Tuesday ...
On the same day, Kishida visited Kyiv"), falling back to the publication date, as a reader
does with a story that opens "X met Y today ... The day before, X had ...".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span

from readout.nlp.dates.mentions import DateMention, find_dates
from readout.nlp.dates.resolve import DateRange
from readout.nlp.dates.scanner import NUMBERS
from readout.nlp.extensions import text_of

_N = r"(?:\d{1,2}|a|one|two|three|four|five|six|seven)"
# One family per line: pattern -> how to get the offset in days from the day named before.
_SAME = r"(?:on\s+)?(?:the|that)\s+same\s+day|(?:earlier|later)\s+(?:in\s+the|that|the\s+same)\s+day|(?:on\s+)?that\s+day"  # noqa: E501
_NEXT = r"(?:on\s+)?the\s+(?:next|following)\s+day|the\s+day\s+after(?!\s+tomorrow)"
_BEFORE = r"the\s+(?:day\s+before|previous\s+day|day\s+prior)(?!\s+yesterday)"
_COUNT = rf"(?P<n>{_N})\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|after|earlier|before)"
PATTERN = re.compile(
    rf"\b(?:(?P<same>{_SAME})|(?P<next>{_NEXT})|(?P<before>{_BEFORE})|{_COUNT})\b", re.I
)


def offset_days(match: re.Match) -> int:
    """Days from the day named before to the day the phrase means."""
    if match.group("same"):
        return 0
    if match.group("next"):
        return 1
    if match.group("before"):
        return -1
    word = match.group("n").lower()
    count = int(word) if word.isdigit() else NUMBERS[word]
    count *= 7 if match.group("unit").lower().startswith("week") else 1
    return count if match.group("dir").lower() in ("later", "after") else -count


def anaphoric_dates(
    sent: Span, last_day: date | None, forward: bool = True, stated: list[DateMention] = ()
) -> list[DateMention]:
    """Mentions for the phrases in ``sent`` that refer to ``last_day``, or to a day the
    sentence itself named before the phrase (``stated``: "held talks on Friday, March 1, and
    was received by Y the following day"). ``forward=False`` when ``last_day`` is only the
    publication day (no event day named yet): "a week later" from the report's own day would
    date a reported event in the future, so it gives no date."""
    found = []
    for match in PATTERN.finditer(text_of(sent)):
        tokens = sent.doc.char_span(
            sent.start_char + match.start(), sent.start_char + match.end(), "expand"
        )
        if tokens is None or len(tokens) == 0:
            continue
        if _approximate(sent.doc, tokens.start):
            continue  # "less than three weeks before": no day
        if _offset_from_a_noun(sent.doc, match, tokens.end):
            # "on May 4, three weeks before the vote", "came two weeks after Qin met Lavrov":
            # counted from what follows, which need not be the day named before
            continue
        named = _named_before(stated, tokens.start)
        anchor = named if named is not None else last_day
        if anchor is None or (named is None and not forward and offset_days(match) > 0):
            continue
        day = anchor + timedelta(days=offset_days(match))
        found.append(
            DateMention(tokens, DateRange(day.isoformat(), None, "day", "anaphoric"), "past", None)
        )
    return found


APPROXIMATE = {"than", "about", "nearly", "almost", "some", "roughly", "around", "over", "under"}


def _approximate(doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in APPROXIMATE


def _offset_from_a_noun(doc, match: re.Match, end: int) -> bool:
    """ "three weeks before the invasion", "two weeks after Russian envoys met Y", "the day
    after the summit": a count before "after"/"before" runs from the phrase or clause that
    follows it. "Two days later Putin met Xi" and "a week after, X ..." count from the day
    named before ("later" and "earlier" take no object)."""
    if not re.search(r"(?:after|before|prior)$", match.group(), re.I) or end >= len(doc):
        return False
    word = doc[end]
    return not (word.is_punct or word.pos_ in ("CCONJ", "PUNCT") or word.is_space)


def _named_before(stated: list[DateMention], start: int) -> date | None:
    """The last day-precise date (not a bound) the sentence names before token ``start``."""
    days = [
        m.range.start
        for m in stated
        if m.span.end <= start and m.range.precision == "day" and m.range.start and not m.bound
    ]
    return date.fromisoformat(days[-1]) if days else None


def last_day_in(
    sent: Span, published: str | None, before: date | None, event_days: list[str] = ()
) -> date | None:
    """The day later anaphora refer to after ``sent``: its last event day, else the last
    day-precise date named in it (not a bound), else ``before``."""
    if event_days:
        return date.fromisoformat(event_days[-1])
    days = [
        m.range.start
        for m in find_dates(sent, published)
        if m.range.precision == "day" and m.range.start and m.bound is None
    ]
    return date.fromisoformat(days[-1]) if days else before
