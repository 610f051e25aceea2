"""Actor mentions: a gazetteer ruler from the knowledge base and a linker to canonical actors.

``readout_actor_ruler`` marks every known name, alias, demonym and capital with its actor id,
overriding the model where they overlap (the model tags "Lavrov" as ORG); see
``readout.nlp.actors.ruler`` for its case rules. ``readout_actor_linker``
then links what the ruler cannot know: surnames and "Mr Wang" to the full name in the same
article, titles resolved by date ("China's foreign minister"), and persons missing from the
knowledge base, kept as new actors.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from readout import KNOWLEDGE_DIR
from readout.nlp.actors.link import link_mentions, surname_index
from readout.nlp.actors.ruler import ActorRuler
from readout.nlp.extensions import ACTOR_SPANS
from readout.nlp.kb import get_knowledge


@Language.factory(
    "readout_actor_ruler",
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"knowledge_dir": str(KNOWLEDGE_DIR)},
)
def make_actor_ruler(nlp: Language, name: str, knowledge_dir: str) -> ActorRuler:
    return ActorRuler(nlp, get_knowledge(knowledge_dir))


@Language.factory(
    "readout_actor_linker",
    requires=["doc.ents"],
    assigns=["doc.spans", "span._.actor_id", "doc._.new_actors"],
    default_config={"knowledge_dir": str(KNOWLEDGE_DIR)},
)
def make_actor_linker(nlp: Language, name: str, knowledge_dir: str):
    kb = get_knowledge(knowledge_dir)
    surnames = surname_index(kb)  # once, not once per article

    def component(doc: Doc) -> Doc:
        spans, new_actors = link_mentions(doc, kb=kb, surnames=surnames)
        doc.spans[ACTOR_SPANS] = spans
        doc._.new_actors = new_actors
        return doc

    return component
