"""Shared fixtures: the spaCy pipeline and the sample snapshot are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout import RAW_DIR

TESTS = Path(__file__).resolve().parent
GOLD = TESTS / "data" / "gold.json"


@pytest.fixture(scope="session")
def nlp():
    from readout.nlp.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def sample_snapshot(tmp_path_factory) -> Path:
    """The bundled sample articles built into a fresh snapshot."""
    from readout.snapshot.build import build_snapshot

    base = tmp_path_factory.mktemp("sample")
    out = base / "snapshot"
    build_snapshot(RAW_DIR, out, cache_dir=None, corrections=None)
    return out


def analyse_text(nlp, text: str, published: str | None = "2025-03-28"):
    """Run the full pipeline on a hand-written text with a publication date."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


@pytest.fixture(scope="module")
def built_corpus(tmp_path_factory) -> dict[str, Path]:
    """Article, snapshot, corrections and cache folders, built once per test module."""
    from tests.fixtures_snapshot import make_corpus

    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def corpus(built_corpus, tmp_path, monkeypatch) -> dict[str, Path]:
    """A private copy of ``built_corpus`` that the app under test reads and edits."""
    from tests.fixtures_snapshot import copy_corpus, corpus_env

    paths = copy_corpus(built_corpus, tmp_path)
    for name, value in corpus_env(paths).items():
        monkeypatch.setenv(name, value)
    return paths
