"""Who a pronoun in an event phrase refers to ("his visit", "when they met").

Kept apart from ``readout.nlp.events.parties``, which turns noun phrases into parties: this
module only looks back (or, for a pronoun in an opening adverbial, ahead) for the people meant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from readout.nlp.events.party import Party
from readout.nlp.extensions import sentence_starts

if TYPE_CHECKING:
    from readout.nlp.events.parties import Parties

SUBJECTS = ("nsubj", "nsubjpass")
PLURAL_PRONOUNS = {"they", "them", "their"}
NONFINITE = ("xcomp", "pcomp")  # "wants to meet him", "looks forward to meeting him"


def person_antecedent(parties: Parties, pronoun: Token) -> str | None:
    """The person a pronoun refers to: the subject of the main clause when the pronoun opens
    the sentence in an adverbial ("Speaking at the end of his visit, X said"), else the last
    person who was a subject before it in the previous three sentences, else the last person
    mentioned."""
    ahead = _subject_ahead(parties, pronoun)
    if ahead is not None:
        return ahead
    doc = pronoun.doc
    sent_starts = [s for s in sentence_starts(doc) if s <= pronoun.i][-4:]
    window = range(sent_starts[0] if sent_starts else 0, pronoun.i)
    bound = _clause_subjects(pronoun)
    other = _controller(parties, pronoun)
    people = [
        i
        for i in window
        if parties.is_person(actor := parties.actor_at(doc[i]))
        and i not in bound
        and actor != other
    ]
    subjects = [i for i in people if _is_subject(parties, doc[i])]
    pick = subjects[-1] if subjects else people[-1] if people else None
    return parties.actor_at(doc[pick]) if pick is not None else None


def plural_antecedent(parties: Parties, pronoun: Token) -> list[Party]:
    """ "Xi and Putin declared ... when they met in Beijing": the last subject before the
    pronoun, in its sentence or the one before, that names two or more people."""
    doc = pronoun.doc
    sent_starts = [s for s in sentence_starts(doc) if s <= pronoun.i][-2:]
    for i in range(pronoun.i - 1, (sent_starts[0] if sent_starts else 0) - 1, -1):
        token = doc[i]
        if token.dep_ not in SUBJECTS or token.lower_ in PLURAL_PRONOUNS:
            continue
        found = parties.of_phrase(token)
        people = [p for p in found if parties.is_person(p.actor_id) or p.group_size >= 2]
        if sum(p.group_size or 1 for p in people) >= 2:
            return people
    return _the_two(parties, pronoun, sent_starts[0] if sent_starts else 0)


def _the_two(parties: Parties, pronoun: Token, start: int) -> list[Party]:
    """ "X spoke with Y on Monday. ... following their video call": with no plural subject,
    "their" means the two people one sentence names, when it names exactly two, and nothing
    coordinated stands nearer ("Russia and the US during their talks")."""
    doc = pronoun.doc
    own = max(s for s in sentence_starts(doc) if s <= pronoun.i)
    if any(t.dep_ == "cc" for t in doc[own : pronoun.i]):
        return []
    for first, last in ((own, pronoun.i), (start, own)):
        named: dict[str, int] = {}
        for i in range(first, last):
            actor = parties.actor_at(doc[i])
            if parties.is_person(actor):
                named.setdefault(actor, i)
        if named:
            return [Party(a, token=i) for a, i in named.items()] if len(named) == 2 else []
    return []


def _clause_subjects(pronoun: Token) -> set[int]:
    """Tokens of the subject of an object pronoun's own verb, which the pronoun cannot mean:
    in "Xi had called him", "him" is not Xi."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    return {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}


def _controller(parties: Parties, pronoun: Token) -> str | None:
    """The person an object pronoun of a verb with no subject of its own cannot mean: the
    subject it takes from the clause above ("he looked forward to meeting him", "Xi wants to
    see him"), that subject's own referent when it is a pronoun too."""
    if pronoun.dep_ not in ("dobj", "dative") or pronoun.head.pos_ != "VERB":
        return None
    verb = pronoun.head
    for _ in range(3):
        if any(c.dep_ in SUBJECTS for c in verb.children) or verb.dep_ not in NONFINITE:
            break
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i > pronoun.i:
        return None
    if subject.pos_ == "PRON":
        return person_antecedent(parties, subject)
    return parties.actor_at(subject)


def _subject_ahead(parties: Parties, pronoun: Token) -> str | None:
    for clause in pronoun.ancestors:
        if clause.dep_ != "advcl" or clause.i > clause.head.i:
            continue
        subjects = [c for c in clause.head.children if c.dep_ in SUBJECTS]
        people = [parties.actor_at(s) for s in subjects if s.i > pronoun.i]
        return next((p for p in people if parties.is_person(p)), None)
    return None


def _is_subject(parties: Parties, token: Token) -> bool:
    """A subject, a conjunct of one, or in apposition to one ("Japan's prime minister,
    Fumio Kishida, made a visit")."""
    root = parties.spans[token.i].root
    return root.dep_ in SUBJECTS or (root.dep_ in ("conj", "appos") and root.head.dep_ in SUBJECTS)
