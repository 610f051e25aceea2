"""The actor network figure. Pure: weighted edges, actors and positions in, a Figure out.

Nodes: size by mentions, colour by country (Okabe–Ito), customdata = actor_id (click to open).
Edges: one style per type (line dash and grey level), width by weight; parallel edges of
different types between one pair are drawn side by side.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from components.figures import base_layout, empty_figure
from components.palette import country_colors, group_color, legend_groups, legend_order

EDGE_STYLE = {
    "met": {"color": "#222222", "dash": "solid"},
    "visited": {"color": "#222222", "dash": "dash"},
    "called": {"color": "#555555", "dash": "dot"},
    "addressed": {"color": "#555555", "dash": "dashdot"},
    "co-mentioned": {"color": "#b3b3b3", "dash": "solid"},
}
EDGE_LABEL = {
    "met": "met",
    "visited": "visited",
    "called": "called (phone/video)",
    "addressed": "addressed (statement)",
    "co-mentioned": "co-mentioned (one sentence)",
}


def node_size(mentions: int, most: int) -> float:
    return 14 + 30 * math.sqrt(max(mentions, 0) / max(most, 1))


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
    for kind, rows in weighted.groupby("type", sort=False):
        style = EDGE_STYLE.get(kind, EDGE_STYLE["met"])
        for width_class, part in rows.groupby(rows["weight"].map(lambda w: min(int(w), 6))):
            xs, ys, hx, hy, hover = [], [], [], [], []
            for row in part.itertuples():
                kinds = pair_types[(row.source, row.target)]
                shift = (kinds.index(kind) - (len(kinds) - 1) / 2) * 0.018
                p, q = _offset(pos[row.source], pos[row.target], shift)
                xs += [p[0], q[0], None]
                ys += [p[1], q[1], None]
                hx.append((p[0] + q[0]) / 2)
                hy.append((p[1] + q[1]) / 2)
                hover.append(
                    f"{names.get(row.source)} – {names.get(row.target)}<br>"
                    f"{EDGE_LABEL.get(kind, kind)}: {row.weight}×"
                )
            width = 1.2 + 3.5 * (width_class - 1) / max(min(most, 6) - 1, 1)
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
                name=EDGE_LABEL[kind],
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
    pos: dict[str, tuple[float, float]],
    focus: str | None = None,
    colors: dict[str, str] | None = None,
    selected: str | None = None,
) -> go.Figure:
    """``weighted``: source, target, type, weight. ``mentions``: actor_id -> count.

    ``focus`` and ``selected`` actors get a black ring.
    """
    if weighted.empty or not pos:
        return empty_figure("No links between actors match the filters", height=420)
    info = actors.set_index("actor_id")
    names = info["name"].to_dict()
    colors = colors or country_colors(actors["country"])
    fig = go.Figure(_edge_traces(weighted, pos, names))
    nodes = pd.DataFrame([(n, x, y) for n, (x, y) in pos.items()], columns=["id", "x", "y"])
    nodes["name"] = nodes["id"].map(names).fillna(nodes["id"])
    nodes["country"] = nodes["id"].map(info["country"]).fillna("Unknown")
    nodes["mentions"] = nodes["id"].map(mentions).fillna(0).astype(int)
    nodes["group"] = legend_groups(nodes["country"], colors)
    most = int(nodes["mentions"].max())
    for i, group in enumerate(sorted(nodes["group"].unique(), key=legend_order)):
        part = nodes[nodes["group"] == group]
        ringed = [n in (focus, selected) for n in part["id"]]
        fig.add_trace(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                mode="markers+text",
                text=part["name"],
                textposition="top center",
                textfont={"size": 13, "color": "#222", "shadow": "0 0 3px #fff, 0 0 2px #fff"},
                marker={
                    "size": part["mentions"].map(lambda m: node_size(m, most)),
                    "color": group_color(group, colors),
                    "opacity": 1,
                    "line": {
                        "color": ["#000000" if r else "#ffffff" for r in ringed],
                        "width": [3.5 if r else 1 for r in ringed],
                    },
                },
                customdata=part["id"],
                name=group,
                legendgroup=f"country-{group}",
                legendgrouptitle_text="Country" if i == 0 else None,
                hovertext=[
                    f"<b>{r.name}</b> ({r.country})<br>{r.mentions} mentions"
                    "<br><i>Click to open</i>"
                    for r in part.itertuples()
                ],
                hoverinfo="text",
            )
        )
    xs, ys = nodes["x"], nodes["y"]
    pad_x, pad_y = (xs.max() - xs.min()) * 0.12 + 0.1, (ys.max() - ys.min()) * 0.12 + 0.15
    fig.update_xaxes(visible=False, range=[xs.min() - pad_x, xs.max() + pad_x])
    fig.update_yaxes(visible=False, range=[ys.min() - pad_y, ys.max() + pad_y])
    fig.update_layout(
        clickmode="event+select",
        hovermode="closest",
        dragmode="pan",
        legend={"tracegroupgap": 10, "itemsizing": "constant"},
    )
    return base_layout(fig, height=560)
