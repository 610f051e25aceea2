"""Timeline: diplomatic events on a date axis; click one for the sentences that report it."""

from functools import partial

import streamlit as st

from components.correct_ui import flash
from components.correct_ui_graph import event_forms
from components.evidence import show_event
from components.export_ui import articles_of, chart
from components.exports import events_table
from components.figures_timeline import statements_over_time, timeline_figure
from components.filters import page_data
from components.layout import (
    choice_state,
    download_csv,
    empty_state,
    filter_note,
    pick_into,
    url_choice,
)
from components.model import actor_names, precision_label

full, snap, filters = page_data()
colors = full.colors
st.title("Timeline")
st.caption(
    "Each mark is one event, however many articles report it. Hover for who, where and "
    "when; click a mark for the sentences that report it."
)
filter_note(filters)
flash()  # the outcome of a correction made below (a deleted event is no longer there)

events = snap.events
if full.events.empty:
    empty_state(
        "No events in this snapshot.",
        "The build found no visits, meetings, talks, calls or summits in the articles.",
    )
elif events.empty:
    empty_state("No event matches the filters.", "Widen the dates or clear a filter.")
else:
    labels = {
        ev.event_id: f"{precision_label(ev.start, ev.end, ev.date_precision)} · "
        f"{ev.type} · {', '.join(ev.participant_names) or 'participants unknown'}"
        for ev in events.sort_values("start").itertuples()
    }
    lanes = st.segmented_control(
        "Lanes by",
        ["Type", "Country"],  # shown as is, and in the URL
        key="lanes",
        bind="query-params",
        default="Type",
        required=True,
    )
    lane_kind = (lanes or "Type").lower()
    figure = timeline_figure(events, lane_kind, colors, choice_state("event", labels))
    chart(
        figure,
        key="timeline_chart",
        name="timeline",
        articles=articles_of(full.articles, {a for ids in events["article_ids"] for a in ids}),
        filters=filters,
        names=actor_names(full.actors),
        selection_mode="points",
        on_select=partial(pick_into, "timeline_chart", "event_pick"),
    )
    undated = events[events["start"].isna()]
    if len(undated):
        st.caption(f"{len(undated)} event(s) without a usable date are not drawn; pick them below.")
    chosen = url_choice(
        "Evidence for", labels, "event", placeholder="Click an event above, or choose one here"
    )
    if chosen:
        show_event(full, chosen)
        event_forms(full, chosen)
    download_csv(events_table(events), "readout-events.csv", "Download these events (CSV)")

st.subheader("Statements over time")
if snap.statements.empty:
    empty_state(
        "No statements to count.", "No statement matches the filters or the snapshot holds none."
    )
else:
    originals = snap.statements[snap.statements["copy_of"].isna()]  # wire copies count once
    chart(
        statements_over_time(originals, colors),
        key="timeline_statements",
        name="statements-per-month",
        articles=articles_of(full.articles, originals["article_id"]),
        filters=filters,
        names=actor_names(full.actors),
    )
