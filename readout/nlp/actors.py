"""Actor mentions: a gazetteer ruler from the knowledge base and a linker to canonical actors.

``readout_actor_ruler`` marks every known name, alias, demonym and capital with its actor id,
overriding the model where they overlap (the model tags "Lavrov" as ORG). ``readout_actor_linker``
then links what the ruler cannot know: surnames and "Mr Wang" to the full name in the same
article, titles resolved by date ("China's foreign minister"), and persons missing from the
knowledge base, kept as new actors.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from readout import KNOWLEDGE_DIR
from readout.knowledge import Actor, KnowledgeBase
from readout.nlp.actor_link import link_mentions
from readout.nlp.extensions import ACTOR_SPANS
from readout.nlp.kb import get_knowledge

APOSTROPHE_S = {"'s", "’s"}
KIND_LABELS = {"person": "PERSON", "country": "GPE", "organization": "ORG", "media": "ORG"}


def _token_pattern(nlp: Language, form: str) -> list[dict]:
    """Case-insensitive tokens, except acronyms and short forms ("US" must not match "us")."""
    words = [t.text for t in nlp.make_doc(form)]
    exact = form.isupper() or len(form) <= 3
    return [_word_pattern(w, exact) for w in words]


def _word_pattern(word: str, exact: bool) -> dict:
    if word in APOSTROPHE_S:  # "China's" and "China’s" are the same name
        return {"ORTH": {"IN": sorted(APOSTROPHE_S)}}
    if exact or not word.isalpha():
        return {"ORTH": word}
    if word.islower():  # "von der Leyen": lowercase particles stay lowercase
        return {"LOWER": word}
    # Any case but all-lowercase: "CHINA" in a caps headline, not "russia" inside a URL slug.
    return {"LOWER": word.lower(), "IS_LOWER": False}


def actor_patterns(nlp: Language, kb: KnowledgeBase) -> list[dict]:
    """EntityRuler patterns for every surface form in the knowledge base."""
    patterns = []
    for actor in kb.actors.values():
        patterns += _actor_patterns(nlp, actor)
    return patterns


def _actor_patterns(nlp: Language, actor: Actor) -> list[dict]:
    label = KIND_LABELS.get(actor.kind, "ORG")
    forms = [(form, label) for form in actor.surface_forms]
    forms += [(form, "NORP") for form in actor.demonyms]
    forms += [(form, "GPE") for form in actor.metonyms]
    patterns = []
    for form, form_label in forms:
        pattern = {"label": form_label, "pattern": _token_pattern(nlp, form), "id": actor.id}
        patterns.append(pattern)
        if form.lower().startswith("the "):
            continue
        if actor.kind != "person":  # "the Kremlin", "the Chinese Foreign Ministry"
            the = {"LOWER": "the"}
            patterns.append({**pattern, "pattern": [the, *pattern["pattern"]]})
    return patterns


@Language.factory(
    "readout_actor_ruler",
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"knowledge_dir": str(KNOWLEDGE_DIR)},
)
def make_actor_ruler(nlp: Language, name: str, knowledge_dir: str) -> EntityRuler:
    ruler = EntityRuler(nlp, name=name, overwrite_ents=True)
    ruler.add_patterns(actor_patterns(nlp, get_knowledge(knowledge_dir)))
    return ruler


@Language.factory(
    "readout_actor_linker",
    requires=["doc.ents"],
    assigns=["doc.spans", "span._.actor_id", "doc._.new_actors"],
    default_config={"knowledge_dir": str(KNOWLEDGE_DIR)},
)
def make_actor_linker(nlp: Language, name: str, knowledge_dir: str):
    kb = get_knowledge(knowledge_dir)

    def component(doc: Doc) -> Doc:
        spans, new_actors = link_mentions(doc, kb=kb)
        doc.spans[ACTOR_SPANS] = spans
        doc._.new_actors = new_actors
        return doc

    return component


def mention_actor(span: Span) -> str | None:
    """The actor id of a mention span (None when not linked)."""
    return span._.actor_id
