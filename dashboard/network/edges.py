"""The actor network as tables: typed, dated edge rows, their weights, centrality, layout.

Edge types: ``met`` (meetings, talks, summits), ``visited``, ``called`` (from events),
``addressed`` (a statement's speaker to its addressee) and ``co-mentioned`` (two actors named
in one sentence: spaCy's, stored in the snapshot, see ``dashboard.sentences``). Pure
pandas/networkx.
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd

from dashboard.model import Snapshot

EDGE_TYPES = ("met", "visited", "called", "addressed", "co-mentioned")
CONTACT_TYPES = ("met", "visited", "called")  # what the network shows by default
EVENT_EDGE = {
    "visit": "visited",
    "call": "called",
    "meeting": "met",
    "talks": "met",
    "summit": "met",
}  # a formal statement (or any other type) is no contact: it draws no link
EDGE_COLUMNS = ["source", "target", "type", "date", "ref", "article_id"]


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _event_edges(events: pd.DataFrame) -> list[dict]:
    rows = []
    for ev in events.itertuples():
        kind = EVENT_EDGE.get(ev.type)
        if kind is None:
            continue
        for a, b in combinations(sorted(set(ev.participants)), 2):
            rows.append(
                {
                    "source": a,
                    "target": b,
                    "type": kind,
                    "date": ev.start,
                    "ref": ev.event_id,
                    "article_id": None,
                }
            )
    return rows


def _statement_edges(statements: pd.DataFrame) -> list[dict]:
    rows = []
    found = statements.dropna(subset=["speaker_id", "addressee_id"])
    for st in found.itertuples():
        if st.speaker_id != st.addressee_id:
            a, b = _pair(st.speaker_id, st.addressee_id)
            rows.append(
                {
                    "source": a,
                    "target": b,
                    "type": "addressed",
                    "date": st.date_dt,
                    "ref": st.statement_id,
                    "article_id": st.article_id,
                }
            )
    return rows


def sentence_of_mentions(snap: Snapshot) -> np.ndarray:
    """For each linked mention, the stored (spaCy) sentence it starts in, as an index unique
    across articles; -1 for an article without stored sentences (it has no co-mentions)."""
    m = snap.mentions
    return snap.sentences.index_of(m["article_id"], m["start"].to_numpy())


def _comention_edges(snap: Snapshot) -> pd.DataFrame:
    """Two actors named in one sentence; vectorised, as a large snapshot has millions of
    mentions: the pairs come from a self-join of (article, sentence, actor) rows."""
    m = snap.mentions
    if m.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    article = pd.Categorical(m["article_id"])
    actor = pd.Categorical(m["actor_id"])
    actor = actor.reorder_categories(sorted(actor.categories))  # code order is id order
    rows = pd.DataFrame(
        {"article": article.codes, "sent": sentence_of_mentions(snap), "actor": actor.codes}
    )
    rows = rows[rows["sent"].to_numpy() >= 0].drop_duplicates()
    pairs = rows.merge(rows, on=["article", "sent"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_a"] < pairs["actor_b"]]
    ids = pd.Categorical.from_codes(pairs["article"].to_numpy(), article.categories)
    published = snap.articles.set_index("article_id")["published_dt"]
    return pd.DataFrame(
        {
            "source": pd.Categorical.from_codes(pairs["actor_a"].to_numpy(), actor.categories),
            "target": pd.Categorical.from_codes(pairs["actor_b"].to_numpy(), actor.categories),
            "type": "co-mentioned",
            "date": published.reindex(ids.categories).to_numpy()[ids.codes],
            "ref": ids,  # the sentence's article: co-mentions are kept by article
            "article_id": ids,
        }
    )


def edge_rows(snap: Snapshot) -> pd.DataFrame:
    """Every edge occurrence with its date and what it comes from (event, statement, sentence)."""
    rows = _event_edges(snap.events) + _statement_edges(snap.statements)
    frames = [pd.DataFrame(rows, columns=EDGE_COLUMNS), _comention_edges(snap)]
    frames = [f for f in frames if not f.empty] or frames[:1]
    # Source and target share one set of actor ids: pages compare and mix the two columns.
    for columns in (("source", "target"), ("type",), ("ref",), ("article_id",)):
        _share_categories(frames, columns)
    frame = pd.concat(frames, ignore_index=True)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _share_categories(frames: list[pd.DataFrame], columns: tuple[str, ...]) -> None:
    """Make ``columns`` one categorical across ``frames``, so that concatenating them keeps
    it so (millions of co-mention rows would otherwise become strings)."""
    values = set()
    for frame in frames:
        for column in columns:
            kept = frame[column].dropna()
            values |= set(kept.cat.categories if kept.dtype == "category" else kept.unique())
    categories = sorted(map(str, values))
    for frame in frames:
        for column in columns:
            frame[column] = pd.Categorical(frame[column], categories=categories)


def select_edges(edges: pd.DataFrame, view: Snapshot, types, window=None) -> pd.DataFrame:
    """Edge rows backed by what the filtered ``view`` keeps, of ``types``, inside ``window``."""
    kept_refs = set(view.events["event_id"]) | set(view.statements["statement_id"])
    kept_articles = set(view.articles["article_id"])
    backed = edges["ref"].isin(kept_refs) | (
        edges["type"].eq("co-mentioned") & edges["article_id"].isin(kept_articles)
    )
    keep = backed & edges["type"].isin(types)
    if window:
        start, end = (pd.Timestamp(d) if d else None for d in window)
        if start is not None:
            keep &= edges["date"] >= start
        if end is not None:
            keep &= edges["date"] <= end
    return edges[keep]


def weights(edges: pd.DataFrame) -> pd.DataFrame:
    """One row per (pair, type) with how many times it occurs."""
    if edges.empty:
        return pd.DataFrame(columns=["source", "target", "type", "weight"])
    grouped = edges.groupby(["source", "target", "type"], observed=True).size()
    return grouped.rename("weight").reset_index()


def neighbourhood(weighted: pd.DataFrame, focus: str | None) -> pd.DataFrame:
    """Edges touching ``focus`` and edges among its neighbours (its ego network)."""
    if not focus:
        return weighted
    touching = weighted["source"].eq(focus) | weighted["target"].eq(focus)
    near = set(weighted.loc[touching, "source"]) | set(weighted.loc[touching, "target"])
    return weighted[weighted["source"].isin(near) & weighted["target"].isin(near)]


def to_graph(weighted: pd.DataFrame, nodes=()) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for row in weighted.itertuples():
        w = graph.get_edge_data(row.source, row.target, {}).get("weight", 0)
        graph.add_edge(row.source, row.target, weight=w + int(row.weight))
    return graph


def centrality(weighted: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Most central actors: contacts (degree), weighted degree and betweenness."""
    graph = to_graph(weighted)
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(
            columns=["actor_id", "Actor", "Country", "Contacts", "Links", "Betweenness"]
        )
    between = nx.betweenness_centrality(graph, normalized=True)
    info = actors.set_index("actor_id")
    rows = [
        {
            "actor_id": n,
            "Actor": info["name"].get(n, n),
            "Country": info["country"].get(n),
            "Contacts": graph.degree(n),
            "Links": graph.degree(n, weight="weight"),
            "Betweenness": round(between[n], 3),
        }
        for n in graph.nodes
    ]
    table = pd.DataFrame(rows)
    return table.sort_values(["Contacts", "Links", "Actor"], ascending=[False, False, True])


def spring_positions(nodes, edges) -> dict[str, tuple[float, float]]:
    """A seeded spring layout (numpy only) of each connected group, the groups packed in
    rows, biggest first (drawn together, a spring layout flings small groups to the
    corners): the same nodes and edges always give the same picture. ``network_layout``
    then spreads it until every label has room."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    for a, b, w in sorted(edges):
        graph.add_edge(a, b, weight=graph.get_edge_data(a, b, {}).get("weight", 0) + w)
    groups = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    row_width = max(graph.number_of_nodes(), 1) ** 0.5 * 1.15
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    for group in groups:
        side = len(group) ** 0.5
        if x > 0 and x + side > row_width:  # the next row, below
            x, y, row_height = 0.0, y - row_height - 0.5, 0.0
        for n, (px, py) in _spring(graph.subgraph(group), side).items():
            pos[n] = (x + px, y - side + py)
        x, row_height = x + side + 0.5, max(row_height, side)
    return pos


def _spring(graph: nx.Graph, side: float) -> dict[str, tuple[float, float]]:
    """One connected group's spring layout in a ``side`` × ``side`` square."""
    if graph.number_of_nodes() == 1:
        return {str(n): (side / 2, side / 2) for n in graph}
    k = 3.0 / graph.number_of_nodes() ** 0.5
    raw = nx.spring_layout(graph, seed=7, k=k, weight=None, iterations=300)
    xy = np.array([raw[n] for n in graph])
    low, span = xy.min(axis=0), max(float(np.ptp(xy, axis=0).max()), 1e-9)
    xy = (xy - low) / span * side + (side - np.ptp(xy, axis=0) / span * side) / 2
    return {str(n): (float(a), float(b)) for n, (a, b) in zip(graph, xy, strict=True)}


def members(actors: pd.DataFrame, actor_id: str) -> set[str]:
    """The actors a node stands for: a country, its people and institutions; a body that
    is its own group (NATO, the United Nations), its officials and organs; anyone else,
    only themselves."""
    rows = actors[actors["actor_id"] == actor_id]
    if rows.empty:
        return {actor_id}
    me = rows.iloc[0]
    if me["kind"] == "person" or (me["kind"] != "country" and me["name"] != me["country"]):
        return {actor_id}
    return set(actors.loc[actors["country"] == me["country"], "actor_id"]) | {actor_id}


def evidence_of(view: Snapshot, ids: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Statements by any of ``ids`` and events any of them took part in, in the view."""
    said = view.statements[view.statements["speaker_id"].isin(ids)].sort_values("date_dt")
    took_part = view.events[view.events["participants"].map(lambda ps: bool(ids & set(ps)))]
    return said, took_part.sort_values("start")
