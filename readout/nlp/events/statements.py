"""Formal statements as events: who issued them.

A statement noun ("joint statement", "letter", "briefing") becomes an event through the
ordinary noun frame (its author is the subject of "issued", "signed", "said in", or its
possessor). Two rules are particular to statements: a joint statement credited to countries
("China and Russia issued a joint statement after talks between Xi and Putin") is the
statement of the people whose talks the same sentence reports; a statement with no person
behind it ("the ministry said in a statement", "a letter signed by lawmakers") is no event
(institutional wording is the statements table's business, and the gold of real articles
lists only statements of named people).
"""

from __future__ import annotations

from readout.nlp.events.dating import Dated
from readout.nlp.events.parties import Parties

# Events whose people can be the authors of a joint statement told beside them.
CONTACTS = ("meeting", "talks", "summit", "call")


def author_statements(dated: list[Dated], parties: Parties) -> list[Dated]:
    """Give country-only statements the people of a contact in the same sentence whose
    countries they name; drop statements left without a person."""
    kept = []
    triggers = {d.frame.trigger.token.i for d in dated if d.frame.type != "statement"}
    for item in dated:
        frame = item.frame
        if frame.type == "statement" and (not _specific(item) or _circumstance(frame, triggers)):
            continue
        if frame.type != "statement" or _has_person(item, parties):
            kept.append(item)
            continue
        countries = {p.actor_id for p in frame.parties if p.actor_id}
        for other in dated:
            if other.frame.type not in CONTACTS:
                continue
            people = [p for p in other.frame.parties if parties.is_person(p.actor_id)]
            theirs = {parties.country_of(p.actor_id) for p in people}
            named = {parties.country_of(c) or c for c in countries}
            if len(people) >= 2 and named <= theirs:
                frame.parties = people
                kept.append(item)
                break
    return kept


# Words by which a statement noun names one text: "joint statement", "open letter", "daily
# briefing"; its possessor ("Orban's letter") and addressee ("a letter to X") do too.
NAMING_DEPS = ("poss", "amod", "compound")


def _specific(item: Dated) -> bool:
    """A statement reported as news says when, where, by whose hand or to whom ("a letter to
    X on Tuesday", "his statement of 5 July", "a joint statement"); a bare "signed a
    statement" is background, like "X said"."""
    noun = item.frame.trigger.token
    if item.range is not None or item.frame.place:
        return True
    if any(c.dep_ in NAMING_DEPS for c in noun.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("to", "of") for c in noun.children)


def _circumstance(frame, triggers: set[int]) -> bool:
    """ "X visited Moscow, signing a joint statement with Y": a bare participle adjunct of an
    event's verb tells how that event went; the statement is part of the visit's report."""
    gov = frame.gov
    bare = gov is not None and gov.dep_ == "advcl" and gov.tag_ == "VBG"
    if not bare or any(c.dep_ == "mark" for c in gov.children):
        return False
    return gov.head.i in triggers


def _has_person(item: Dated, parties: Parties) -> bool:
    """A person, or people referred to ("the two leaders", "his counterpart")."""
    return any(
        parties.is_person(p.actor_id) or p.group_roles or p.counterpart_of
        for p in item.frame.parties
    )
