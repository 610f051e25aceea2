"""The per-article NLP cache: a rebuild only analyses new or changed articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import readout.snapshot.build
from readout.snapshot.build import build_snapshot
from readout.snapshot.cache import ResultCache, article_key, result_from_json, result_to_json
from readout.snapshot.records import (
    ArticleResult,
    CleanArticle,
    EventRecord,
    MentionRecord,
    NewActor,
    StatementRecord,
)
from readout.snapshot.store import read_manifest, read_snapshot

ONE = (
    "Wang Yi meets Lavrov in Moscow\n\n"
    "Chinese Foreign Minister Wang Yi met Sergei Lavrov in Moscow on Tuesday, the ministry said.\n"
)
TWO = (
    "Xi calls Putin\n\n"
    '"We support peace talks," Xi Jinping told Vladimir Putin in a phone call on Friday.\n'
)
THREE = (
    "Envoy visits Kyiv\n\n"
    "Chinese envoy Li Hui arrived in Kyiv on Monday for a two-day visit, officials said.\n"
)


def article(text: str = ONE, published: str | None = "2025-04-01") -> CleanArticle:
    return CleanArticle("a.txt", text, "T", None, None, published, None)


def sample_result() -> ArticleResult:
    return ArticleResult(
        mentions=[MentionRecord(0, 7, "Wang Yi", "PERSON", "wang-yi")],
        statements=[StatementRecord("wang-yi", "Wang", "ready", "direct", 3, 8, None, ["peace"])],
        events=[
            EventRecord(
                "meeting",
                ["wang-yi", "lavrov"],
                "Moscow",
                "2025-04-01",
                None,
                "day",
                "held",
                0,
                40,
                "met",
            )
        ],
        new_actors=[NewActor("li-hui", "Li Hui", aliases=["Li"])],
    )


def test_a_result_survives_the_round_trip_through_json():
    result = sample_result()
    assert result_from_json(result_to_json(result)) == result


def test_the_key_depends_on_text_date_and_context():
    base = article_key(article(), "ctx")
    assert article_key(article(), "ctx") == base
    assert article_key(article(ONE + " "), "ctx") != base
    assert article_key(article(published="2025-04-02"), "ctx") != base
    assert article_key(article(), "other model") != base


def test_a_corrupt_entry_is_a_miss_and_is_rewritten(tmp_path):
    cache = ResultCache(tmp_path, "ctx")
    key = article_key(article(), "ctx")
    cache.path(key).parent.mkdir(parents=True)
    cache.path(key).write_text("{not json", "utf-8")
    calls = []

    def analyse(todo):
        calls.append(len(todo))
        return [sample_result() for _ in todo]

    assert [r for r, _ in cache.results([article()], analyse)] == [sample_result()]
    assert calls == [1]
    again = ResultCache(tmp_path, "ctx")
    assert [reused for _, reused in again.results([article()], analyse)] == [True]
    assert calls == [1] and again.counts == {"analysed": 0, "reused": 1}


def test_without_a_folder_everything_is_analysed():
    cache = ResultCache(None, "ctx")
    results = list(cache.results([article(), article()], lambda todo: [sample_result()] * 2))
    assert [reused for _, reused in results] == [False, False]


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """Every article handed to the NLP stage (spaCy), by file name."""
    calls: list[str] = []
    real = readout.snapshot.build.analyse_all

    def counting(articles, **kwargs):
        calls.extend(a.file for a in articles)
        return real(articles, **kwargs)

    monkeypatch.setattr(readout.snapshot.build, "analyse_all", counting)
    return calls


def build(source: Path, out: Path, cache: Path | None):
    return build_snapshot(source, out, cache_dir=cache, corrections=None)


def test_rebuilds_analyse_only_new_articles_and_give_the_same_tables(tmp_path, counted):
    source, cache = tmp_path / "raw", tmp_path / "cache"
    source.mkdir()
    (source / "one.txt").write_text(ONE, "utf-8")
    (source / "two.txt").write_text(TWO, "utf-8")
    first = build(source, tmp_path / "snap", cache)
    assert (first.analysed, first.reused) == (2, 0) and sorted(counted) == ["one.txt", "two.txt"]

    counted.clear()
    messages = []
    again = build_snapshot(
        source,
        tmp_path / "snap",
        cache_dir=cache,
        corrections=None,
        progress=lambda done, total, message: messages.append(message),
    )
    assert counted == [] and (again.analysed, again.reused) == (0, 2)
    assert any(m.startswith("Reused (cached)") for m in messages)
    assert read_manifest(tmp_path / "snap")["nlp"] == {"analysed": 0, "reused": 2}

    (source / "three.txt").write_text(THREE, "utf-8")
    third = build(source, tmp_path / "snap", cache)
    assert counted == ["three.txt"] and (third.analysed, third.reused) == (1, 2)

    build(source, tmp_path / "fresh", None)  # from scratch, no cache at all
    cached, fresh = read_snapshot(tmp_path / "snap"), read_snapshot(tmp_path / "fresh")
    for name in fresh:
        assert cached[name].astype(str).equals(fresh[name].astype(str)), name


def test_an_edited_article_is_analysed_again(tmp_path, counted):
    source, cache = tmp_path / "raw", tmp_path / "cache"
    source.mkdir()
    (source / "one.txt").write_text(ONE, "utf-8")
    build(source, tmp_path / "snap", cache)
    (source / "one.txt").write_text(ONE.replace("Tuesday", "Wednesday"), "utf-8")
    counted.clear()
    report = build(source, tmp_path / "snap", cache)
    assert counted == ["one.txt"] and report.analysed == 1
    shutil.rmtree(cache)
    assert build(source, tmp_path / "snap", cache).analysed == 1  # a lost cache costs time only


def test_a_parallel_build_reuses_the_cache_and_gives_the_same_tables(tmp_path, counted):
    source, cache = tmp_path / "raw", tmp_path / "cache"
    source.mkdir()
    (source / "one.txt").write_text(ONE, "utf-8")
    build(source, tmp_path / "serial", cache)
    (source / "two.txt").write_text(TWO, "utf-8")
    (source / "three.txt").write_text(THREE, "utf-8")
    build(source, tmp_path / "serial", None)
    counted.clear()
    report = build_snapshot(source, tmp_path / "parallel", jobs=2, cache_dir=cache,
                            corrections=None)  # fmt: skip
    assert sorted(counted) == ["three.txt", "two.txt"] and report.reused == 1
    serial, parallel = read_snapshot(tmp_path / "serial"), read_snapshot(tmp_path / "parallel")
    for name in serial:
        assert serial[name].astype(str).equals(parallel[name].astype(str)), name
