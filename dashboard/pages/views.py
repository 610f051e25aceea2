"""What each page draws, computed once per snapshot, filter state and page option.

Pure functions ``(full, filtered, *options) -> dataclass`` called through
``components.data.cached_view``: a page's rerun after a click, or another session with the
same filters, only draws what is already built. At newsroom scale (100,000 articles, tens of
thousands of events) the timeline draws the most-reported events and says how many it left
out, so a chart stays readable and its rerun cost does not grow with the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import plotly.graph_objects as go

from dashboard.chart_export import Table, sources_text
from dashboard.exports import actors_table, events_table, months_table, outlets_table
from dashboard.figures.base import articles_per_month, articles_per_outlet, frozen, top_actors
from dashboard.figures.statements import statements_over_time
from dashboard.figures.timeline import timeline_figure
from dashboard.model import Snapshot, actor_names, precision_label
from dashboard.text import fmt_date

MAX_DRAWN_EVENTS = 300  # a denser timeline is a blob of marks, and slow to draw
MAX_LISTED_ARTICLES = 1000  # rows of the article list (a search narrows it)


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


@dataclass(frozen=True)
class TimelineView:
    events: Chart
    drawn: int
    matching: int
    undated: int


def drawn_events(events: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The ``limit`` (default ``MAX_DRAWN_EVENTS``) most-reported events, or all of them."""
    limit = limit or MAX_DRAWN_EVENTS
    if len(events) <= limit:
        return events
    return events.nlargest(limit, "n_sources", keep="first")


def timeline_labels(full: Snapshot, snap: Snapshot) -> dict[str, str]:
    """The events a reader can pick: the drawn ones, by date."""
    return event_labels(drawn_events(snap.events))


def event_labels(events: pd.DataFrame) -> dict[str, str]:
    return {
        ev.event_id: f"{precision_label(ev.start, ev.end, ev.date_precision)} · "
        f"{ev.type} · {', '.join(ev.participant_names) or 'participants unknown'}"
        for ev in events.sort_values("start").itertuples()
    }


def timeline_view(full: Snapshot, snap: Snapshot, lanes: str, selected: str | None) -> TimelineView:
    events = snap.events
    shown = drawn_events(events)
    figure = timeline_figure(shown, lanes, full.colors, selected)
    cited = sources_of(full, {a for ids in shown["article_ids"] for a in ids})
    dated = shown[shown["start"].notna()]
    return TimelineView(
        # Its CSV: one row per event drawn (an undated one is not; the page's list has it).
        events=Chart(figure, cited, partial(events_table, dated, full.articles)),
        drawn=len(shown),
        matching=len(events),
        undated=int(shown["start"].isna().sum()),
    )


def statements_per_month(full: Snapshot, snap: Snapshot) -> Chart | None:
    """Statements per month by the speaker's country; None when no statement matches."""
    statements = snap.statements
    columns = ["date_dt", "speaker_country", "article_id"]
    originals = statements.loc[statements["copy_of"].isna(), columns]  # wire copies once
    if originals.empty:
        return None
    figure = statements_over_time(originals, full.colors)
    return Chart(figure, sources_of(full, originals["article_id"]))


@dataclass(frozen=True)
class ArticleList:
    table: pd.DataFrame  # the newest MAX_LISTED_ARTICLES matching articles, display columns
    ids: list[str]  # article_id of each table row
    labels: dict[str, str]  # article_id -> "Title — Outlet, 1 Apr 2025"
    matching: int


def article_list(full: Snapshot, snap: Snapshot) -> ArticleList:
    articles = snap.articles.sort_values(["published_dt", "title"], ascending=[False, True])
    listed = articles.head(MAX_LISTED_ARTICLES)  # read at call time (tests lower it)
    table = listed.assign(
        Published=listed["published_dt"].dt.date, Copy=listed["duplicate_of"].notna()
    )[["title", "outlet", "Published", "n_statements", "n_events", "n_mentions", "Copy"]]
    labels = {
        a.article_id: f"{a.title} — {a.outlet}, {_day(a.published_dt)}" for a in listed.itertuples()
    }
    return ArticleList(table, list(listed["article_id"]), labels, len(articles))


def article_label(article) -> str:
    """ "Title — Outlet, 1 Apr 2025" for a row of the articles table."""
    return f"{article.title} — {article.outlet}, {_day(article.published_dt)}"


def _day(day) -> str:
    return f"{day:%-d %b %Y}" if pd.notna(day) else "no date"
