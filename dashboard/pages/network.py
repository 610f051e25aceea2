"""What the Actor network page draws, per snapshot, filter state and choice (see ``pages.chart``).

A newsroom's years of coverage link hundreds of actors by thousands of links: drawn whole,
that is a hairball. The unfocused network shows the most connected actors and the strongest
links among them; focusing on an actor shows it with the actors it is most linked to. On a
small snapshot everything is drawn, and focusing keeps the actors where they were.
The page and the briefing pack both draw ``network_view``: one layout for both.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.network import network_figure, node_size, short_label
from dashboard.figures.network_layout import NetworkLayout, network_layout, part_of
from dashboard.filtering import date_bounds
from dashboard.model import Snapshot
from dashboard.network.edges import (
    CONTACT_TYPES,
    EDGE_TYPES,
    centrality,
    neighbourhood,
    select_edges,
    weights,
)
from dashboard.network.links import SEP, pair_choices
from dashboard.pages.chart import Chart, articles_of, sources_of
from dashboard.url_state import Params, first, widget_value

MAX_NODES = 40  # actors in the unfocused network: more, and no label can be read
MAX_LINKS = 160  # links drawn at most


@dataclass(frozen=True)
class NetworkOptions:
    """The page's choices; the defaults are what a new user sees: contacts between people."""

    types: tuple[str, ...] = CONTACT_TYPES
    window: tuple | None = None  # None: all time (undated links too)
    orgs: bool = False  # include countries and institutions
    focus: str | None = None
    node: str | None = None

    @property
    def people(self) -> bool:
        return not self.orgs


def whole_span(window, bounds) -> tuple | None:
    """The time window, or None while it spans the whole snapshot (undated links stay)."""
    if not window or len(window) < 2:
        return None
    if bounds and window[0] <= bounds[0] and window[1] >= bounds[1]:
        return None
    return tuple(window)


def network_options(params: Params, bounds=None) -> NetworkOptions:
    """The options a saved URL stands for, as the page's widgets read it (a bound widget
    leaves the URL while at its default; ``?links=`` is no link type at all)."""
    links = params.get("links")
    types = CONTACT_TYPES if links is None else tuple(t for t in EDGE_TYPES if t in links)
    window = whole_span(widget_value("window", params.get("window", [])), bounds)
    return NetworkOptions(
        types,
        window,
        bool(widget_value("orgs", params.get("orgs", []))),
        first(params, "focus"),
        first(params, "node"),
    )


def strongest_links(weighted: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The ``limit`` (default ``MAX_LINKS``) heaviest links, or all of them; every actor
    keeps at least its heaviest link, so no one drawn is left floating."""
    limit = limit or MAX_LINKS
    if len(weighted) <= limit:
        return weighted
    order = weighted.sort_values(["weight", "source", "target"], ascending=[False, True, True])
    own = order.drop_duplicates("source").index.union(order.drop_duplicates("target").index)
    rest = order.index.difference(own, sort=False)[: max(limit - len(own), 0)]
    return order[order.index.isin(own.union(rest))]


def main_actors(weighted: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The links among the ``limit`` (default ``MAX_NODES``) actors with most links."""
    limit = limit or MAX_NODES
    degree = pd.concat(
        [weighted.groupby(side, observed=True)["weight"].sum() for side in ("source", "target")]
    )
    degree = degree.groupby(level=0, observed=True).sum()
    if len(degree) <= limit:
        return weighted
    top = set(degree.sort_values(ascending=False, kind="stable").head(limit).index)
    return weighted[weighted["source"].isin(top) & weighted["target"].isin(top)]


def nearest(around: pd.DataFrame, focus: str, limit: int | None = None) -> pd.DataFrame:
    """The focus's ego network narrowed to its ``limit`` (default ``MAX_NODES``) closest
    actors: those it has the heaviest links with."""
    limit = limit or MAX_NODES
    touching = around[around["source"].eq(focus) | around["target"].eq(focus)]
    other = touching["target"].where(touching["source"].eq(focus), touching["source"])
    weight = touching["weight"].groupby(other.astype(str).to_numpy()).sum()
    if len(weight) < limit:
        return around
    keep = set(weight.sort_values(ascending=False, kind="stable").head(limit - 1).index) | {focus}
    return around[around["source"].isin(keep) & around["target"].isin(keep)]


def _nodes(weighted: pd.DataFrame) -> set[str]:
    return set(weighted["source"]) | set(weighted["target"])


def _links(weighted: pd.DataFrame) -> tuple[tuple[str, str, float], ...]:
    return tuple((r.source, r.target, float(r.weight)) for r in weighted.itertuples())


@dataclass(frozen=True)
class NetworkGraph:
    edges: pd.DataFrame  # the edge occurrences kept by the filters and the page's options
    weighted: pd.DataFrame  # one row per (pair, type)
    labels: dict[str, str]  # actors in the graph, by name
    base: pd.DataFrame  # the links of the unfocused picture
    layout: NetworkLayout  # of the unfocused picture
    mentions: pd.Series  # actor_id -> mentions in the view
    sizes: dict[str, float]  # marker diameters: the same in every picture of this graph
    pairs: frozenset[str]  # the linked pairs' keys (``network_edges.pair_key``)


def network_graph(
    full: Snapshot, snap: Snapshot, types: tuple[str, ...], window: tuple | None, people: bool
) -> NetworkGraph:
    edges = select_edges(full.edges, snap, types, window)  # built once per snapshot
    if people:
        persons = set(full.actors.loc[full.actors["kind"] == "person", "actor_id"])
        edges = edges[edges["source"].isin(persons) & edges["target"].isin(persons)]
    weighted = weights(edges)
    names = full.names
    labels = {a: names.get(a, a) for a in sorted(_nodes(weighted), key=lambda a: names.get(a, a))}
    mentions = snap.mentions["actor_id"].value_counts()
    most = int(mentions.reindex(list(labels)).fillna(0).max()) if labels else 1
    sizes = {a: node_size(int(mentions.get(a, 0)), most) for a in labels}
    base = strongest_links(main_actors(weighted))
    layout = _layout(base, sizes, labels)
    # Edge rows hold each pair sorted (``network.edge_rows``), so this is ``pair_key``.
    keys = weighted["source"].astype(str) + SEP + weighted["target"].astype(str)
    return NetworkGraph(edges, weighted, labels, base, layout, mentions, sizes, frozenset(keys))


def _layout(shown: pd.DataFrame, sizes, labels) -> NetworkLayout:
    nodes = sorted(_nodes(shown))
    short = {n: short_label(labels.get(n, n)) for n in nodes}
    return network_layout(nodes, _links(shown), {n: sizes[n] for n in nodes}, short)


def behind_articles(full: Snapshot, behind: pd.DataFrame) -> list[str]:
    """The articles behind the links drawn, for the chart's sources: a statement or
    co-mention link names its article; a contact names its event, which one or more
    articles report."""
    direct = behind["article_id"].dropna().tolist()
    reported = full.events.set_index("event_id")["article_ids"]
    refs = behind.loc[behind["article_id"].isna(), "ref"].dropna().unique()
    from_events = [a for ref in refs if ref in reported.index for a in reported[ref]]
    return list(dict.fromkeys(direct + from_events))


@dataclass(frozen=True)
class NetworkView:
    chart: Chart
    central: pd.DataFrame  # the most central actors of the whole view (not only those drawn)
    behind: pd.DataFrame  # the edge occurrences drawn (their articles are the sources)
    drawn: tuple[int, int]  # actors and links drawn
    total: tuple[int, int]  # actors and links in the view
    pairs: dict[str, str]  # the linked pairs among the actors drawn: key -> label (to open)


def network_view(
    full: Snapshot,
    snap: Snapshot,
    types: tuple[str, ...],
    window: tuple | None,
    people: bool,
    focus: str | None,
    selected: str | None,
    link: str | None = None,
) -> NetworkView:
    """The network (around ``focus`` when one is given), ``selected`` ringed, ``link``
    (a pair key) highlighted."""
    graph = snap.derived(
        ("network_graph", types, window, people),
        lambda: network_graph(full, snap, types, window, people),
    )
    focus = focus if focus in graph.labels else None
    around = neighbourhood(graph.weighted, focus)
    shown = strongest_links(nearest(around, focus)) if focus else graph.base
    visible = _nodes(shown)
    if visible <= set(graph.layout.positions):  # focusing keeps the actors where they were...
        short = {n: short_label(graph.labels.get(n, n)) for n in visible}
        layout = part_of(graph.layout, visible, short)
    else:  # ...unless it brings in others: then a new layout
        layout = _layout(shown, graph.sizes, graph.labels)
    figure = network_figure(
        shown, full.actors, graph.mentions, layout, focus, full.colors, selected, link
    )
    edges = graph.edges
    behind = edges[edges["source"].isin(visible) & edges["target"].isin(visible)]
    return NetworkView(
        Chart(figure, sources_of(full, behind_articles(full, behind))),
        centrality(around, full.actors),
        behind,
        (len(visible), len(shown)),
        (len(_nodes(around)), len(around)),
        pair_choices(behind, full.names),
    )


def network_lead(full: Snapshot, snap: Snapshot, params: Params) -> tuple[go.Figure, pd.DataFrame]:
    """The page's chart for a saved URL state (its widgets' defaults, read as the page reads
    them), and the articles behind the links drawn."""
    o = network_options(params, date_bounds(full))
    view = network_view(full, snap, o.types, o.window, o.people, o.focus, o.node)
    return view.chart.figure, articles_of(full, behind_articles(full, view.behind))
