"""Dates that point back to a day named before: "the same day", "earlier in the day",
"later that day", "the next day", "the day before".

They are resolved against the last day-precise date of the article up to that sentence (an
event's or a statement's: "Kuleba said on Tuesday ... On the same day, Kishida visited Kyiv").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span

from readout.nlp.date_mentions import DateMention, find_dates
from readout.nlp.dates import DateRange
from readout.nlp.extensions import text_of

# phrase -> offset in days from the day named before
ANAPHORA = {
    r"(?:on\s+)?the\s+same\s+day": 0,
    r"(?:earlier|later)\s+(?:in\s+the|that)\s+day": 0,
    r"(?:on\s+)?that\s+(?:same\s+)?day": 0,
    r"(?:on\s+)?the\s+(?:next|following)\s+day": 1,
    r"the\s+day\s+(?:after|before)": 0,  # sign read from the word
    r"a\s+day\s+(?:later|earlier)": 0,
}
PATTERN = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in ANAPHORA) + r")\b", re.I)


def _offset(text: str) -> int:
    lower = text.lower()
    if re.search(r"\b(?:next|following|after|later)\b", lower) and "in the day" not in lower:
        return 0 if "later that day" in lower else 1
    if re.search(r"\b(?:before|earlier)\b", lower) and "in the day" not in lower:
        return 0 if "earlier that day" in lower else -1
    return 0


def anaphoric_dates(sent: Span, last_day: date | None) -> list[DateMention]:
    """Mentions for the phrases in ``sent`` that refer to ``last_day``."""
    if last_day is None:
        return []
    found = []
    for match in PATTERN.finditer(text_of(sent)):
        tokens = sent.doc.char_span(
            sent.start_char + match.start(), sent.start_char + match.end(), "expand"
        )
        if tokens is None or len(tokens) == 0:
            continue
        day = last_day + timedelta(days=_offset(match.group(0)))
        found.append(DateMention(tokens, DateRange(day.isoformat(), None, "day"), "past", None))
    return found


def last_day_in(sent: Span, published: str | None, before: date | None) -> date | None:
    """The last day-precise date named in ``sent`` (not a bound), else ``before``."""
    days = [
        m.range.start
        for m in find_dates(sent, published)
        if m.range.precision == "day" and m.range.start and m.bound is None
    ]
    return date.fromisoformat(days[-1]) if days else before
