"""Timeline: diplomatic events on a date axis; click one for the sentences that report it."""

from functools import partial

import streamlit as st

from components.correct_ui import flash
from components.correct_ui_graph import event_forms
from components.data import cached_view
from components.evidence import show_event
from components.export_ui import chart
from components.filters import page_data
from components.layout import (
    choice_state,
    download_csv,
    empty_state,
    filter_note,
    page_controls,
    page_intro,
    pick_into,
    url_choice,
)
from dashboard.dossier.ids import dossier_query
from dashboard.exports import events_table, statements_month_table
from dashboard.pages.registry import BY_URL
from dashboard.pages.timeline import statements_per_month, timeline_labels, timeline_view

full, snap, filters = page_data()
page_intro(
    "timeline",
    "Timeline",
    "Each mark is one event, drawn once however many articles report it, and labelled "
    "with who took part; a pale mark's day was worked out, not stated. Hover for where, "
    "when and how the date was found; click a mark for the sentences that report it.",
)
filter_note(filters)
flash()  # the outcome of a correction made below (a deleted event is no longer there)

if full.events.empty:
    empty_state(
        "No events in this snapshot.",
        "The build found no visits, meetings, talks, calls, summits or formal statements in "
        "the articles.",
    )
elif snap.events.empty:
    empty_state("No event matches the filters.", "Widen the dates or clear a filter.")
else:
    # Briefing mode hides the page's controls; their values, bound to the URL, still apply.
    with page_controls("timeline"):
        lanes = st.segmented_control(
            "Lanes by",
            ["Type", "Country"],  # shown as is, and in the URL
            key="lanes",
            bind="query-params",
            default="Type",
            required=True,
        )
    lane_key = (lanes or "Type").lower()
    labels = cached_view(timeline_labels, filters)
    chosen = choice_state("event", labels)
    view = cached_view(timeline_view, filters, lane_key, chosen)
    if view.drawn < view.matching:
        st.caption(
            f"Showing the {view.drawn:,} most-reported of {view.matching:,} matching events: "
            "narrow the dates or add a filter to see the others."
        )
    chart(
        view.events.figure,
        key="timeline_chart",
        name="timeline",
        sources=view.events.sources,
        filters=filters,
        names=full.names,
        table=view.events.table,
        selection_mode="points",
        on_select=partial(pick_into, "timeline_chart", "event_pick"),
    )
    if view.undated:
        st.caption(f"{view.undated} event(s) without a usable date are not drawn; pick them below.")
    with page_controls("timeline_pick"):
        chosen = url_choice(
            "Evidence for", labels, "event", placeholder="Click an event above, or choose one here"
        )
    if chosen:
        show_event(full, chosen)
        st.page_link(  # each side's account of it; the anchors keep the link past a rebuild
            BY_URL["dossier"].path,
            label="Open dossier",
            icon=BY_URL["dossier"].icon,
            query_params=dossier_query(full, chosen),
        )
    with page_controls("timeline_edit"):
        if chosen:
            event_forms(full, chosen)
        download_csv(
            partial(events_table, snap.events, full.articles),
            "readout-events.csv",
            "Download every matching event (CSV)",
        )

st.subheader("Statements over time")
statements = cached_view(statements_per_month, filters)
if statements is None:
    empty_state(
        "No statements to count.", "No statement matches the filters or the snapshot holds none."
    )
else:
    chart(
        statements.figure,
        key="timeline_statements",
        name="statements-per-month",
        sources=statements.sources,
        filters=filters,
        names=full.names,
        table=partial(statements_month_table, snap.statements),
    )
