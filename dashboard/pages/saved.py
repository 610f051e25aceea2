"""What each page draws for a saved URL state, and the articles behind it. Pure.

Used by the briefing pack to rebuild a view without Streamlit: the same filters
(``url_state.filters_from_params``) and the pages' own view models (``page_views``,
``statement_views``), with the same defaults the pages' widgets have, so the pack draws what
the page opened at that URL draws: the Timeline's most-reported events, the Statements'
compared quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.dossier.view import dossier_built
from dashboard.filtering import Filters, apply_filters, date_bounds
from dashboard.model import Snapshot
from dashboard.pages.articles import article_rows
from dashboard.pages.network import behind_articles, network_options, network_view
from dashboard.pages.saved_quotes import articles_html, statements_part
from dashboard.pages.views import drawn_events, overview_view, timeline_view
from dashboard.url_state import Params, filters_from_params, first

LISTED_ARTICLES = 12  # rows of the Articles page's list in the pack


@dataclass(frozen=True)
class ViewChart:
    figure: go.Figure | None  # the page's lead chart (None: the page leads with a list)
    articles: pd.DataFrame  # the articles behind the chart
    filters: Filters
    name: str  # for file names: "timeline", "network", ...
    html: str = ""  # what the page shows besides the chart (quotes, a list), escaped HTML


Built = tuple[go.Figure | None, pd.DataFrame] | tuple[go.Figure | None, pd.DataFrame, str]


def _articles(full: Snapshot, ids) -> pd.DataFrame:
    return full.articles[full.articles["article_id"].isin(set(ids))]


def _overview(full: Snapshot, snap: Snapshot, params: Params) -> Built:
    return overview_view(full, snap).people.figure, snap.articles


def _timeline(full: Snapshot, snap: Snapshot, params: Params) -> Built:
    """The events the page draws (the most-reported ``MAX_DRAWN_EVENTS``), in its lanes."""
    lanes = (first(params, "lanes", "Type") or "Type").lower()
    shown = drawn_events(snap.events)
    event = first(params, "event")
    event = event if event in set(shown["event_id"]) else None  # as layout.choice_state
    view = timeline_view(full, snap, lanes, event)
    chosen = shown[shown["event_id"] == event] if event else shown
    ids = {a for ids in chosen["article_ids"] for a in ids}
    return view.events.figure, _articles(full, ids)


def _network(full: Snapshot, snap: Snapshot, params: Params) -> tuple[go.Figure, pd.DataFrame]:
    o = network_options(params, date_bounds(full))  # the page's defaults, read as it reads them
    view = network_view(full, snap, o.types, o.window, o.people, o.focus, o.node)
    return view.chart.figure, _articles(full, behind_articles(full, view.behind))


def _statements(full: Snapshot, snap: Snapshot, params: Params) -> Built:
    part = statements_part(full, snap, params)
    return part.figure, _articles(full, part.article_ids), part.html


def _articles_page(full: Snapshot, snap: Snapshot, params: Params) -> Built:
    """The page's list (newest first); the chosen article cited alone when there is one."""
    listing = article_rows(full, snap)
    article = first(params, "article")
    known = article in set(snap.articles["article_id"])
    cited = _articles(full, [article]) if known else snap.articles
    return None, cited, articles_html(full, listing, article if known else None, LISTED_ARTICLES)


BUILDERS = {
    "": ("overview", _overview),
    "timeline": ("timeline", _timeline),
    "network": ("network", _network),
    "statements": ("statements", _statements),
    "articles": ("articles", _articles_page),
    "dossier": ("dossier", dossier_built),
}


def view_chart(full: Snapshot, page: str, params: Params) -> ViewChart:
    """The page's lead chart for ``params`` (a saved view's parameters, ids) and its sources."""
    filters = filters_from_params(params, date_bounds(full))
    snap = apply_filters(full, filters)
    name, build = BUILDERS.get(page, BUILDERS[""])
    fig, cited, *extra = build(full, snap, params)
    if fig is not None:
        fig = go.Figure(fig)  # the pages' figures are frozen: a copy to restyle
        fig.update_xaxes(rangeselector_visible=False)  # buttons mean nothing on paper
    return ViewChart(fig, cited, filters, name, extra[0] if extra else "")
