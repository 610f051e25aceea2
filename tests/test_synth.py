"""Synthetic corpora and snapshots (readout.synth.articles*): realistic, deterministic, usable."""

from __future__ import annotations

import csv
from datetime import date

import pandas as pd
import pytest

from readout import KNOWLEDGE_DIR
from readout.__main__ import main
from readout.snapshot.store import read_manifest, read_snapshot
from readout.synth.articles import write_corpus
from readout.synth.snapshot import write_synthetic_snapshot
from readout.synth.world import load_lexicon

N = 50


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(N, tmp_path_factory.mktemp("synth") / "corpus", seed=7)


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    from readout.snapshot.build import build_snapshot

    out = tmp_path_factory.mktemp("synth") / "snapshot"
    build_snapshot(corpus, out, cache_dir=None, corrections=None)
    return read_snapshot(out)


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_corpus_is_deterministic_for_a_seed(corpus, tmp_path):
    assert _files(write_corpus(N, tmp_path / "again", seed=7)) == _files(corpus)
    assert _files(write_corpus(N, tmp_path / "other", seed=8)) != _files(corpus)


def test_corpus_has_articles_and_their_metadata(corpus):
    with (corpus / "metadata.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == N
    assert {"file", "outlet", "url", "published"} <= set(rows[0])
    assert {r["file"] for r in rows} == {p.name for p in corpus.glob("*.txt")}
    for row in rows:
        assert date(2022, 1, 1) <= date.fromisoformat(row["published"]) <= date(2026, 12, 31)
        assert row["url"].startswith("https://") and row["outlet"]


def test_people_are_titled_by_the_role_they_held_that_day():
    lex = load_lexicon(KNOWLEDGE_DIR)
    for day in (date(2022, 6, 15), date(2023, 4, 15), date(2025, 4, 15)):
        for post in lex.posts_on(day):
            roles = lex.kb.roles_of(post.person.id, day)
            assert any(r.role == post.role and r.of == post.of for r in roles), post

    def foreign_minister(day):
        found = [p for p in lex.posts_on(day) if p.of == "China" and p.role == "foreign_minister"]
        return [p.person.name for p in found]

    assert foreign_minister(date(2023, 4, 15)) == ["Qin Gang"]
    assert foreign_minister(date(2025, 4, 15)) == ["Wang Yi"]


def test_the_pipeline_finds_statements_events_and_merges_them(built):
    articles, statements, events = built["articles"], built["statements"], built["events"]
    assert len(articles) == N
    assert len(statements) >= 3 * N
    assert statements["speaker_id"].notna().mean() > 0.5
    assert len(built["event_sources"]) >= N
    assert (events["article_ids"].map(len) >= 2).any(), "some events are reported twice"
    assert events["participants"].map(len).ge(2).mean() > 0.5
    assert built["mentions"]["actor_id"].notna().mean() > 0.7
    assert articles["duplicate_of"].notna().any(), "wire copies are found"


def test_page_furniture_is_removed(built):
    text = "\n".join(built["articles"]["text"])
    for line in text.splitlines():
        assert line.strip() not in {"Advertisement", "Read next", "Share this article"}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "fast"
    write_synthetic_snapshot(400, out, seed=3)
    return out


def test_snapshot_mode_writes_a_readable_snapshot(synthetic):
    tables = read_snapshot(synthetic)
    n = len(tables["articles"])
    assert n == 400 and read_manifest(synthetic)["counts"]["articles"] == 400
    assert 30 <= len(tables["mentions"]) / n <= 50
    assert 4 <= len(tables["statements"]) / n <= 6
    assert 1.5 <= len(tables["event_sources"]) / n <= 2.5
    assert tables["events"]["article_ids"].map(len).max() >= 5
    assert tables["statements"]["statement_id"].is_unique
    assert tables["articles"]["duplicate_of"].notna().mean() == pytest.approx(0.05, abs=0.01)
    published = pd.to_datetime(tables["articles"]["published"])
    assert published.min().year >= 2022 and published.max().year <= 2026
    assert tables["statements"]["themes"].map(len).gt(0).mean() > 0.5


def test_snapshot_offsets_point_at_their_text(synthetic):
    tables = read_snapshot(synthetic)
    text = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"], strict=True))
    for name in ("mentions", "statements", "event_sources"):
        rows = tables[name]
        spans = zip(rows["article_id"], rows["start"], rows["end"], strict=True)
        found = [text[a][s:e] for a, s, e in spans]
        assert found == list(rows["text"]), name


def test_snapshot_statements_carry_the_noun_phrases_of_their_words(synthetic):
    """As a build stores them (the dossier's one-side wording reads them): each phrase is in
    the statement's words, two words or more unless it is a proper noun."""
    statements = read_snapshot(synthetic)["statements"]
    phrases = statements["phrases"].map(list)
    assert phrases.map(len).gt(0).mean() > 0.5
    for text, found in zip(statements["text"], phrases, strict=True):
        assert all(p in text for p in found), (text, found)
        assert all(" " in p or p[0].isupper() for p in found), found


def test_snapshot_events_list_the_articles_that_report_them(synthetic):
    tables = read_snapshot(synthetic)
    sources = tables["event_sources"].groupby("event_id")["article_id"].agg(set)
    listed = tables["events"].set_index("event_id")["article_ids"].map(set)
    assert sources.sort_index().equals(listed.sort_index())
    known = set(tables["actors"]["actor_id"])
    assert all(set(p) <= known for p in tables["events"]["participants"])


def test_snapshot_mode_is_deterministic(synthetic, tmp_path):
    write_synthetic_snapshot(400, tmp_path / "again", seed=3)
    first, again = read_snapshot(synthetic), read_snapshot(tmp_path / "again")
    for name, table in first.items():
        pd.testing.assert_frame_equal(table, again[name], obj=name)


def test_command_line(tmp_path, capsys):
    assert main(["synth", "--articles", "3", "--out", str(tmp_path / "c"), "--seed", "1"]) == 0
    assert len(list((tmp_path / "c").glob("*.txt"))) == 3
    out = tmp_path / "s"
    assert main(["synth", "--articles", "20", "--out", str(out), "--snapshot"]) == 0
    assert read_manifest(out)["counts"]["articles"] == 20
    assert "wrote" in capsys.readouterr().out
