"""Dates an event takes from another event of its sentence, when it has none of its own.

- placed against it: "just days after Xi spoke with Putin" is that month, "a day after X"
  that day (``readout.nlp.dates.counted``); "visited Moscow soon after" the month of the last
  dated event;
- a second verb of the same clause: "met in Beijing on Feb. 4 and signed a joint statement"
  is one day's doing, unless the second verb is told as later ("and later visited ...") or
  in another tense ("and will visit ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from readout.nlp.dates.counted import counted_offset, shifted
from readout.nlp.dates.resolve import DateRange
from readout.nlp.events.dating import Dated
from readout.nlp.events.parties import Parties
from readout.snapshot.records import EventRecord

AFTER_WORDS = {"after", "following", "before"}
LATER_WORDS = {"after", "later", "afterwards", "afterward", "subsequently"}
# a conjoined verb with one of these is not told on its head's day
NOT_SAME_DAY = LATER_WORDS | {"since", "then", "earlier", "previously", "again", "before", "once"}
PAST = ("VBD", "VBN")
MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "'ll", "shall"}


def inherit_date(
    item: Dated, siblings: list[Dated], previous: list[EventRecord], parties: Parties
) -> None:
    """An undated ``item`` takes a date from a sibling of its sentence or from the last dated
    event before it (``previous``), as the module's docstring lists."""
    if item.range is not None:
        return
    token = item.frame.trigger.token
    path = [token, *token.ancestors]
    for other in siblings:
        if other is item or other.range is None or other.range.start is None:
            continue
        anchor_ids = {a.i for a in other.frame.anchors}
        upto = next((k for k, t in enumerate(path) if t.i in anchor_ids), None)
        if upto is not None and _placed_after(path[:upto]):
            item.range = _counted_from(path[:upto], other.range) or _month(other.range.start)
            return
    if (below := _counted_below(item, siblings)) is not None:
        item.range = below
        return
    if (shared := _conjoined_day(item, siblings, parties)) is not None:
        item.range = shared
        return
    if (after := _after_the_contact(item, siblings, previous)) is not None:
        item.range = after
        return
    clause = path[0] if token.pos_ == "VERB" else item.frame.gov or token
    if any(c.dep_ == "advmod" and c.lower_ in LATER_WORDS for c in clause.children):
        dated = [r for r in previous if r.date]
        if dated:
            item.range = _month(dated[-1].date)


def _placed_after(path: list[Token]) -> bool:
    for token in path:
        if token.lower_ in AFTER_WORDS:
            return True
        if any(c.dep_ in ("mark", "prep") and c.lower_ in AFTER_WORDS for c in token.children):
            return True
    return False


def _counted_from(path: list[Token], other: DateRange, sign: int = 1) -> DateRange | None:
    """ "a day after X": X's day, from a sibling dated to the day (``sign`` -1: the sibling
    is the one below, "two days after the talks on March 21, X met Y")."""
    offset = counted_offset(path) if other.precision == "day" and other.start else None
    if offset is None:
        return None
    return DateRange(shifted(other.start, sign * offset), None, "day", "anaphoric")


def _counted_below(item: Dated, siblings: list[Dated]) -> DateRange | None:
    token = item.frame.trigger.token
    for other in siblings:
        if other is item or other.range is None:
            continue
        for anchor in other.frame.anchors:
            path = [anchor, *anchor.ancestors]
            upto = next((k for k, t in enumerate(path) if t.i == token.i), None)
            found = _counted_from(path[:upto], other.range, -1) if upto else None
            if found is not None:
                return found
    return None


def _month(iso: str) -> DateRange:
    return DateRange(iso[:8] + "01", None, "month", "anaphoric")


CONTACTS = ("meeting", "talks", "call", "summit")
CONTACT_NOUNS = {"talks", "meeting", "call", "conversation", "negotiations", "summit"}


def _after_the_contact(
    item: Dated, siblings: list[Dated], previous: list[EventRecord]
) -> DateRange | None:
    """ "After the talks, Xi and Putin signed a joint statement": the talks are the last
    contact told before, and what followed them that day is on their day; "signed a joint
    statement after their talks on Wednesday": the day of those talks."""
    verb = item.frame.trigger.token
    verb = verb if verb.pos_ == "VERB" else item.frame.gov
    if verb is None:
        return None
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "signed and issued"
    preps = [c for v in verbs for c in v.children if c.dep_ == "prep"]
    for prep in (p for p in preps if p.lower_ in ("after", "following")):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun == item.frame.trigger.token:
            continue
        told = [d.range for d in siblings if d.frame.trigger.token == noun and d.range]
        if told and told[0].precision == "day" and told[0].end in (None, told[0].start):
            return told[0]
        if not _the_contact(noun):
            continue
        before = verb.sent.start_char  # told before this sentence ("the talks" is one too)
        contacts = [r for r in previous if r.type in CONTACTS and r.start < before]
        if contacts and contacts[-1].date and contacts[-1].date_precision == "day":
            return DateRange(contacts[-1].date, None, "day", "anaphoric")
    return None


def _the_contact(noun: Token) -> bool:
    """ "the talks", "their meeting", with nothing else said of them."""
    children = list(noun.children)
    return (
        noun.lower_ in CONTACT_NOUNS
        and len(children) == 1
        and children[0].lower_ in ("the", "their", "these", "those")
    )


def _conjoined_day(item: Dated, siblings: list[Dated], parties: Parties) -> DateRange | None:
    """The day of the event whose verb a conjoined verb of ``item`` hangs from."""
    verb = item.frame.trigger.token
    verb = verb if verb.pos_ == "VERB" else item.frame.gov
    if verb is None or verb.dep_ != "conj" or not _same_day(verb, verb.head):
        return None
    for other in siblings:
        days = other.range
        if other is item or days is None or days.precision != "day":
            continue
        heads = {verb.head.i} | _when_clauses(verb.head)
        if any(a.i in heads for a in other.frame.anchors) and not _purpose(item, other, parties):
            return days
    return None


def _when_clauses(verb: Token) -> set[int]:
    """ "proclaimed the partnership when they met on Feb. 4, and signed ...": the time of the
    clause is the time of the verbs it hangs from."""
    return {
        c.i
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.lower_ in ("when", "as") for m in c.children if m.dep_ in ("advmod", "mark"))
    }


def _purpose(item: Dated, trip: Dated, parties: Parties) -> bool:
    """ "would travel to Russia on Sunday and hold talks with officials": talks with no one
    named but the traveller are the trip's purpose, told by the visit already (as "travelled
    for talks")."""

    def people(frame) -> set[str]:
        return {p.actor_id for p in frame.parties if parties.is_person(p.actor_id)}

    return trip.frame.type == "visit" and not people(item.frame) - people(trip.frame)


def _same_day(verb: Token, head: Token) -> bool:
    """ "met ... and signed": told alike; not "and later visited", "and will visit"."""
    if any(c.lower_ in NOT_SAME_DAY for c in verb.children if c.dep_ in ("advmod", "prep")):
        return False
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if own and _modal(own) != _modal([c for c in head.children if c.dep_ == "aux"]):
        return False
    return (verb.tag_ in PAST) == (head.tag_ in PAST) or bool(own)


def _modal(auxiliaries: list[Token]) -> bool:
    return any(a.lower_ in MODALS for a in auxiliaries)
