"""The Overview: what is in the corpus (the figures above the charts, four charts). Pure.

``overview_view`` is what the page draws; ``overview_lead`` is the chart a briefing pack
shows for a saved Overview (the most-mentioned people), from the same view.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import plotly.graph_objects as go

from dashboard.chart_export import sources_text
from dashboard.exports import actors_table, months_table, outlets_table
from dashboard.figures.base import articles_per_month, articles_per_outlet, top_actors
from dashboard.model import Snapshot, actor_names
from dashboard.pages.chart import Chart
from dashboard.text import fmt_date
from dashboard.url_state import Params


@dataclass(frozen=True)
class CorpusMetrics:
    """The figures above the Overview's charts, as they are shown."""

    articles: str
    outlets: str
    published: str  # short enough for a metric at 1280 px
    published_exact: str | None  # its tooltip
    statements: str
    events: str


@dataclass(frozen=True)
class OverviewView:
    outlets: Chart
    months: Chart
    people: Chart
    organisations: Chart
    names: dict[str, str]
    metrics: CorpusMetrics


def _count(part: pd.DataFrame, whole: pd.DataFrame) -> str:
    return f"{len(part):,}" if len(part) == len(whole) else f"{len(part):,} of {len(whole):,}"


def _span(days: pd.Series) -> str:
    """ "2023 – 2025", "Mar – Apr 2025", "Apr 2025"."""
    if days.empty:
        return "—"
    first, last = days.min(), days.max()
    if first.year != last.year:
        return f"{first.year} – {last.year}"
    if first.month != last.month:
        return f"{first:%b} – {last:%b %Y}"
    return f"{last:%b %Y}"


def corpus_metrics(full: Snapshot, snap: Snapshot) -> CorpusMetrics:
    dates = snap.articles["published_dt"].dropna()
    exact = f"{fmt_date(dates.min())} – {fmt_date(dates.max())}" if len(dates) else None
    return CorpusMetrics(
        articles=_count(snap.articles, full.articles),
        outlets=f"{snap.articles['outlet'].nunique():,}",
        published=_span(dates),
        published_exact=exact,
        statements=_count(snap.statements, full.statements),
        events=_count(snap.events, full.events),
    )


def overview_view(full: Snapshot, snap: Snapshot) -> OverviewView:
    cited = sources_text(snap.articles)  # every overview chart counts the filtered articles
    actors = full.actors
    people, others = actors[actors["kind"] == "person"], actors[actors["kind"] != "person"]
    orgs = "Most-mentioned countries and organisations"
    people_fig = top_actors(
        people, snap.mentions, colors=full.colors, title="Most-mentioned people"
    )
    return OverviewView(
        outlets=Chart(
            articles_per_outlet(snap.articles), cited, partial(outlets_table, snap.articles)
        ),
        months=Chart(
            articles_per_month(snap.articles), cited, partial(months_table, snap.articles)
        ),
        people=Chart(people_fig, cited, partial(actors_table, people, snap.mentions)),
        organisations=Chart(
            top_actors(others, snap.mentions, colors=full.colors, title=orgs),
            cited,
            partial(actors_table, others, snap.mentions),
        ),
        names=actor_names(actors),
        metrics=corpus_metrics(full, snap),
    )


def overview_lead(full: Snapshot, snap: Snapshot, params: Params) -> tuple[go.Figure, pd.DataFrame]:
    """The pack's Overview: the most-mentioned people, citing every filtered article."""
    return overview_view(full, snap).people.figure, snap.articles
