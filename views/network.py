"""Actor network: who met, called, visited, addressed or was named with whom."""

from functools import partial

import streamlit as st

from components.correct_ui_graph import actor_forms
from components.data import cached_view
from components.evidence import show_actor
from components.export_ui import chart
from components.filters import choices, page_data
from components.layout import (
    choice_state,
    empty_state,
    filter_note,
    pick_into,
    url_choice,
)
from components.network import EDGE_TYPES
from components.network_views import network_graph, network_view

full, snap, filters = page_data()
st.title("Actor network")
st.caption(
    "Actors are sized by mentions and coloured by country; links are typed and thicker "
    "when repeated. Click an actor to open it."
)
filter_note(filters)

bounds = choices(full)[1]  # the snapshot's first and last day
types = st.pills(
    "Links",
    EDGE_TYPES,
    selection_mode="multi",
    default=list(EDGE_TYPES),
    key="links",
    bind="query-params",
    help="met: meetings, talks, summits · visited · called: phone or video calls · addressed: "
    "a statement directed at the other · co-mentioned: named in one sentence",
)
window = None
row = st.columns([3, 2], vertical_alignment="bottom")
if bounds and bounds[0] < bounds[1]:
    window = row[0].slider(
        "Time window",
        min_value=bounds[0],
        max_value=bounds[1],
        value=bounds,
        key="window",
        bind="query-params",
        format="MMM YYYY",
    )
people_only = row[1].toggle(
    "People only (hide countries and organisations)", key="people", bind="query-params"
)

graph = cached_view(network_graph, filters, tuple(types or ()), window, people_only)
focus = url_choice(
    "Focus on",
    graph.labels,
    "focus",
    placeholder="Everyone (pick an actor to see only its neighbourhood)",
)
selected = choice_state("node", graph.labels)
view = cached_view(network_view, filters, tuple(types or ()), window, people_only, focus, selected)

if full.actors.empty:
    empty_state("No actors in this snapshot.", "Rebuild with a knowledge base of actors.")
elif not types:
    empty_state("No link type selected.", "Pick at least one kind of link above.")
elif graph.weighted.empty:
    empty_state(
        "No links between actors in this view.",
        "Widen the time window or the filters, or add link types.",
    )
else:
    (actors, links), (all_actors, all_links) = view.drawn, view.total
    if links < all_links:
        where = f"{full.names.get(focus, focus)}'s neighbourhood" if focus else "the view"
        hint = "" if focus else " Focus on an actor, or narrow the filters, to see others."
        st.caption(
            f"Drawing the {actors:,} most linked of the {all_actors:,} actors in {where}, and "
            f"the {links:,} strongest of their {all_links:,} links.{hint} "
            "The ranking below counts every link."
        )
    chart(
        view.chart.figure,
        key="network_chart",
        name="network",
        sources=view.chart.sources,
        filters=filters,
        names=full.names,
        on_select=partial(pick_into, "network_chart", "node_pick"),
        selection_mode="points",
    )

chosen = url_choice(
    "Open actor",
    graph.labels,
    "node",
    placeholder="Click an actor in the network, or choose one here",
)
if chosen:
    show_actor(full, snap, chosen)
    actor_forms(full, chosen)

st.subheader("Most central actors")
table = view.central
if table.empty:
    st.caption("No links, so no centrality to rank.")
else:
    st.dataframe(
        table.drop(columns="actor_id").head(15),
        hide_index=True,
        width="stretch",
        column_config={
            "Betweenness": st.column_config.ProgressColumn(
                "Betweenness",
                min_value=0.0,
                max_value=1.0,
                format="%.2f",
                help="How often the actor lies on the shortest path between two others",
            )
        },
    )
