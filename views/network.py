"""Actor network: who met, called, visited, addressed or was named with whom."""

from functools import partial

import streamlit as st

from components.correct_ui_graph import actor_forms
from components.data import network_edges, network_layout
from components.evidence import show_actor
from components.export_ui import articles_of, chart
from components.figures_network import network_figure
from components.filtering import date_bounds
from components.filters import page_data
from components.layout import (
    choice_state,
    empty_state,
    filter_note,
    pick_into,
    url_choice,
)
from components.network import EDGE_TYPES, centrality, neighbourhood, select_edges, weights

full, snap, filters = page_data()
st.title("Actor network")
st.caption(
    "Actors are sized by mentions and coloured by country; links are typed and thicker "
    "when repeated. Click an actor to open it."
)
filter_note(filters)

bounds = date_bounds(full)
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

edges = select_edges(network_edges(), snap, types or (), window)
if people_only:
    persons = set(full.actors.loc[full.actors["kind"] == "person", "actor_id"])
    edges = edges[edges["source"].isin(persons) & edges["target"].isin(persons)]
weighted = weights(edges)
names = dict(zip(full.actors["actor_id"], full.actors["name"], strict=True))
in_graph = sorted(set(weighted["source"]) | set(weighted["target"]), key=names.get)
node_labels = {a: names.get(a, a) for a in in_graph}
focus = url_choice(
    "Focus on",
    node_labels,
    "focus",
    placeholder="Everyone (pick an actor to see only its neighbourhood)",
)
# The layout is computed on the whole graph, so focusing keeps everyone where they were.
positions = network_layout(
    tuple(in_graph), tuple((r.source, r.target, float(r.weight)) for r in weighted.itertuples())
)
shown = neighbourhood(weighted, focus)
visible = set(shown["source"]) | set(shown["target"])
mentions = snap.mentions.groupby("actor_id").size()

if full.actors.empty:
    empty_state("No actors in this snapshot.", "Rebuild with a knowledge base of actors.")
elif not types:
    empty_state("No link type selected.", "Pick at least one kind of link above.")
elif weighted.empty:
    empty_state(
        "No links between actors in this view.",
        "Widen the time window or the filters, or add link types.",
    )
else:
    fig = network_figure(
        shown,
        full.actors,
        mentions,
        {n: p for n, p in positions.items() if n in visible},
        focus,
        full.colors,
        choice_state("node", node_labels),
    )
    behind = edges[edges["source"].isin(visible) & edges["target"].isin(visible)]
    chart(
        fig,
        key="network_chart",
        name="network",
        articles=articles_of(full.articles, behind["article_id"].dropna()),
        filters=filters,
        names=names,
        on_select=partial(pick_into, "network_chart", "node_pick"),
        selection_mode="points",
    )

chosen = url_choice(
    "Open actor",
    node_labels,
    "node",
    placeholder="Click an actor in the network, or choose one here",
)
if chosen:
    show_actor(full, snap, chosen)
    actor_forms(full, chosen)

st.subheader("Most central actors")
table = centrality(shown, full.actors)
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
