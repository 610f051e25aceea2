"""Whether a trigger tells a real event: hedged (offers, wishes, refusals, negations,
conditions, denials, summed-up contacts) or planned ("ahead of a visit"). Split from
``readout.nlp.events.triggers``, which finds the triggers.
"""

from __future__ import annotations

from spacy.tokens import Token

from readout.nlp.dates.mentions import looks_forward
from readout.nlp.events.lexicon import Lexicon
from readout.nlp.events.triggers import REPORTING

MODAL_DEPS = ("aux", "auxpass", "neg", "mark", "det", "advmod")
ITERATIVE_DEPS = ("advmod", "npadvmod", "dobj")  # "40 times" may parse as an object
NEGATIVE = {"no", "nobody", "none", "neither"}
# Prepositions that make a noun event the setting of its clause, presupposed whatever the
# clause says: "during those talks X called the ties 'unprecedented'", "could meet at the
# summit" (the summit takes place either way).
SETTING_PREPS = {"during", "at", "after", "following", "amid", "throughout"}


def path_up(token: Token) -> list[Token]:
    """The token and its heads up to (not including) the first reporting verb."""
    path = [token]
    for head in token.ancestors:
        if head.lemma_.lower() in REPORTING and head.pos_ == "VERB":
            break  # (a noun "reports" does not end it: "denied reports that a meeting ...")
        path.append(head)
    return path


def hedge_path(token: Token) -> list[Token]:
    """The part of ``path_up`` whose words can hedge the event: it ends at a setting
    preposition, and at a conjunct verb with a subject of its own ("X called the ties
    'unprecedented', and the sides discussed energy": "called" does not hedge "discussed")."""
    path = path_up(token)
    for k, head in enumerate(path):
        setting = head.dep_ == "prep" and head.lower_ in SETTING_PREPS
        if k and setting and path[k - 1].dep_ == "pobj":
            return path[: k + 1]
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        if head.dep_ == "conj" and head.pos_ == "VERB" and own_subject:
            return path[: k + 1]
    return path


def is_hedged(trigger: Token, lex: Lexicon) -> bool:
    """Offers, wishes, refusals, negations and conditions: "ready to meet", "did not meet",
    "no plans to visit", "could hold talks", "called for talks"."""
    path = hedge_path(trigger)
    if any(t.lemma_.lower() in lex.hypothetical for t in path[1:]):
        return True
    if trigger.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "acomp" and c.lower_ in lex.hypothetical for c in trigger.head.children
    ):
        return True  # "a meeting between them was unlikely"
    # "has met Xi 40 times", "have repeatedly held talks": many contacts summed up
    for token in path[:2]:
        if any(c.lower_ in lex.iterative_words for c in token.children if c.dep_ in ITERATIVE_DEPS):
            return True
    for token in path:
        for child in token.children:
            if child.dep_ in MODAL_DEPS and child.lower_ in lex.hypothetical:
                return True
            # "no date has been set for a summit", "nobody expects talks"
            if child.dep_ in ("nsubj", "nsubjpass") and _negative(child):
                return True
    return False


def _negative(subject: Token) -> bool:
    return subject.lower_ in NEGATIVE or any(
        c.dep_ == "det" and c.lower_ in NEGATIVE for c in subject.children
    )


def is_planned(trigger: Token, lex: Lexicon) -> bool:
    """Words that put a noun event ahead: "ahead of a visit", "the upcoming summit", "looks
    forward to the visit"."""
    above = path_up(trigger)[1:3]
    words = [c.lower_ for c in trigger.children] + [t.lower_ for t in above]
    return any(w in lex.planned_words for w in words) or any(looks_forward(t) for t in above)
