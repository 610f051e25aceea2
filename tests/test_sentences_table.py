"""The snapshot's ``sentences`` table: spaCy's boundaries, stored by the build, kept by the NLP
cache, written by the synthetic snapshot, and read back by the app."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.model import APP_CATEGORIES, APP_COLUMNS, APP_WHERE, prepare
from readout.snapshot.build import build_snapshot
from readout.snapshot.cache import ResultCache, result_from_json, result_to_json
from readout.snapshot.records import ArticleResult, MentionRecord
from readout.snapshot.schema import TABLE_NAMES
from readout.snapshot.store import read_manifest, read_snapshot
from readout.synth.snapshot import SEP, write_synthetic_snapshot
from tests.conftest import analyse_text

ONE = (
    "Wang Yi meets Lavrov in Moscow\n\n"
    "Chinese Foreign Minister Wang Yi met Sergei Lavrov in Moscow on Tuesday. "
    "U.S. President Donald Trump called Vladimir Putin on Friday, the ministry said.\n"
)
TWO = (
    "Xi calls Putin\n\nXi Jinping told Vladimir Putin in a phone call on Friday that talks help.\n"
)


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("raw")
    (folder / "one.txt").write_text(ONE, "utf-8")
    (folder / "two.txt").write_text(TWO, "utf-8")
    return folder


def spans_by_article(folder: Path) -> dict[str, list[tuple[int, int]]]:
    table = read_snapshot(folder)["sentences"]
    return {
        aid: list(zip(rows["start"], rows["end"], strict=True))
        for aid, rows in table.groupby("article_id", sort=False)
    }


def test_the_table_is_declared():
    assert "sentences" in TABLE_NAMES


def test_build_stores_spacys_sentences_of_every_article(raw, tmp_path, nlp):
    out = build_snapshot(raw, tmp_path / "snap", cache_dir=None, corrections=None).out
    tables = read_snapshot(out)
    stored = spans_by_article(out)
    texts = tables["articles"].set_index("article_id")["text"]
    assert set(stored) == set(texts.index)
    for aid, text in texts.items():
        doc = analyse_text(nlp, text)
        assert stored[aid] == [(s.start_char, s.end_char) for s in doc.sents], aid
        assert len(stored[aid]) >= 2  # the headline is a sentence of its own
    assert read_manifest(out)["counts"]["sentences"] == sum(map(len, stored.values()))


def test_sentences_survive_the_cache(raw, tmp_path):
    cache = tmp_path / "cache"
    first = build_snapshot(raw, tmp_path / "a", cache_dir=cache, corrections=None)
    second = build_snapshot(raw, tmp_path / "b", cache_dir=cache, corrections=None)
    assert first.analysed == 2 and second.reused == 2
    built, reused = spans_by_article(first.out), spans_by_article(second.out)
    assert built and reused == built


def test_cached_result_round_trips_its_sentences():
    result = ArticleResult(
        mentions=[MentionRecord(0, 4, "Wang", "PERSON", "wang-yi")],
        statements=[],
        events=[],
        sentences=[(0, 30), (32, 80)],
    )
    back = result_from_json(result_to_json(result))
    assert back.sentences == [(0, 30), (32, 80)] and back == result


def test_a_cache_entry_without_sentences_is_a_miss(tmp_path):
    cache = ResultCache(tmp_path, "ctx")
    cache.put("ab" * 32, ArticleResult([], [], [], sentences=[(0, 5)]))
    assert cache.get("ab" * 32) is not None
    path = cache.path("ab" * 32)
    path.write_text(path.read_text("utf-8").replace('"sentences"', '"other"'), "utf-8")
    assert cache.get("ab" * 32) is None  # analysed again rather than losing its sentences


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "snap"
    write_synthetic_snapshot(200, folder, seed=3)
    return folder


def test_synthetic_sentences_tile_each_text(synthetic):
    tables = read_snapshot(synthetic)
    sentences, texts = tables["sentences"], tables["articles"].set_index("article_id")["text"]
    assert set(sentences["article_id"]) == set(texts.index)
    for aid, rows in sentences.groupby("article_id"):
        text = texts[aid]
        parts = [text[s:e] for s, e in zip(rows["start"], rows["end"], strict=True)]
        assert SEP.join(parts) == text, aid  # sentences in order, covering the text
    mentions = tables["mentions"]
    assert len(mentions) and _inside_one_sentence(mentions, sentences).all()


def _inside_one_sentence(mentions: pd.DataFrame, sentences: pd.DataFrame) -> np.ndarray:
    joined = mentions.reset_index().merge(sentences, on="article_id", suffixes=("", "_s"))
    inside = (joined["start_s"] <= joined["start"]) & (joined["end"] <= joined["end_s"])
    return joined[inside].groupby("index").size().reindex(mentions.index).eq(1).to_numpy()


def test_the_app_reads_sentence_starts_only(synthetic):
    options = {"columns": APP_COLUMNS, "where": APP_WHERE, "categories": APP_CATEGORIES}
    tables = read_snapshot(synthetic, **options)
    assert list(tables["sentences"].columns) == ["article_id", "start"]
    assert tables["sentences"]["article_id"].dtype == "category"
    snap = prepare(tables, read_manifest(synthetic))
    assert len(snap.sentences) == read_manifest(synthetic)["counts"]["sentences"]
