"""What each page draws for a saved URL state, and the articles behind it. Pure.

Used by the briefing pack to rebuild a view without Streamlit: the same filters
(``url_state.filters_from_params``) and the page's own lead (``registry.Page.lead``, which
calls the page's view model with the defaults its widgets have), so the pack draws what the
page opened at that URL draws: the Timeline's most-reported events, the Statements'
compared quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.filtering import Filters, apply_filters, date_bounds
from dashboard.model import Snapshot
from dashboard.pages.registry import BY_URL, DEFAULT
from dashboard.url_state import Params, filters_from_params


@dataclass(frozen=True)
class ViewChart:
    figure: go.Figure | None  # the page's lead chart (None: the page leads with a list)
    articles: pd.DataFrame  # the articles behind the chart
    filters: Filters
    name: str  # for file names: "timeline", "network", ...
    html: str = ""  # what the page shows besides the chart (quotes, a list), escaped HTML


def view_chart(full: Snapshot, page: str, params: Params) -> ViewChart:
    """The page's lead chart for ``params`` (a saved view's parameters, ids) and its sources."""
    filters = filters_from_params(params, date_bounds(full))
    snap = apply_filters(full, filters)
    shown = BY_URL.get(page)
    shown = shown if shown is not None and shown.lead is not None else DEFAULT
    fig, cited, *extra = shown.lead(full, snap, params)
    if fig is not None:
        fig = go.Figure(fig)  # the pages' figures are frozen: a copy to restyle
        fig.update_xaxes(rangeselector_visible=False)  # buttons mean nothing on paper
    return ViewChart(fig, cited, filters, shown.name, extra[0] if extra else "")
