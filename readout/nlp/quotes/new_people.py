"""Speakers the model did not tag: "'...,' said Ito Kenji, a researcher at ..." with no entity
on "Ito Kenji".

A run of two or three capitalised proper nouns heading the speaker phrase, with no actor
mention on it, is a person when the phrase describes one ("a researcher at ...", "analyst
..."): left alone, the institution named in the description ("... at the China Institute")
would speak instead. The person becomes a new actor, as the linker makes of tagged names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from readout.knowledge import slugify
from readout.nlp.actors.link import PERSON_NOUNS
from readout.snapshot.records import NewActor

NAME_WORDS = (2, 3)
DESCRIPTION_REACH = 4  # tokens of an appositive searched for its person noun ("a senior fellow")


def described_name(head: Token, tagged: set[int], quoted: set[int]) -> str | None:
    """The untagged name headed by ``head`` if the phrase describes a person."""
    if head.pos_ != "PROPN" or not head.is_title or head.i in tagged or head.i in quoted:
        return None
    start = head.i
    doc = head.doc
    while start > 0 and _name_part(doc[start - 1], head, tagged):
        start -= 1
    words = doc[start : head.i + 1]
    if len(words) not in NAME_WORDS:
        return None
    before = doc[start - 1] if start > 0 else None
    titled = before is not None and before.head == head and before.lower_ in PERSON_NOUNS
    if titled or any(_describes(c) for c in head.children if c.dep_ == "appos"):
        return words.text
    return None


def _name_part(token: Token, head: Token, tagged: set[int]) -> bool:
    return (
        token.head == head
        and token.dep_ in {"compound", "flat"}
        and token.pos_ == "PROPN"
        and token.is_title
        and token.i not in tagged
    )


def _describes(appos: Token) -> bool:
    """'a scholar at ...', 'an associate professor', 'director of ...'."""
    if appos.lemma_.lower() in PERSON_NOUNS or appos.lower_ in PERSON_NOUNS:
        return True
    near = [t for t in appos.subtree if t.i <= appos.i][-DESCRIPTION_REACH:]
    return any(t.lower_ in PERSON_NOUNS for t in near)


def add_new_person(doc: Doc, name: str) -> str:
    """The id of a new person actor named ``name``, added to ``doc._.new_actors``."""
    actor_id = slugify(name)
    found = list(doc._.new_actors or [])
    if all(a.actor_id != actor_id for a in found):
        found.append(NewActor(actor_id=actor_id, name=name, aliases=[name]))
        doc._.new_actors = found
    return actor_id
