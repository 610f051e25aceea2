"""The actor network figure. Pure: weighted edges, actors and a layout in, a Figure out.

Nodes: size by mentions, colour by country (Okabe–Ito), customdata = actor_id (click to open),
each label on the side ``network_layout`` found free. Edges: one style per type (line dash
and grey level), width by weight; contacts are drawn over co-mentions, which stay pale;
parallel edges of different types between one pair are drawn side by side. Each link has an
invisible marker at its middle, for its hover and click; its id is the pair's key.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.base import base_layout, empty_figure
from dashboard.figures.network_layout import NetworkLayout
from dashboard.network.edges import EDGE_TYPES
from dashboard.network.links import pair_key, parse_pair
from dashboard.palette import (
    ACTOR_COLOUR_TITLE,
    country_colors,
    group_color,
    legend_groups,
    legend_order,
)

EDGE_STYLE = {
    "met": {"color": "#222222", "dash": "solid"},
    "visited": {"color": "#222222", "dash": "dash"},
    "called": {"color": "#555555", "dash": "dot"},
    "addressed": {"color": "#555555", "dash": "dashdot"},
    "co-mentioned": {"color": "#c4c4c4", "dash": "solid"},
}
BACKGROUND = ("co-mentioned", "addressed")  # thin, under the contacts
HIGHLIGHT = "#F0E442"  # the opened link, as a marker pen (the evidence cards' highlight)
EDGE_LABEL = {  # in the hover; the legend says the type alone (the page's chips explain)
    "met": "met",
    "visited": "visited",
    "called": "called (phone/video)",
    "addressed": "addressed (statement)",
    "co-mentioned": "co-mentioned (one sentence)",
}


def node_size(mentions: int, most: int) -> float:
    return 14 + 30 * math.sqrt(max(mentions, 0) / max(most, 1))


def short_label(name: str, limit: int = 32) -> str:
    """A node's label: long names cut with an ellipsis (the hover has them whole)."""
    name = str(name)
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _offset(p, q, shift: float):
    """Move the segment p–q sideways by ``shift`` (to separate parallel edges)."""
    (x0, y0), (x1, y1) = p, q
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx_, ny_ = -(y1 - y0) / length * shift, (x1 - x0) / length * shift
    return (x0 + nx_, y0 + ny_), (x1 + nx_, y1 + ny_)


def _edge_traces(weighted: pd.DataFrame, pos, names) -> list[go.Scatter]:
    traces = []
    pair_types = weighted.groupby(["source", "target"])["type"].apply(sorted).to_dict()
    most = max(int(weighted["weight"].max()), 1) if len(weighted) else 1
    drawn = [t for t in reversed(EDGE_TYPES) if t in set(weighted["type"])]  # contacts on top
    for kind in drawn:
        rows = weighted[weighted["type"] == kind]
        style = EDGE_STYLE.get(kind, EDGE_STYLE["met"])
        for width_class, part in rows.groupby(rows["weight"].map(lambda w: min(int(w), 6))):
            xs, ys, hx, hy, hover, keys = [], [], [], [], [], []
            for row in part.itertuples():
                kinds = pair_types[(row.source, row.target)]
                shift = (kinds.index(kind) - (len(kinds) - 1) / 2) * 4.0  # px
                p, q = _offset(pos[row.source], pos[row.target], shift)
                xs += [p[0], q[0], None]
                ys += [p[1], q[1], None]
                hx.append((p[0] + q[0]) / 2)
                hy.append((p[1] + q[1]) / 2)
                hover.append(
                    f"{names.get(row.source)} – {names.get(row.target)}<br>"
                    f"{EDGE_LABEL.get(kind, kind)}: {row.weight}×<br>"
                    "<i>Click for what is behind it</i>"
                )
                keys.append(pair_key(row.source, row.target))
            width = 1.0 + 2.6 * (width_class - 1) / max(min(most, 6) - 1, 1)
            width = width * 0.6 if kind in BACKGROUND else width
            traces.append(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    hoverinfo="skip",
                    line={"width": width, **style},
                    legendgroup=kind,
                    showlegend=False,
                )
            )
            traces.append(
                go.Scatter(
                    x=hx,
                    y=hy,
                    mode="markers",
                    hovertext=hover,
                    hoverinfo="text",
                    # The pair as the point's id, not its customdata: a click on a link opens
                    # the link, and customdata stays the actors' ids (what opens an actor).
                    ids=keys,
                    marker={"size": 8, "opacity": 0},
                    legendgroup=kind,
                    showlegend=False,
                )
            )
    present = [k for k in EDGE_STYLE if k in set(weighted["type"])]
    for i, kind in enumerate(present):
        traces.append(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                name=kind,
                legendgroup=kind,
                line={"width": 2.5, **EDGE_STYLE[kind]},
                legendgrouptitle_text="Link" if i == 0 else None,
            )
        )
    return traces


def network_figure(
    weighted: pd.DataFrame,
    actors: pd.DataFrame,
    mentions: pd.Series,
    layout: NetworkLayout,
    focus: str | None = None,
    colors: dict[str, str] | None = None,
    selected: str | None = None,
    link: str | None = None,
) -> go.Figure:
    """``weighted``: source, target, type, weight. ``mentions``: actor_id -> count.
    ``layout``: where each node and its label go (``network_layout``).

    ``focus`` and ``selected`` actors get a black ring; the ``link`` opened (a pair key) is
    drawn under a marker-pen highlight.
    """
    pos = layout.positions
    if weighted.empty or not pos:
        return empty_figure("No links between actors match the filters", height=420)
    info = actors.set_index("actor_id")
    names = info["name"].to_dict()
    colors = colors or country_colors(actors["country"])
    fig = go.Figure(_highlight(link, pos) + _edge_traces(weighted, pos, names))
    nodes = pd.DataFrame([(n, x, y) for n, (x, y) in pos.items()], columns=["id", "x", "y"])
    nodes["name"] = nodes["id"].map(names).fillna(nodes["id"])
    nodes["country"] = nodes["id"].map(info["country"]).fillna("Unknown")
    nodes["mentions"] = nodes["id"].map(mentions).fillna(0).astype(int)
    nodes["group"] = legend_groups(nodes["country"], colors)
    for i, group in enumerate(sorted(nodes["group"].unique(), key=legend_order)):
        fig.add_trace(
            _node_trace(
                nodes[nodes["group"] == group], layout, group, colors, i == 0, (focus, selected)
            )
        )
    fig.update_xaxes(visible=False, range=list(layout.x_range))
    fig.update_yaxes(visible=False, range=list(layout.y_range))
    fig.update_layout(
        clickmode="event+select",
        hovermode="closest",
        dragmode="pan",
        legend={"tracegroupgap": 10, "itemsizing": "constant"},
    )
    return base_layout(fig, height=int(math.ceil(layout.plot_height)) + 20)  # margins 10 + 10


def _highlight(link: str | None, pos) -> list[go.Scatter]:
    """A wide pale band under the opened link, if both its actors are drawn."""
    a, b = parse_pair(link) if link else ("", "")
    if a not in pos or b not in pos:
        return []
    (x0, y0), (x1, y1) = pos[a], pos[b]
    return [
        go.Scatter(
            x=[x0, x1],
            y=[y0, y1],
            mode="lines",
            hoverinfo="skip",
            line={"width": 12, "color": HIGHLIGHT},
            opacity=0.9,
            name="opened link",
            showlegend=False,
        )
    ]


def _node_trace(part, layout: NetworkLayout, group, colors, first: bool, ringed_ids):
    ringed = [n in ringed_ids for n in part["id"]]
    return go.Scatter(
        x=part["x"],
        y=part["y"],
        mode="markers+text",
        text=[short_label(n) for n in part["name"]],
        textposition=[layout.sides[n] for n in part["id"]],
        textfont={
            "size": layout.font_size,
            "color": "#222",
            "shadow": "0 0 4px #fff, 0 0 3px #fff, 0 0 2px #fff",
        },
        marker={
            "size": [layout.sizes[n] for n in part["id"]],
            "color": group_color(group, colors),
            "opacity": 1,
            "line": {
                "color": ["#000000" if r else "#ffffff" for r in ringed],
                "width": [3.5 if r else 1 for r in ringed],
            },
        },
        # A click selects one point; plotly would then fade every other, and a click on a
        # link would fade every actor. The ring marks the chosen actor instead.
        unselected={"marker": {"opacity": 1}, "textfont": {"color": "#222"}},
        customdata=part["id"],
        name=group,
        legendgroup=f"country-{group}",
        legendgrouptitle_text=ACTOR_COLOUR_TITLE if first else None,
        hovertext=[
            f"<b>{r.name}</b> ({r.country})<br>{r.mentions} mentions<br><i>Click to open</i>"
            for r in part.itertuples()
        ],
        hoverinfo="text",
    )
