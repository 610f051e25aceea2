"""Co-mentions follow the snapshot's stored sentences, never a split of the text in the app."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
import pytest

from dashboard.model import APP_CATEGORIES, APP_COLUMNS, APP_WHERE, prepare
from dashboard.network.edges import edge_rows, sentence_of_mentions
from dashboard.sentences import Sentences
from readout.snapshot.schema import TABLE_NAMES, to_arrow
from readout.snapshot.store import read_manifest, read_snapshot
from readout.synth.snapshot import write_synthetic_snapshot

# Two articles. In A a period inside "U.S. President" is no sentence end and the headline,
# having no full stop, is a sentence of its own; B has no stored sentences.
TEXT_A = "Headline names Alpha\n\nBeta met the U.S. President Gamma. Delta stayed home."
TEXT_B = "Alpha met Beta. Gamma too."
SENTENCES_A = [(0, 22), (22, 56), (57, 75)]


def _at(text: str, name: str, actor: str, aid: str) -> dict:
    start = text.index(name)
    return {"article_id": aid, "start": start, "end": start + len(name), "text": name,
            "label": "PERSON", "actor_id": actor}  # fmt: skip


def hand_tables(sentences: list[tuple[int, int]] = SENTENCES_A) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
    for aid, text in (("A", TEXT_A), ("B", TEXT_B)):
        rows["articles"].append({"article_id": aid, "file": f"{aid}.txt", "text": text,
                                 "published": "2025-03-01"})  # fmt: skip
    rows["actors"] = [{"actor_id": a, "name": a.title(), "kind": "person"} for a in
                      ("alpha", "beta", "gamma", "delta")]  # fmt: skip
    rows["mentions"] = [_at(TEXT_A, n, n.lower(), "A") for n in ("Alpha", "Beta", "Gamma", "Delta")]
    rows["mentions"] += [_at(TEXT_B, n, n.lower(), "B") for n in ("Alpha", "Beta", "Gamma")]
    rows["sentences"] = [{"article_id": "A", "start": s, "end": e} for s, e in sentences]
    return {name: to_arrow(name, table).to_pandas() for name, table in rows.items()}


def comentions(tables) -> set[tuple[str, str, str]]:
    edges = edge_rows(prepare(tables, {}))
    found = edges[edges["type"] == "co-mentioned"]
    columns = [found[c].astype(str) for c in ("article_id", "source", "target")]
    return set(zip(*columns, strict=True))


def test_pairs_come_from_the_stored_sentences():
    assert comentions(hand_tables()) == {("A", "beta", "gamma")}


def test_other_stored_boundaries_give_other_pairs():
    one_sentence = [(0, len(TEXT_A))]
    pairs = {(a, b) for a, b in combinations(["alpha", "beta", "delta", "gamma"], 2)}
    assert comentions(hand_tables(one_sentence)) == {("A", a, b) for a, b in pairs}
    headline_with_lead = [(0, 56), (57, 75)]
    assert comentions(hand_tables(headline_with_lead)) == {
        ("A", "alpha", "beta"), ("A", "alpha", "gamma"), ("A", "beta", "gamma")
    }  # fmt: skip


def test_without_stored_sentences_there_are_no_comentions():
    tables = hand_tables()
    tables["sentences"] = tables["sentences"].iloc[:0]
    assert comentions(tables) == set()
    del tables["sentences"]  # tables made by hand before the table existed
    assert comentions(tables) == set()


def test_each_mention_gets_the_sentence_it_starts_in():
    snap = prepare(hand_tables(), {})
    got = dict(zip(snap.mentions["text"].astype(str) + snap.mentions["article_id"].astype(str),
                   sentence_of_mentions(snap), strict=True))  # fmt: skip
    assert got == {"AlphaA": 0, "BetaA": 1, "GammaA": 1, "DeltaA": 2,
                   "AlphaB": -1, "BetaB": -1, "GammaB": -1}  # fmt: skip


def test_sentence_lookup_with_unordered_rows_and_gaps():
    table = pd.DataFrame({"article_id": ["y", "x", "y", "x"], "start": [50, 10, 0, 0]})
    sentences = Sentences.of(table)
    ids = pd.Series(["x", "x", "y", "y", "z", "x"])
    found = sentences.index_of(ids, np.array([0, 10, 49, 50, 0, 99]))
    x0, x1, y0, y1 = found[0], found[1], found[2], found[3]
    assert len({x0, x1, y0, y1}) == 4 and found[4] == -1 and found[5] == x1
    late = Sentences.of(pd.DataFrame({"article_id": ["x"], "start": [5]}))
    assert list(late.index_of(pd.Series(["x", "x"]), np.array([4, 5]))) == [-1, 0]
    assert list(Sentences.of(None).index_of(pd.Series(["x"]), np.array([3]))) == [-1]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth") / "snap"
    write_synthetic_snapshot(300, folder, seed=5)
    options = {"columns": APP_COLUMNS, "where": APP_WHERE, "categories": APP_CATEGORIES}
    return prepare(read_snapshot(folder, **options), read_manifest(folder)), read_snapshot(folder)


def test_vectorised_comentions_equal_the_plain_computation_on_synth(synthetic):
    snap, tables = synthetic
    plain = set()
    mentions = tables["mentions"].dropna(subset=["actor_id"])
    for (aid, _, _), group in (
        mentions.merge(tables["sentences"], on="article_id")
        .query("start_y <= start_x < end_y")
        .groupby(["article_id", "start_y", "end_y"])
    ):
        for a, b in combinations(sorted(set(group["actor_id"])), 2):
            plain.add((aid, a, b))
    edges = edge_rows(snap)
    found = edges[edges["type"] == "co-mentioned"]
    columns = [found[c].astype(str) for c in ("article_id", "source", "target")]
    got = set(zip(*columns, strict=True))
    assert plain and got == plain
