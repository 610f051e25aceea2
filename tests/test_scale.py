"""What keeps the app interactive on a large snapshot: correct, whatever the size.

Each optimisation is checked against the plain computation it replaces, on the hand-built
fixture and on a synthetic snapshot; none of these tests times anything.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dashboard.cards import CARD_STYLE
from dashboard.filtering import Filters, apply_filters
from dashboard.model import APP_CATEGORIES, APP_COLUMNS, APP_WHERE, linked_mentions, prepare
from dashboard.network.edges import edge_rows
from dashboard.pages import articles as article_views
from dashboard.pages import statements as statement_views
from dashboard.pages import timeline as page_views
from readout.snapshot import store
from readout.snapshot.store import read_manifest, read_snapshot
from readout.synth.snapshot import write_synthetic_snapshot
from tests.fixtures_snapshot import write_fixture

CARD = f'<div style="{CARD_STYLE}">'


def load(folder, *, as_app: bool = True):
    options = {"columns": APP_COLUMNS, "where": APP_WHERE, "categories": APP_CATEGORIES}
    tables = read_snapshot(folder, **(options if as_app else {}))
    return prepare(tables, read_manifest(folder)), tables


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    return load(write_fixture(tmp_path_factory.mktemp("scale") / "snapshot"), as_app=False)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale") / "synthetic"
    write_synthetic_snapshot(300, folder, seed=5)
    return load(folder)


def test_article_texts_live_outside_the_articles_table(fixture):
    snap, tables = fixture
    assert "text" not in snap.articles.columns
    for row in tables["articles"].itertuples():
        assert snap.text_of(row.article_id) == row.text
    assert snap.text_of("no-such-article") == ""
    wanted = {r.article_id for r in tables["articles"].itertuples() if "sanctions" in r.text}
    assert wanted and snap.texts.matching("SANCTIONS") == wanted


def test_search_finds_words_in_article_texts(fixture):
    snap, tables = fixture
    found = apply_filters(snap, Filters(text="sanctions")).articles
    texts = tables["articles"].set_index("article_id")["text"]
    assert set(found["article_id"]) == {a for a, t in texts.items() if "sanctions" in t.lower()}


def test_app_reads_only_linked_mentions_as_categories(synthetic):
    snap, tables = synthetic
    mentions = tables["mentions"]
    assert mentions["actor_id"].notna().all()
    assert mentions["article_id"].dtype == "category" and "label" not in mentions


def test_mentions_of_an_article_even_when_stored_interleaved(fixture):
    snap, tables = fixture
    linked = tables["mentions"].dropna(subset=["actor_id"])
    shuffled = linked.sample(frac=1.0, random_state=3)
    mentions = linked_mentions(shuffled)
    rebuilt = snap.with_tables(mentions=mentions)
    for aid, rows in linked.groupby("article_id"):
        got = rebuilt.mentions_of(aid)
        assert list(got["start"]) == sorted(rows["start"]), aid
        assert set(got["article_id"].astype(str)) == {aid}
    assert rebuilt.mentions_of("no-such-article").empty


def naive_comentions(snap, tables) -> set[tuple[str, str, str]]:
    """Pairs of actors named in one stored sentence, article by article (the plain
    computation). A mention belongs to the sentence it starts in."""
    pairs = set()
    mentions = tables["mentions"].dropna(subset=["actor_id"])
    sentences = tables["sentences"]
    for aid, group in mentions.groupby("article_id"):
        starts = sorted(sentences.loc[sentences["article_id"] == aid, "start"])
        # a sentence runs to the next one's start (the app reads only the starts)
        for start, end in zip(starts, [*starts[1:], float("inf")], strict=True):
            inside = group[(group["start"] >= start) & (group["start"] < end)]
            for a, b in combinations(sorted(set(inside["actor_id"].astype(str))), 2):
                pairs.add((aid, a, b))
    return pairs


@pytest.mark.parametrize("which", ["fixture", "synthetic"])
def test_vectorised_comentions_equal_the_plain_computation(which, request):
    snap, tables = request.getfixturevalue(which)
    edges = edge_rows(snap)
    found = edges[edges["type"] == "co-mentioned"]
    got = set(
        zip(
            found["article_id"].astype(str),
            found["source"].astype(str),
            found["target"].astype(str),
            strict=True,
        )
    )
    assert got == naive_comentions(snap, tables)
    assert got, "the snapshot has co-mentions"
    assert edges["source"].dtype == "category" and len(edges) > len(found)


def test_timeline_draws_the_most_reported_events(synthetic, monkeypatch):
    snap, _ = synthetic
    monkeypatch.setattr(page_views, "MAX_DRAWN_EVENTS", 25)
    drawn = page_views.drawn_events(snap.events, 25)
    assert len(drawn) == 25 < len(snap.events)
    assert drawn["n_sources"].min() >= snap.events.drop(drawn.index)["n_sources"].max()
    view = page_views.timeline_view(snap, snap, "type", None)
    assert (view.drawn, view.matching) == (25, len(snap.events))
    labels = page_views.timeline_labels(snap, snap)
    assert list(labels) == list(drawn.sort_values("start")["event_id"])


def test_article_list_is_the_newest_and_counts_the_rest(synthetic, monkeypatch):
    snap, _ = synthetic
    monkeypatch.setattr(article_views, "MAX_LISTED_ARTICLES", 40)
    listing = article_views.article_list(snap, snap)
    assert len(listing.table) == len(listing.ids) == len(listing.labels) == 40
    assert listing.matching == len(snap.articles)
    newest = snap.articles["published_dt"].nlargest(40).min()
    assert snap.articles.set_index("article_id").loc[listing.ids, "published_dt"].min() == newest


def test_comparison_shows_the_latest_statements_of_each_cell(synthetic):
    snap, _ = synthetic
    choices = statement_views.statement_choices(snap, snap)
    chosen = tuple(choices.speakers[:2])
    view = statement_views.comparison(snap, snap, "speakers", chosen, None)
    assert len(view.heads) == 2 and view.rows
    originals = statement_views.originals(snap)
    for speaker, head in zip(chosen, view.heads, strict=True):
        assert f"{(originals['speaker_id'] == speaker).sum():,} statement" in head
    cards = [html.count(CARD) for _, cells in view.rows for html in cells]
    assert max(cards) <= statement_views.PER_CELL
    assert any("earlier statement" in html for _, cells in view.rows for html in cells)


def test_cell_statements_lists_the_latest(synthetic):
    snap, _ = synthetic
    matrix = statement_views.matrix_view(snap, snap)
    picked = max(matrix.cells, key=lambda c: int(matrix.cells[c].rsplit("(", 1)[1][:-1]))
    html, n = statement_views.cell_statements(snap, snap, picked)
    assert n == int(matrix.cells[picked].rsplit("(", 1)[1][:-1])
    assert html.count(CARD) == min(n, statement_views.LISTED)


def test_snapshot_tables_are_written_in_row_groups(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "ROW_GROUP_ROWS", 1000)
    write_synthetic_snapshot(100, tmp_path / "s", seed=1)
    meta = pq.ParquetFile(tmp_path / "s" / "mentions.parquet").metadata
    assert meta.num_row_groups > 1
    assert max(meta.row_group(i).num_rows for i in range(meta.num_row_groups)) <= 1000
    frame = store.read_table(tmp_path / "s", "mentions", categories=["actor_id"])
    assert frame["actor_id"].dtype == "category" and len(frame) == meta.num_rows


def test_network_draws_the_main_actors_and_keeps_them_in_place_on_focus(synthetic, monkeypatch):
    from dashboard.network.edges import EDGE_TYPES
    from dashboard.pages import network as network_views

    snap, _ = synthetic
    monkeypatch.setattr(network_views, "MAX_NODES", 12)
    monkeypatch.setattr(network_views, "MAX_LINKS", 30)
    view = network_views.network_view(snap, snap, EDGE_TYPES, None, False, None, None)
    (actors, links), (all_actors, all_links) = view.drawn, view.total
    assert actors <= 12 < all_actors and links <= 30 < all_links
    graph = snap.derived(("network_graph", EDGE_TYPES, None, False), lambda: None)
    degree = (
        pd.concat(
            [graph.weighted.groupby(s, observed=True)["weight"].sum() for s in ("source", "target")]
        )
        .groupby(level=0, observed=True)
        .sum()
    )
    drawn = set(graph.base["source"]) | set(graph.base["target"])
    assert min(degree[list(drawn)]) >= degree.drop(list(drawn)).median()
    assert len(view.central) == all_actors, "the ranking counts every actor"

    def drawn_x(view) -> dict[str, float]:
        nodes = [t for t in view.chart.figure.data if t.customdata is not None and t.x is not None]
        return {
            n: x
            for t in nodes
            if "markers" in (t.mode or "")
            for n, x in zip(t.customdata, t.x, strict=False)
        }

    focus = next(a for a in graph.labels if a not in drawn)
    focused = network_views.network_view(snap, snap, EDGE_TYPES, None, False, focus, None)
    assert focus in drawn_x(focused) and focused.drawn[0] <= 12
    assert focused.drawn[0] == min(12, focused.total[0])

    monkeypatch.setattr(network_views, "MAX_NODES", 10_000)  # a small graph: drawn whole
    monkeypatch.setattr(network_views, "MAX_LINKS", 100_000)
    snap = snap.with_tables()  # a fresh object: nothing derived yet
    whole = network_views.network_view(snap, snap, EDGE_TYPES, None, False, None, None)
    focused = network_views.network_view(snap, snap, EDGE_TYPES, None, False, focus, None)
    before, after = drawn_x(whole), drawn_x(focused)
    assert set(after) < set(before)
    for node in after:
        assert after[node] == pytest.approx(before[node]), "focusing keeps actors in place"


def test_a_frozen_figure_draws_the_same_and_copies_change_alone(synthetic):
    import json

    import plotly.graph_objects as go
    import plotly.io as pio

    from dashboard.chart_export import figure_table, with_caption
    from dashboard.figures.base import FrozenFigure, frozen
    from dashboard.figures.presentation import for_briefing

    snap, _ = synthetic
    figure = page_views.timeline_view(snap, snap, "type", None).events.figure
    assert isinstance(figure, FrozenFigure), "charts of the views are frozen"
    plain = go.Figure(figure)
    assert json.loads(pio.to_json(figure)) == json.loads(pio.to_json(plain))
    before = pio.to_json(figure)
    for copy in (for_briefing(figure), with_caption(figure, "Sources: x")):
        assert pio.to_json(copy) != before
    assert pio.to_json(figure) == before, "the frozen one unchanged"
    assert figure_table(figure).equals(figure_table(plain))
    assert frozen(figure) is figure


def test_outlet_ticks_do_not_grow_with_the_counts():
    from dashboard.figures.base import articles_per_outlet

    many = pd.DataFrame({"outlet": ["A"] * 5000 + ["B"] * 20})
    assert articles_per_outlet(many).layout.xaxis.dtick is None  # not a tick per article
    few = pd.DataFrame({"outlet": ["A", "A", "B"]})
    assert articles_per_outlet(few).layout.xaxis.dtick == 1
