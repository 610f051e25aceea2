"""The lead chart of each page for a saved URL state, and the articles behind it. Pure.

Used by the briefing pack to rebuild a view without Streamlit: the same filters
(``url_state.filters_from_params``) and the same figure functions as the pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components import compare
from components.figures import articles_per_outlet, top_actors
from components.figures_statements import theme_matrix_figure
from components.figures_timeline import timeline_figure
from components.filtering import Filters, apply_filters, date_bounds
from components.model import Snapshot
from components.network import (
    EDGE_TYPES,
)
from components.network_views import network_view
from components.url_state import Params, filters_from_params, first, widget_value


@dataclass(frozen=True)
class ViewChart:
    figure: go.Figure
    articles: pd.DataFrame  # the articles behind the chart
    filters: Filters
    name: str  # for file names: "timeline", "network", ...


def _articles(full: Snapshot, ids) -> pd.DataFrame:
    return full.articles[full.articles["article_id"].isin(set(ids))]


def _overview(full: Snapshot, snap: Snapshot, params: Params) -> tuple[go.Figure, pd.DataFrame]:
    people = full.actors[full.actors["kind"] == "person"]
    fig = top_actors(people, snap.mentions, colors=full.colors, title="Most-mentioned people")
    return fig, snap.articles


def _timeline(full: Snapshot, snap: Snapshot, params: Params) -> tuple[go.Figure, pd.DataFrame]:
    lanes = (first(params, "lanes", "Type") or "Type").lower()
    event = first(params, "event")
    events = snap.events
    fig = timeline_figure(events, lanes, full.colors, event)
    chosen = events[events["event_id"] == event] if event else events
    ids = {a for ids in chosen["article_ids"] for a in ids}
    return fig, _articles(full, ids)


def _network(full: Snapshot, snap: Snapshot, params: Params) -> tuple[go.Figure, pd.DataFrame]:
    types = tuple(params.get("links") or EDGE_TYPES)
    window = widget_value("window", params.get("window", [])) or None
    people = bool(widget_value("people", params.get("people", [])))
    view = network_view(
        full, snap, types, window, people, first(params, "focus"), first(params, "node")
    )
    return view.chart.figure, _articles(full, view.behind["article_id"].dropna())


def _statements(full: Snapshot, snap: Snapshot, params: Params) -> tuple[go.Figure, pd.DataFrame]:
    statements = snap.statements[snap.statements["copy_of"].isna()]
    fig = theme_matrix_figure(compare.theme_matrix(statements))
    return fig, _articles(full, statements["article_id"])


def _articles_page(
    full: Snapshot, snap: Snapshot, params: Params
) -> tuple[go.Figure, pd.DataFrame]:
    article = first(params, "article")
    cited = _articles(full, [article]) if article else snap.articles
    return articles_per_outlet(snap.articles), cited


BUILDERS = {
    "": ("overview", _overview),
    "timeline": ("timeline", _timeline),
    "network": ("network", _network),
    "statements": ("statements", _statements),
    "articles": ("articles", _articles_page),
}


def view_chart(full: Snapshot, page: str, params: Params) -> ViewChart:
    """The page's lead chart for ``params`` (a URL's query parameters) and its sources."""
    filters = filters_from_params(params, date_bounds(full))
    snap = apply_filters(full, filters)
    name, build = BUILDERS.get(page, BUILDERS[""])
    fig, cited = build(full, snap, params)
    fig.update_xaxes(rangeselector_visible=False)  # buttons mean nothing on paper
    return ViewChart(fig, cited, filters, name)
