"""A page's chart as the page draws it and the pack reuses it: figure, citation, table."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.chart_export import Table, sources_text
from dashboard.figures.base import frozen
from dashboard.model import Snapshot


@dataclass(frozen=True)
class Chart:
    figure: go.Figure  # frozen (see FrozenFigure): drawn on every rerun, never changed
    sources: str  # the citation of the articles behind it (chart_export.sources_text)
    table: Table | None = None  # the table behind it, for its CSV (a callable: built on click)

    def __post_init__(self) -> None:
        object.__setattr__(self, "figure", frozen(self.figure))


def sources_of(full: Snapshot, article_ids) -> str:
    """The citation of the articles with these ids."""
    articles = full.articles
    return sources_text(articles[articles["article_id"].isin(set(article_ids))])


def articles_of(full: Snapshot, ids) -> pd.DataFrame:
    """The rows of the articles with these ids (the articles a pack's view cites)."""
    return full.articles[full.articles["article_id"].isin(set(ids))]
