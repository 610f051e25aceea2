"""Gapped coordination: one contact verb, several people each with a place and a date of
their own ("met A in X on 5 July and B in Y on 8 July"). English drops the repeated verb,
and the parser then hangs the second person, place and date almost anywhere; read from the
word order instead, the sentence is a list of (person, place, date) segments after the verb,
and each segment is an event of its own.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from readout.nlp.dates.mentions import DateMention, find_dates
from readout.nlp.events.parties import Parties
from readout.nlp.events.places import place_text
from readout.snapshot.records import EventRecord

# Kinds whose object is the other party and can be gapped ("met A ... and B ...").
GAPPABLE = ("meeting", "talks")
JOINERS = {"and", ",", ";", "then", "before", "later"}
PLACE_PREPS = {"in", "at"}


def split_gapped(
    record: EventRecord | None, trigger: Token, sent: Span, parties: Parties, published
) -> list[EventRecord]:
    """The record, or one record per gapped segment when each segment after ``trigger``
    names a person and a place ("in/at X") or a day of its own (the same for every segment:
    "A in X and B in Y", "A on Monday and B on Tuesday")."""
    if record is None or record.type not in GAPPABLE:
        return [record] if record is not None else []
    segments = _segments(trigger, sent, parties)
    if len(segments) < 2 or any(_has_verb(tokens) for _, tokens in segments[1:]):
        return [record]  # a gapped conjunct has no verb: "and Xi said in Beijing" is a clause
    subjects = [p for p in record.participants if p not in {a for a, _ in segments}]
    mentions = find_dates(sent, published)  # only now: most sentences never get here
    places = [_place(tokens, parties) for _, tokens in segments]
    days = [_day(tokens, mentions) for _, tokens in segments]
    if None in days and None in places:
        return [record]  # not a list of contacts each with its own where or when
    shared = record.place if not any(places) else None  # "A on Monday and B on Tuesday in X"
    out = []
    for (actor, _), place, day in zip(segments, places, days, strict=True):
        one = replace(record, participants=[*subjects, actor], place=place or shared)
        if day is not None:
            one.date, one.end_date = day.start, day.end
            one.date_precision, one.date_basis = day.precision, day.basis
        out.append(one)
    return out


def _segments(trigger: Token, sent: Span, parties: Parties) -> list[tuple[str, list[Token]]]:
    """(person, tokens up to the next person) for each person named after the trigger; the
    second and later persons must follow a joiner ("and", a comma)."""
    starts: list[tuple[str, int]] = []
    for token in sent[trigger.i - sent.start + 1 :]:
        actor = parties.actor_at(token)
        if actor is None or not parties.is_person(actor):
            continue
        if starts and starts[-1][0] == actor:
            continue  # the same name's next token
        previous = token.doc[token.i - 1]
        if starts and previous.lower_ not in JOINERS:
            return []
        if token.i > 0 and parties.actor_at(previous) == actor:
            continue
        starts.append((actor, token.i))
    if len(starts) < 2:
        return []
    ends = [i for _, i in starts[1:]] + [sent.end]
    return [(a, list(sent.doc[i:end])) for (a, i), end in zip(starts, ends, strict=True)]


def _has_verb(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _place(tokens: list[Token], parties: Parties) -> str | None:
    for token in tokens:
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS and parties.is_place(token):
            return place_text(parties, token)
    return None


def _day(tokens: list[Token], mentions: list[DateMention]):
    first, last = tokens[0].i, tokens[-1].i
    inside = [m for m in mentions if first <= m.span.start and m.span.end - 1 <= last]
    days = [m.range for m in inside if m.range.start and m.range.precision == "day"]
    return days[0] if len(days) == 1 else None
