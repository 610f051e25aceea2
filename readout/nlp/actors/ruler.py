"""The gazetteer behind ``readout_actor_ruler``: every knowledge-base name as a phrase.

It marks what spaCy's ``EntityRuler`` would with case-aware token patterns, but finds the
candidates with one ``PhraseMatcher`` on lowercase words (a hash lookup per token) and only
then applies the case rules to the few candidates found. Token patterns through the
``Matcher`` cost as much as the whole parser on a large knowledge base; this costs almost
nothing. The choice among overlapping matches is the ``EntityRuler``'s: longest first, then
leftmost, overwriting the model's entities.

Case rules, per word of a surface form:

* acronyms and short forms match exactly ("US" is not "us");
* words with digits or punctuation match exactly;
* lowercase particles match in any case ("von der Leyen");
* other words match in any case except all-lowercase ("CHINA" in a caps headline, not
  "russia" inside a URL slug);
* "'s" and "’s" are the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from readout.knowledge import Actor, KnowledgeBase

APOSTROPHE_S = ("'s", "’s")
KIND_LABELS = {"person": "PERSON", "country": "GPE", "organization": "ORG", "media": "ORG"}
EXACT, ANY_CASE, NOT_LOWER, POSSESSIVE = "exact", "any", "not_lower", "possessive"
KEY_SEPARATOR = "||"  # the EntityRuler's: the match key names the label and the actor


@dataclass(frozen=True)
class FormPattern:
    """One surface form of an actor: its words and the case rule of each word."""

    label: str
    actor_id: str
    words: tuple[str, ...]
    rules: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.label}{KEY_SEPARATOR}{self.actor_id}"

    def accepts(self, tokens: Span) -> bool:
        checks = zip(tokens, self.words, self.rules, strict=True)
        return all(_word_ok(token, word, rule) for token, word, rule in checks)


def _word_ok(token: Token, word: str, rule: str) -> bool:
    # The phrase matcher already compared lowercase forms; only case is left to check.
    if rule == EXACT:
        return token.text == word
    if rule == POSSESSIVE:
        return token.text in APOSTROPHE_S
    if rule == NOT_LOWER:
        return not token.is_lower
    return True


def word_rule(word: str, *, exact: bool) -> str:
    if word in APOSTROPHE_S:
        return POSSESSIVE
    if exact or not word.isalpha():
        return EXACT
    return ANY_CASE if word.islower() else NOT_LOWER


def form_pattern(nlp: Language, form: str, label: str, actor_id: str) -> FormPattern:
    words = tuple(t.text for t in nlp.make_doc(form))
    exact = form.isupper() or len(form) <= 3
    rules = tuple(word_rule(w, exact=exact) for w in words)
    return FormPattern(label, actor_id, words, rules)


def actor_form_patterns(nlp: Language, actor: Actor) -> Iterator[FormPattern]:
    """Every name, demonym and capital of ``actor``; "the ..." too for institutions and
    countries ("the Kremlin", "the Chinese Foreign Ministry")."""
    label = KIND_LABELS.get(actor.kind, "ORG")
    forms = [(form, label) for form in actor.surface_forms]
    forms += [(form, "NORP") for form in actor.demonyms]
    forms += [(form, "GPE") for form in actor.metonyms]
    for form, form_label in forms:
        pattern = form_pattern(nlp, form, form_label, actor.id)
        yield pattern
        if actor.kind != "person" and not form.lower().startswith("the "):
            yield FormPattern(
                form_label, actor.id, ("the", *pattern.words), (ANY_CASE, *pattern.rules)
            )


def _spellings(pattern: FormPattern) -> Iterator[tuple[str, ...]]:
    """The lowercase word sequences a pattern can match: each "'s" in both apostrophes."""
    options = [APOSTROPHE_S if r == POSSESSIVE else (w.lower(),) for w, r in
               zip(pattern.words, pattern.rules, strict=True)]  # fmt: skip
    yield from itertools.product(*options)


class ActorRuler:
    """A pipeline component: knowledge-base names become entities with the actor's id."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # (match key, lowercase words) -> the patterns that spell it
        self.patterns: dict[tuple[int, tuple[str, ...]], list[FormPattern]] = {}
        self.labels: dict[int, tuple[str, str]] = {}
        phrases: dict[int, list[Doc]] = {}
        for actor in kb.actors.values():
            for pattern in actor_form_patterns(nlp, actor):
                key = nlp.vocab.strings.add(pattern.key)
                self.labels[key] = (pattern.label, pattern.actor_id)
                for spelling in _spellings(pattern):
                    found = self.patterns.setdefault((key, spelling), [])
                    if not found:
                        phrases.setdefault(key, []).append(Doc(nlp.vocab, words=list(spelling)))
                    found.append(pattern)
        for key, docs in phrases.items():
            self.matcher.add(nlp.vocab.strings[key], docs)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Accepted matches, longest first, then leftmost (the ``EntityRuler``'s order)."""
        found = set()
        for key, start, end in self.matcher(doc):
            span = doc[start:end]
            spelling = tuple(t.lower_ for t in span)
            if any(p.accepts(span) for p in self.patterns.get((key, spelling), ())):
                found.add((key, start, end))
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc.ents)
        new_entities, seen = [], set()
        for key, start, end in self.matches(doc):
            if start in seen or end - 1 in seen:  # as the EntityRuler: the edges decide
                continue
            label, actor_id = self.labels[key]
            new_entities.append(Span(doc, start, end, label=label, span_id=actor_id))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            seen.update(range(start, end))
        doc.ents = entities + new_entities
        return doc
