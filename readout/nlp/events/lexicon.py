"""The event trigger lexicon (``data/knowledge/events.toml``), loaded once per folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

EVENT_TYPES = ("visit", "meeting", "talks", "call", "summit", "statement")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[str, tuple[str, ...]]]  # lemma -> (event type, prepositions)
    nouns: dict[str, str]  # lemma or phrase -> event type
    hosting_verbs: frozenset[str] = frozenset()
    explicit_party_nouns: frozenset[str] = frozenset()
    phone_words: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    contact_verbs: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()  # "told Y about the talks": a topic
    speaking_topic_preps: frozenset[str] = frozenset()  # "briefed Y on the talks"
    speaking_verbs: frozenset[str] = frozenset()
    discussion_verbs: frozenset[str] = frozenset()  # "discussed the situation in X"
    hypothetical: frozenset[str] = frozenset()
    planned_words: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    occasion_words: frozenset[str] = frozenset()
    event_parts: frozenset[str] = frozenset()  # "round" of talks, "sidelines" of a summit
    iterative_words: frozenset[str] = frozenset()
    seats: frozenset[str] = frozenset()  # actor ids of offices named after their building
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    verb_objects: dict[str, frozenset[str]] = field(default_factory=dict)  # verb -> objects

    @cached_property
    def trigger_verbs(self) -> frozenset[str]:
        """Every verb lemma that can trigger an event of some kind."""
        return frozenset(self.verbs) | self.hosting_verbs | self.contact_verbs

    @cached_property
    def verb_forms(self) -> frozenset[str]:
        """Third-person, past and -ing forms of the trigger verbs ("arrives", "met" aside:
        irregular pasts are not needed), to tell a headline's verb from a name."""
        forms = set()
        # light verbs too: a headline's "Modi, Scholz Sign Declaration"
        for verb in self.trigger_verbs | self.light_verbs:
            stem = verb[:-1] if verb.endswith("e") else verb
            ies = verb[:-1] + "ies" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else None
            forms |= {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", ies or verb}
        return frozenset(forms)

    @cached_property
    def noun_heads(self) -> frozenset[str]:
        """Every word ``noun_type`` can give a type to: a noun of the lexicon, or the end of a
        phrase in it ("call" of "phone call")."""
        heads = set()
        for phrase in self.nouns:
            words = phrase.split(" ")
            heads |= {" ".join(words[k:]) for k in range(len(words))}
        return frozenset(heads)

    def is_topic(self, verb_lemma: str, preps: tuple[str, ...]) -> bool:
        """A noun event reached from its verb through ``preps`` (nearest the noun first) is
        the verb's topic: "about the talks", or "on the talks" after a verb of speaking."""
        if len(preps) != 1:
            return False  # "said on the sidelines of the summit": the summit is a setting
        prep = preps[0]
        return prep in self.topic_preps or (
            prep in self.speaking_topic_preps and verb_lemma in self.speaking_verbs
        )

    def noun_type(self, lemma: str, compound: str | None = None) -> str | None:
        """Event type of a noun, preferring the two-word form ("phone call", "state visit")."""
        if compound and f"{compound} {lemma}" in self.nouns:
            return self.nouns[f"{compound} {lemma}"]
        return self.nouns.get(lemma)


def _words(rules: dict, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.get(key, []))


@lru_cache(maxsize=4)
def load_lexicon(knowledge_dir: str) -> Lexicon:
    path = Path(knowledge_dir) / "events.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    verbs = {
        lemma: (kind, tuple(preps))
        for kind, entries in data.get("verbs", {}).items()
        for lemma, preps in entries.items()
    }
    nouns = {word.lower(): kind for kind, words in data.get("nouns", {}).items() for word in words}
    rules = data.get("rules", {})
    groups = {name: tuple(roles) for name, roles in rules.get("groups", {}).items()}
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        hosting_verbs=_words(rules, "hosting_verbs"),
        explicit_party_nouns=_words(rules, "explicit_party_nouns"),
        phone_words=_words(rules, "phone_words"),
        light_verbs=_words(rules, "light_verbs"),
        contact_verbs=_words(rules, "contact_verbs"),
        topic_preps=_words(rules, "topic_preps"),
        speaking_topic_preps=_words(rules, "speaking_topic_preps"),
        speaking_verbs=_words(rules, "speaking_verbs"),
        discussion_verbs=_words(rules, "discussion_verbs"),
        hypothetical=_words(rules, "hypothetical"),
        planned_words=_words(rules, "planned_words"),
        party_nouns=_words(rules, "party_nouns"),
        occasion_words=_words(rules, "occasion_words"),
        event_parts=_words(rules, "event_parts"),
        seats=_words(rules, "seats"),
        iterative_words=_words(rules, "iterative_words"),
        groups=groups,
        verb_objects={
            verb: frozenset(w.lower() for w in words)
            for verb, words in rules.get("verb_objects", {}).items()
        },
    )
