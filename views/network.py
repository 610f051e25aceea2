"""Actor network: who met, visited or called whom; co-mentions and countries a click away.
A click on a person opens them; a click on a link lists its contacts, each with its dossier."""

from functools import partial

import streamlit as st

from components.correct_ui_graph import actor_forms
from components.data import cached_view
from components.export_ui import chart
from components.filters import choices, page_data
from components.layout import (
    choice_state,
    empty_state,
    filter_note,
    page_controls,
    page_intro,
    url_choice,
)
from components.network_actor import show_node
from components.network_link import pick, show_link
from dashboard.exports import network_table
from dashboard.network.edges import CONTACT_TYPES, EDGE_TYPES
from dashboard.pages.network import NetworkOptions, network_graph, network_view, whole_span

LINKS_HELP = (
    "met: meetings, talks, summits · visited · called: phone or video calls · addressed: a "
    "statement directed at the other · co-mentioned: named in one sentence"
)

full, snap, filters = page_data()
page_intro(
    "network",
    "Actor network",
    "Who met, visited or called whom: people are sized by mentions and coloured by "
    "country; links are thicker when repeated. Click a person to open them, or the "
    "middle of a link for the meetings, visits and calls behind it.",
)
filter_note(filters)

bounds = choices(full)[1]  # the snapshot's first and last day
if any(t not in EDGE_TYPES for t in st.session_state.get("links") or ()):  # an odd saved URL
    st.session_state["links"] = [t for t in st.session_state["links"] if t in EDGE_TYPES]
with page_controls("network"):
    row = st.columns([3, 2], vertical_alignment="bottom", gap="medium")
    picked = row[0].pills(
        "Links",
        EDGE_TYPES,
        selection_mode="multi",
        default=list(CONTACT_TYPES),
        key="links",
        bind="query-params",
        help=LINKS_HELP,
    )
    orgs = row[1].toggle(
        "Include countries and institutions",
        key="orgs",
        bind="query-params",
        help="Off: people only. On: countries, organisations and media too.",
    )
    row = st.columns([1, 1], vertical_alignment="bottom", gap="medium")
    window = None
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
    options = NetworkOptions(
        tuple(t for t in EDGE_TYPES if t in (picked or ())), whole_span(window, bounds), orgs
    )
    graph = cached_view(network_graph, filters, options.types, options.window, options.people)
    with row[1]:
        focus = url_choice(
            "Focus on",
            graph.labels,
            "focus",
            placeholder="Everyone (pick an actor to see only its neighbourhood)",
        )
selected = choice_state("node", graph.labels)
link = choice_state("link", graph.pairs)  # a clicked link, highlighted (listed further down)
view = cached_view(
    network_view, filters, options.types, options.window, options.people, focus, selected, link
)

if full.actors.empty:
    empty_state("No actors in this snapshot.", "Rebuild with a knowledge base of actors.")
elif not options.types:
    empty_state("No link type selected.", "Pick at least one kind of link above.")
elif graph.weighted.empty:
    empty_state(
        "No links between actors in this view.",
        "Widen the time window or the filters, add link types, or include countries and "
        "institutions.",
    )
else:
    people = set(full.actors.loc[full.actors["kind"] == "person", "actor_id"])
    if options.orgs and set(graph.labels) <= people:
        st.caption(
            "Countries and institutions seldom meet or call: they are linked through what was "
            "said to them (*addressed*) and where they are named (*co-mentioned*). Pick those "
            "links to see them."
        )
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
        table=partial(network_table, view.behind, full.names),
        on_select=partial(pick, "network_chart", "node_pick", "link_pick"),
        selection_mode="points",
    )

with page_controls("network_open"):
    row = st.columns(2, gap="medium")
    with row[0]:
        link = url_choice(
            "Open link",
            view.pairs,
            "link",
            placeholder="Click a link in the network, or choose a pair here",
        )
    with row[1]:
        chosen = url_choice(
            "Open actor",
            graph.labels,
            "node",
            placeholder="Click an actor in the network, or choose one here",
        )
if link:
    show_link(full, view.behind, link)
if chosen:
    show_node(full, snap, chosen)
    with page_controls("network_fix"):
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
