"""Themes of statements (ceasefire, sanctions, ...) from the editable lexicon.

``data/knowledge/themes.toml`` lists each theme's phrases. They are matched with spaCy's
PhraseMatcher twice: on lowercase words ("UN Charter" in any case) and on lemmas ("sanctions"
also finds "sanctioned"). A statement gets every theme matched inside its text; a short
partial quote ("'timely'") is also tagged from the sentence that carries it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from readout import KNOWLEDGE_DIR
from readout.snapshot.records import StatementRecord

THEMES_FILE = "themes.toml"
DEFAULT_CONTEXT_WORDS = 6
# The components that give pattern phrases their lemmas, when the model has them.
LEMMA_PIPES = ("tok2vec", "tagger", "attribute_ruler", "morphologizer", "lemmatizer")


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class ThemeLexicon:
    themes: tuple[Theme, ...]
    context_words: int = DEFAULT_CONTEXT_WORDS

    @property
    def labels(self) -> dict[str, str]:
        return {t.key: t.label for t in self.themes}


def load_themes(path: Path) -> ThemeLexicon:
    """The lexicon in ``path``; an absent file gives an empty lexicon (no themes tagged)."""
    if not path.exists():
        return ThemeLexicon(())
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    themes = tuple(
        Theme(key, spec.get("label", key.replace("_", " ")), tuple(spec.get("phrases", [])))
        for key, spec in data.get("themes", {}).items()
    )
    context = data.get("settings", {}).get("context_words", DEFAULT_CONTEXT_WORDS)
    return ThemeLexicon(themes, int(context))


class ThemeMatcher:
    """Finds theme phrases in a parsed document."""

    def __init__(self, nlp: Language, lexicon: ThemeLexicon) -> None:
        self.lexicon = lexicon
        self.order = {t.key: n for n, t in enumerate(lexicon.themes)}
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        lemma_pipes = [p for p in LEMMA_PIPES if p in nlp.pipe_names]
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA") if "lemmatizer" in lemma_pipes else None
        for theme in lexicon.themes:
            self.lower.add(theme.key, [nlp.make_doc(p) for p in theme.phrases])
        if self.lemma is not None:  # every theme's phrases in one nlp.pipe: a quicker start
            phrases = [(t.key, p) for t in lexicon.themes for p in t.phrases]
            with nlp.select_pipes(enable=lemma_pipes):
                docs = nlp.pipe([p for _, p in phrases])
                for (key, _), doc in zip(phrases, docs, strict=True):
                    self.lemma.add(key, [doc])

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(theme key, start char, end char) of every phrase found."""
        found = set()
        matchers = [self.lower] + ([self.lemma] if self.lemma is not None else [])
        for matcher in matchers:
            for match_id, start, end in matcher(doc):
                span = doc[start:end]
                found.add((doc.vocab.strings[match_id], span.start_char, span.end_char))
        return sorted(found, key=lambda m: (m[1], m[2]))


def _windows(statement: StatementRecord, context_words: int) -> list[tuple[int, int]]:
    windows = [(statement.start, statement.end)]
    short = len(statement.text.split()) <= context_words
    if short and statement.sent_start is not None and statement.sent_end is not None:
        windows.append((statement.sent_start, statement.sent_end))
    return windows


def tag_themes(
    doc: Doc, statements: list[StatementRecord], *, matcher: ThemeMatcher
) -> list[StatementRecord]:
    """The statements with ``themes`` filled in (lexicon order, no duplicates)."""
    found = matcher.matches(doc)
    for statement in statements:
        keys = set(statement.themes)
        for start, end in _windows(statement, matcher.lexicon.context_words):
            keys |= {key for key, s, e in found if start <= s and e <= end}
        statement.themes = sorted(keys, key=lambda k: matcher.order.get(k, len(matcher.order)))
    return statements


@Language.factory(
    "readout_themes",
    requires=["doc._.statements"],
    assigns=["doc._.statements"],
    default_config={"knowledge_dir": str(KNOWLEDGE_DIR)},
)
def make_themes(nlp: Language, name: str, knowledge_dir: str):
    matcher = ThemeMatcher(nlp, load_themes(Path(knowledge_dir) / THEMES_FILE))

    def component(doc: Doc) -> Doc:
        doc._.statements = tag_themes(doc, list(doc._.statements or []), matcher=matcher)
        return doc

    return component
