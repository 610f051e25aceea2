"""The reporting lexicon (``data/knowledge/reporting.toml``) and token tests built on it.

Verbs, speech nouns, spokespeople and role nouns live in the data file so that editors can
extend them; this module only knows how to look a token up.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from readout.nlp.extensions import tokens_where

REPORTING_FILE = "reporting.toml"


def _lower_set(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@dataclass(frozen=True)
class Cues:
    speech_verbs: frozenset[str]
    framing_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    phrasal_verbs: frozenset[tuple[str, str]]  # ("point", "out")
    according_to: tuple[tuple[str, ...], ...]  # ("according", "to")
    not_speech: tuple[tuple[str, ...], ...]  # "so-called": what follows is a name
    speech_nouns: frozenset[str]
    spokespeople: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    counterparts: frozenset[str] = frozenset()
    quoting_verbs: frozenset[str] = frozenset()
    refusing_verbs: frozenset[str] = frozenset()
    role_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    naming: tuple[tuple[str, ...], ...] = ()  # "dubbed", "known as": a noun phrase is a name
    naming_verbs: frozenset[str] = frozenset()  # "dub", "name": their object complement too
    findings: frozenset[str] = frozenset()  # "report", "assessment": a finding, not speech

    @cached_property
    def _speech_lemmas(self) -> frozenset[str]:
        return self.speech_verbs | {verb for verb, _ in self.phrasal_verbs}

    def speech_verb_candidates(self, doc: Doc) -> list[Token]:
        """The tokens whose lemma could make them speech verbs (``is_speech_verb`` decides),
        found on the LEMMA column rather than by building every token."""
        lemmas = doc.to_array([LEMMA])
        strings = doc.vocab.strings
        known = [
            h
            for h in numpy.unique(lemmas).tolist()
            if h and strings[h].lower() in self._speech_lemmas
        ]
        return tokens_where(doc, numpy.isin(lemmas, known))

    def is_speech_verb(self, token: Token) -> bool:
        """'said', 'stressed', 'pointed out': a verb that reports speech."""
        lemma = token.lemma_.lower()
        if lemma not in self._speech_lemmas:  # the cheap test first
            return False
        if not _verb_like(token):
            return False
        if lemma in self.speech_verbs:
            return True
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        return any((lemma, p) in self.phrasal_verbs for p in particles)

    def is_cue_verb(self, token: Token) -> bool:
        """A speech verb or a verb framing a partial quote ('hailed', 'branded')."""
        if token.pos_ not in {"VERB", "AUX"} and not _infinitive(token):
            return False
        return self.is_speech_verb(token) or token.lemma_.lower() in self.framing_verbs

    def takes_addressee(self, token: Token) -> bool:
        return token.lemma_.lower() in self.addressee_verbs

    def role_words(self, phrase: str) -> tuple[str, ...] | None:
        """Role words for a role noun ('the minister' -> ('minister',)); None if not a role."""
        return self.role_nouns.get(phrase.lower())


def _verb_like(token: Token) -> bool:
    return (
        token.pos_ in {"VERB", "AUX"}
        or token.tag_ in {"VBD", "VBZ", "VBG", "VBN"}
        or _infinitive(token)
    )


def _infinitive(token: Token) -> bool:
    """'went on to state that': the small model tags some infinitives after "to" as nouns;
    "to" marked as the word's auxiliary (or particle) makes it a verb whatever the tag."""
    return any(
        c.lower_ == "to" and c.dep_ in {"aux", "prt"} and c.i < token.i for c in token.children
    )


def _split(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in phrases)


def load_cues(path: Path) -> Cues:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    verbs, nouns, phrases = data.get("verbs", {}), data.get("nouns", {}), data.get("phrases", {})
    speech = [v for v in verbs.get("speech", []) if " " not in v]
    phrasal = [tuple(v.split()[:2]) for v in verbs.get("speech", []) if " " in v]
    return Cues(
        speech_verbs=_lower_set(speech),
        framing_verbs=_lower_set(verbs.get("framing", [])),
        addressee_verbs=_lower_set(verbs.get("addressee", [])),
        phrasal_verbs=frozenset(phrasal),
        according_to=_split(phrases.get("according_to", [])),
        not_speech=_split(phrases.get("not_speech", [])),
        speech_nouns=_lower_set(nouns.get("speech", [])),
        spokespeople=_lower_set(nouns.get("spokespeople", [])),
        person_pronouns=_lower_set(nouns.get("person_pronouns", [])),
        thing_pronouns=_lower_set(nouns.get("thing_pronouns", [])),
        counterparts=_lower_set(nouns.get("counterparts", [])),
        quoting_verbs=_lower_set(verbs.get("quoting", [])),
        refusing_verbs=_lower_set(verbs.get("refusing", [])),
        role_nouns={k.lower(): tuple(v) for k, v in data.get("role_nouns", {}).items()},
        naming=_split(phrases.get("naming", [])),
        naming_verbs=_lower_set(verbs.get("naming", [])),
        findings=_lower_set(nouns.get("findings", [])),
    )


@lru_cache(maxsize=4)
def get_cues(knowledge_dir: str) -> Cues:
    return load_cues(Path(knowledge_dir) / REPORTING_FILE)
