"""The Timeline: the events it draws, the ones a reader can pick, statements per month. Pure.

At newsroom scale (100,000 articles, tens of thousands of events) the timeline draws the
most-reported events and says how many it left out, so a chart stays readable and its rerun
cost does not grow with the corpus. ``timeline_lead`` is the chart a briefing pack shows for
a saved Timeline: the page's own ``timeline_labels`` and ``timeline_view``, so the pack
draws the events the page draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import plotly.graph_objects as go

from dashboard.exports import events_table
from dashboard.figures.statements import statements_over_time
from dashboard.figures.timeline import timeline_figure
from dashboard.model import Snapshot, precision_label
from dashboard.pages.chart import Chart, articles_of, sources_of
from dashboard.url_state import Params, first

MAX_DRAWN_EVENTS = 300  # a denser timeline is a blob of marks, and slow to draw
DEFAULT_LANES = "Type"  # the "Lanes by" control's default


@dataclass(frozen=True)
class TimelineView:
    events: Chart
    drawn: int
    matching: int
    undated: int
    reports: dict[str, tuple[str, ...]]  # drawn event_id -> the articles reporting it


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
    pairs = zip(shown["event_id"], shown["article_ids"], strict=True)
    reports = {event: tuple(ids) for event, ids in pairs}
    cited = sources_of(full, {a for ids in reports.values() for a in ids})
    dated = shown[shown["start"].notna()]
    return TimelineView(
        # Its CSV: one row per event drawn (an undated one is not; the page's list has it).
        events=Chart(figure, cited, partial(events_table, dated, full.articles)),
        drawn=len(shown),
        matching=len(events),
        undated=int(shown["start"].isna().sum()),
        reports=reports,
    )


def timeline_lead(full: Snapshot, snap: Snapshot, params: Params) -> tuple[go.Figure, pd.DataFrame]:
    """The page's chart for a saved URL state, and the articles behind it: those of the
    chosen event when one is chosen (and drawn, as ``layout.choice_state`` keeps it)."""
    lanes = (first(params, "lanes", DEFAULT_LANES) or DEFAULT_LANES).lower()
    event = first(params, "event")
    event = event if event in timeline_labels(full, snap) else None
    view = timeline_view(full, snap, lanes, event)
    ids = view.reports[event] if event else [a for ids in view.reports.values() for a in ids]
    return view.events.figure, articles_of(full, ids)


def statements_per_month(full: Snapshot, snap: Snapshot) -> Chart | None:
    """Statements per month by the speaker's country; None when no statement matches."""
    statements = snap.statements
    columns = ["date_dt", "speaker_country", "article_id"]
    originals = statements.loc[statements["copy_of"].isna(), columns]  # wire copies once
    if originals.empty:
        return None
    figure = statements_over_time(originals, full.colors)
    return Chart(figure, sources_of(full, originals["article_id"]))
