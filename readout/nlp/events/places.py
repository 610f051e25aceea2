"""Where an event was: place names read from the parse around its trigger.

Prepositional phrases ("met in Moscow", "on the sidelines of a forum in Astana"), places hung
on an object ("met US officials in Vienna"), and capitalised destinations the model did not
tag ("travelled to Vladivostok"). Kept apart from ``readout.nlp.events.frames``, which decides
who took part and which frame a trigger makes, because finding a place is the same walk of
the tree for every kind of frame.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from readout.nlp.events.parties import Parties
from readout.nlp.events.triggers import where_clause

PLACE_PREPS = ("in", "at", "on")  # "on the sidelines of a forum in Astana"
PLACE_HOPS = ("of", "in", "at")  # "at the G20 gathering in New Delhi", "sidelines of"


def place_text(parties: Parties, token: Token) -> str:
    """The name of the place at ``token``: its entity or party span, cut after it."""
    ent = _entity_at(token)
    span = ent if ent is not None else parties.spans.get(token.i)
    if span is None:
        return token.text
    words = [t for t in span if not (t.pos_ in ("ADP", "DET", "PUNCT") and t.i >= token.i)]
    text = span.doc[words[0].i : words[-1].i + 1].text if words else span.text
    return text[4:] if text.lower().startswith("the ") else text


def _entity_at(token: Token) -> Span | None:
    """The entity span holding ``token``, read from the IOB tags around it: ``doc.ents``
    builds a span for every entity of the doc on each call."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def place_within(parties: Parties, token: Token, hops: int = 3) -> str | None:
    """``token`` itself when a place, else one found through up to ``hops`` "of/in/at"."""
    if city := parties.capital_at(token):  # "arrived in the Russian capital"
        return city
    if parties.is_place(token) or parties.is_seat(token):  # "in the Kremlin"
        return place_text(parties, token)
    if hops == 0:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in PLACE_HOPS:
            for obj in prep.children:
                found = obj.dep_ == "pobj" and place_within(parties, obj, hops - 1)
                if found:
                    return found
    return None


def prep_place(parties: Parties, token: Token, preps: tuple[str, ...] = PLACE_PREPS) -> str | None:
    """The place in a ``preps`` phrase hanging from ``token``: "met in Moscow"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                found = obj.dep_ == "pobj" and place_within(parties, obj)
                if found:
                    return found
    return None


def named_destination(parties: Parties, verb: Token, preps: tuple[str, ...]) -> str | None:
    """ "travelled to Vladivostok" when the model missed the city: a capitalised name
    after the destination preposition that is not a linked person or organisation."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            linked = parties.actor_at(obj)
            placed = linked is None or parties.kind(linked) == "country" or parties.is_seat(obj)
            if obj.text[:1].isupper() and placed:
                return place_text(parties, obj) if obj.ent_type_ else obj.text
    return None


def carried_place(
    parties: Parties, token: Token, preps: tuple[str, ...] = PLACE_PREPS
) -> str | None:
    """A place the parser hung on an object: "met US officials in Vienna", "a meeting
    with Xi in Moscow", "travelled by train to Vladivostok"."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    if token.lemma_.lower() in parties.lex.discussion_verbs:
        objects = []  # "discussed the situation in the Middle East": the topic's place
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "by"):
            objects += [o for o in prep.children if o.dep_ == "pobj"]
    return next((p for o in objects if (p := prep_place(parties, o, preps))), None)


def relative_place(parties: Parties, verb: Token) -> str | None:
    """ "Li started the tour in Moscow, where he held consultations ... and was received by
    Y": a "where" clause (and its conjuncts) took place at the place it describes."""
    clause = where_clause(verb)
    return place_within(parties, clause.head, 0) if clause is not None else None
