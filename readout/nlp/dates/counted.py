"""A day counted from another event of the same sentence: "on Monday, a day after Putin's call
with Trump" puts the call on Sunday; "two days before the summit" puts the summit two days on.

Only an exact count of days or weeks gives a day ("a day", "two days", "one week"); "days
after", "just over a week after" and "soon after" say only that the events are close, which
``readout.nlp.events.dating`` reads as the same month.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

from readout.nlp.dates.scanner import NUMBERS

UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
DIRECTIONS = {"after": -1, "following": -1, "before": 1}  # the sign of item - other
APPROXIMATE = {"than", "about", "nearly", "almost", "some", "roughly", "around", "over", "under"}


def counted_offset(path: list[Token]) -> int | None:
    """Days from the event at the top of ``path`` (an event's anchor) to the one at
    ``path[0]`` below it, when the path crosses "after"/"before" with an exact count ("met Y
    on Monday, a day after X": X is -1); else None."""
    for token in path:
        sign = DIRECTIONS.get(token.lower_)
        if sign is None:
            continue
        days = _count(token)
        return None if days is None else sign * days
    return None


def shifted(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _count(word: Token) -> int | None:
    """Days in "a day after", "two weeks before": the unit is the preposition's head (the
    parser's "a day after X") or its modifier ("two days after X")."""
    units = [c for c in word.children if c.dep_ == "npadvmod"]
    if word.head.lower_ in UNITS and word.dep_ == "prep":
        units.append(word.head)
    for unit in units:
        if unit.lower_ not in UNITS:
            continue
        numbers = [c for c in unit.children if c.dep_ in ("det", "nummod")]
        if len(numbers) != 1 or any(c.lower_ in APPROXIMATE for c in unit.subtree):
            return None
        number = numbers[0].lower_
        count = int(number) if number.isdigit() else NUMBERS.get(number)
        if count is None or (count == 1) != (unit.lower_ in ("day", "week")):
            return None
        return count * UNITS[unit.lower_]
    return None
