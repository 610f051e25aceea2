"""Parties named by an office or a group they lead: "President of the People's Republic of
China Xi Jinping", "Special Representative ... on Eurasian Affairs Li Hui", "a delegation
headed by X". Split from ``readout.nlp.events.parties``, which tries these on a noun phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from readout.nlp.events.party import Party

if TYPE_CHECKING:
    from readout.nlp.events.parties import Parties

TITLE_PREPS = {"of", "on", "for"}  # "Special Representative ... on Eurasian Affairs Li Hui"
TITLE_GLUE = {"the", "'s", "’s"}
LED_NOUNS = {"delegation", "team", "mission", "group"}
LEAD_VERBS = {"head", "lead"}
TITLE_RUN = 20  # tokens: the longest official titles run to about fifteen


def led_by(parties: Parties, head: Token) -> list[Party]:
    """ "a Ukrainian delegation headed by Andriy Yermak": the one who leads it."""
    if head.lemma_.lower() not in LED_NOUNS:
        return []
    for acl in (c for c in head.children if c.dep_ == "acl" and c.lemma_ in LEAD_VERBS):
        for agent in (a for a in acl.children if a.dep_ == "agent"):
            objects = [o for o in agent.children if o.dep_ == "pobj"]
            return [p for o in objects for p in parties.of_phrase(o)]
    return []


def title_holder(parties: Parties, head: Token) -> Party | None:
    """ "President of the People's Republic of China Xi Jinping", "Special Representative
    of the Government of China on Eurasian Affairs Li Hui": the parser hangs the name
    inside a phrase of the title; the person closes one of its phrases."""
    if head.lemma_.lower() not in parties.lex.party_nouns:
        return None
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in TITLE_PREPS]
    if not preps:
        return None
    for prep in preps:
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if parties.is_person(parties.actor_at(obj)):
                return Party(parties.actor_at(obj), token=obj.i)
    for last in [p.right_edge for p in preps]:
        while last.is_punct and last.i > head.i:
            last = last.nbor(-1)
        span = parties.spans.get(last.i)
        if span is not None and span.end == last.i + 1 and parties.is_person(span._.actor_id):
            return Party(span._.actor_id, token=last.i)
    return _title_run(parties, head)


def _title_run(parties: Parties, head: Token) -> Party | None:
    """The name that ends a run of title words, read in text order when the parser split
    the title ("Special Representative of the Government of China on Eurasian Affairs Li
    Hui"): only capitalised words and of/the/on/for between the title and the name."""
    for token in parties.doc[head.i + 1 : head.i + TITLE_RUN]:
        span = parties.spans.get(token.i)
        if span is not None and parties.is_person(span._.actor_id):
            return Party(span._.actor_id, token=token.i)
        if not (token.is_title or token.lower_ in TITLE_PREPS | TITLE_GLUE):
            return None
    return None
