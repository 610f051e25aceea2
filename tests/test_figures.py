"""Figures are pure functions: tables in, plotly Figures out, checked without Streamlit."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import compare
from dashboard.figures.base import articles_per_month, articles_per_outlet, empty_figure, top_actors
from dashboard.figures.network import network_figure, node_size
from dashboard.figures.network_layout import network_layout
from dashboard.figures.statements import statements_over_time, theme_matrix_figure
from dashboard.figures.timeline import lane_rows, marker_size, timeline_figure
from dashboard.model import prepare
from dashboard.network.edges import (
    EDGE_TYPES,
    centrality,
    edge_rows,
    neighbourhood,
    select_edges,
    spring_positions,
    weights,
)
from dashboard.palette import OKABE_ITO, country_colors
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def snap(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("fig") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


def _ids(fig: go.Figure) -> set[str]:
    """Every event/actor id carried as customdata by a clickable trace."""
    return {str(c) for t in fig.data if t.customdata is not None for c in t.customdata}


def _annotation_texts(fig: go.Figure) -> list[str]:
    return [a.text for a in fig.layout.annotations]


# --- overview -------------------------------------------------------------------------


def test_overview_figures_count_articles(snap):
    outlets = articles_per_outlet(snap.articles)
    assert sorted(outlets.data[0].x) == [1] * 6
    months = articles_per_month(snap.articles)
    assert sum(months.data[0].y) == 6
    assert "Apr 2025" in list(months.data[0].x)


def test_top_actors_shows_names_coloured_by_country(snap):
    fig = top_actors(snap.actors, snap.mentions)
    names = {n for t in fig.data for n in t.y}
    assert "Wang Yi" in names and "wang-yi" not in names
    china = next(t for t in fig.data if t.name == "China")
    assert china.marker.color == OKABE_ITO["vermillion"]


def test_empty_inputs_give_a_figure_that_says_so(snap):
    fig = articles_per_outlet(snap.articles.iloc[0:0])
    assert _annotation_texts(fig) == ["No articles match the filters"]
    assert _annotation_texts(timeline_figure(snap.events.iloc[0:0]))
    assert _annotation_texts(empty_figure("nothing")) == ["nothing"]


# --- timeline -------------------------------------------------------------------------


def test_timeline_has_every_dated_event_clickable(snap):
    fig = timeline_figure(snap.events)
    assert _ids(fig) == set(snap.events["event_id"])


def test_planned_events_are_open_markers_and_held_filled(snap):
    fig = timeline_figure(snap.events)
    symbols = {}
    for trace in fig.data:
        if trace.customdata is not None and trace.mode and "markers" in trace.mode:
            for eid in trace.customdata:
                symbols[eid] = trace.marker.symbol
    assert symbols["e-meet"] == "circle-open"  # planned
    assert symbols["e-visit"] == "circle"  # held, exact day
    assert symbols["e-call"] == "diamond"  # month precision


def test_month_precision_is_labelled_and_spans_the_month(snap):
    fig = timeline_figure(snap.events)
    labels = [x for t in fig.data if t.text is not None for x in t.text]
    assert "Vladimir Putin – Xi Jinping · call<br>February 2025" in labels
    rows = lane_rows(snap.events, "type").set_index("event_id")
    assert rows.loc["e-call", "start"] == pd.Timestamp("2025-02-01")
    assert rows.loc["e-call", "end"] == pd.Timestamp("2025-02-28")


def test_multi_day_events_are_drawn_as_spans(snap):
    fig = timeline_figure(snap.events)
    spans = [t for t in fig.data if t.mode == "lines" and t.x and len(t.x) >= 3]
    xs = [x for t in spans for x in t.x if x is not None]
    assert any(pd.Timestamp(x).date().isoformat() == "2025-04-02" for x in xs)


def test_legend_explains_the_encodings(snap):
    names = [t.name for t in timeline_figure(snap.events).data if t.showlegend is not False]
    for entry in ("China", "Russia", "Held, exact day", "Planned"):
        assert entry in names
    assert any(n.startswith("Month only") for n in names)
    assert any(n.startswith("Multi-day") for n in names)


def test_marker_size_grows_with_reporting_articles():
    assert marker_size(1) < marker_size(2) < marker_size(5) <= 32


def test_lanes_by_country_put_an_event_in_its_first_participants_lane(snap):
    rows = lane_rows(snap.events, "country")
    assert list(rows.loc[rows["event_id"] == "e-malta", "lane"]) == ["China"]
    fig = timeline_figure(snap.events, "country")
    assert set(fig.layout.yaxis.ticktext) == {"China", "Russia"}


def test_overlapping_events_in_a_lane_are_stacked_not_hidden(snap):
    rows = lane_rows(snap.events, "country")
    china = rows[(rows["lane"] == "China") & (rows["start"] >= "2025-03-30")]
    assert china["y"].nunique() == len(china)


def test_hover_names_participants_place_and_precision(snap):
    fig = timeline_figure(snap.events)
    hovers = " ".join(h for t in fig.data if t.hovertext is not None for h in t.hovertext)
    assert "Wang Yi (China)" in hovers and "Place: Moscow" in hovers
    assert "month known, not the day" in hovers


def test_selected_event_is_ringed(snap):
    plain = timeline_figure(snap.events)
    ringed = timeline_figure(snap.events, selected="e-visit")
    assert len(ringed.data) == len(plain.data) + 1


def test_statements_over_time_stacks_countries(snap):
    fig = statements_over_time(snap.statements)
    assert {t.name for t in fig.data} == {"China", "Russia", "United States"}
    assert sum(sum(t.y) for t in fig.data) == len(snap.statements)


# --- network --------------------------------------------------------------------------


def test_edges_are_typed(snap):
    edges = edge_rows(snap)
    assert set(edges["type"]) == {"met", "visited", "called", "addressed", "co-mentioned"}
    visit = edges[edges["ref"] == "e-visit"].iloc[0]
    assert (visit["source"], visit["target"], visit["type"]) == (
        "sergei-lavrov",
        "wang-yi",
        "visited",
    )


def test_select_edges_by_type_and_window(snap):
    edges = edge_rows(snap)
    met = select_edges(edges, snap, ["met"])
    assert set(met["type"]) == {"met"}
    window = select_edges(edges, snap, EDGE_TYPES, (pd.Timestamp("2025-01-01").date(), None))
    assert window["date"].min() >= pd.Timestamp("2025-01-01")


def test_layout_is_stable():
    nodes = ("a", "b", "c", "d")
    edges = (("a", "b", 2.0), ("b", "c", 1.0), ("c", "d", 1.0))
    assert spring_positions(nodes, edges) == spring_positions(nodes, edges)


def test_network_figure_nodes_are_clickable_and_coloured(snap):
    weighted = weights(select_edges(edge_rows(snap), snap, EDGE_TYPES))
    nodes = sorted(set(weighted["source"]) | set(weighted["target"]))
    links = [(r.source, r.target, r.weight) for r in weighted.itertuples()]
    mentions = snap.mentions.groupby("actor_id").size()
    sizes = {n: node_size(int(mentions.get(n, 0)), int(mentions.max())) for n in nodes}
    layout = network_layout(nodes, links, sizes, snap.names)
    fig = network_figure(weighted, snap.actors, mentions, layout)
    assert _ids(fig) >= {"wang-yi", "sergei-lavrov"}
    colors = country_colors(snap.actors["country"])
    russia = next(t for t in fig.data if t.name == "Russia" and t.customdata is not None)
    assert russia.marker.color == colors["Russia"]
    wang = next(t for t in fig.data if t.customdata is not None and "wang-yi" in t.customdata)
    sizes = dict(zip(wang.customdata, wang.marker.size, strict=True))
    assert sizes["wang-yi"] == max(sizes.values())


def test_focus_keeps_the_neighbourhood(snap):
    weighted = weights(select_edges(edge_rows(snap), snap, ["met", "visited", "called"]))
    ego = neighbourhood(weighted, "xi-jinping")
    assert set(ego["source"]) | set(ego["target"]) == {"xi-jinping", "vladimir-putin"}


def test_centrality_ranks_the_hub_first(snap):
    weighted = weights(select_edges(edge_rows(snap), snap, EDGE_TYPES))
    table = centrality(weighted, snap.actors)
    assert table.iloc[0]["Actor"] == "Wang Yi"


# --- statements -----------------------------------------------------------------------


def test_theme_matrix_cells_open_statements(snap):
    matrix = compare.theme_matrix(snap.statements)
    fig = theme_matrix_figure(matrix)
    assert "wang-yi|peace_talks" in set(fig.data[0].customdata)
    assert "Peace talks" in set(fig.data[0].x)
    assert "NATO" in set(fig.data[0].x)
