"""The phrase-matcher actor ruler marks exactly what spaCy's EntityRuler marks with the same
case rules written as token patterns, on texts written to hit every rule."""

from __future__ import annotations

import pytest
from spacy.pipeline import EntityRuler

from readout import KNOWLEDGE_DIR
from readout.knowledge import Actor, KnowledgeBase
from readout.nlp.actors.ruler import (
    ANY_CASE,
    APOSTROPHE_S,
    EXACT,
    POSSESSIVE,
    ActorRuler,
    FormPattern,
    actor_form_patterns,
)
from readout.nlp.kb import get_knowledge

TEXTS = [
    "CHINA and Russia met; the US and us. russia-ukraine-war in a slug, then RUSSIA again.",
    "China's envoy and China’s minister met the Kremlin and The Kremlin in Moscow.",
    "Ursula von der Leyen and URSULA VON DER LEYEN spoke; wang yi did not, Wang Yi did.",
    "The Chinese Foreign Ministry said the Chinese foreign ministry had no comment.",
    "Sergey Lavrov, Lavrov and LAVROV met Xi Jinping's aides and the EU in Brussels.",
    "Ukrainian and Russian officials met the UN's envoy at NATO headquarters in Kyiv.",
]


def token_pattern(pattern: FormPattern) -> list[dict]:
    """The same case rules as spaCy Matcher token patterns: the reference semantics."""
    tokens = []
    for word, rule in zip(pattern.words, pattern.rules, strict=True):
        if rule == POSSESSIVE:
            tokens.append({"ORTH": {"IN": list(APOSTROPHE_S)}})
        elif rule == EXACT:
            tokens.append({"ORTH": word})
        elif rule == ANY_CASE:
            tokens.append({"LOWER": word.lower()})
        else:
            tokens.append({"LOWER": word.lower(), "IS_LOWER": False})
    return tokens


def entity_ruler(nlp, kb: KnowledgeBase) -> EntityRuler:
    ruler = EntityRuler(nlp, name="reference", overwrite_ents=True)
    patterns = [
        pattern for actor in kb.actors.values() for pattern in actor_form_patterns(nlp, actor)
    ]
    ruler.add_patterns(
        [{"label": p.label, "pattern": token_pattern(p), "id": p.actor_id} for p in patterns]
    )
    return ruler


def ents(doc) -> list[tuple[int, int, str, str]]:
    return [(e.start, e.end, e.label_, e.id_) for e in doc.ents]


@pytest.fixture(scope="module")
def before_ruler(nlp):
    """The model's pipeline up to the actor ruler."""
    names = [name for name, _ in nlp.pipeline]
    upto = names[: names.index("readout_actor_ruler")]
    return lambda text: next(nlp.pipe([text], disable=[n for n in names if n not in upto]))


@pytest.mark.parametrize("text", TEXTS)
def test_same_entities_as_the_entity_ruler(nlp, before_ruler, text):
    kb = get_knowledge(str(KNOWLEDGE_DIR))
    doc = before_ruler(text)
    ours, reference = doc.copy(), doc.copy()
    ActorRuler(nlp, kb)(ours)
    entity_ruler(nlp, kb)(reference)
    assert ents(ours) == ents(reference)
    assert ents(ours), "the texts name known actors"


def test_case_rules(nlp, before_ruler):
    kb = KnowledgeBase(
        actors={
            "us": Actor(id="us", name="US", kind="country"),
            "vdl": Actor(id="vdl", name="Ursula von der Leyen", kind="person"),
            "ru": Actor(id="ru", name="Russia", kind="country"),
        },
        titles={},
    )
    ruler = ActorRuler(nlp, kb)
    found = lambda text: [e.text for e in ruler(before_ruler(text)).ents if e.id_]  # noqa: E731
    assert found("The US said so; they told us.") == ["The US"]
    assert found("URSULA VON DER LEYEN and Ursula Von Der Leyen") == [
        "URSULA VON DER LEYEN",
        "Ursula Von Der Leyen",
    ]
    assert found("see russia-news/ for RUSSIA") == ["RUSSIA"]
