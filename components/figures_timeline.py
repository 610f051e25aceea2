"""The timeline figure: events on a date axis in lanes. Pure.

Encodings, all in the legend: colour = country (Okabe–Ito); filled marker = held, open marker
= planned; circle = exact day, diamond + pale bar over the month = only the month is known;
a thick bar = a multi-day event; marker size = number of reporting articles.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures import base_layout, empty_figure
from components.model import precision_label
from components.palette import country_colors, group_color, legend_groups, legend_order, tint

KEY_GREY = "#555555"
LANE_GAP = 0.4  # vertical distance between overlapping events in one lane
RANGE_BUTTONS = {
    "buttons": [
        {"count": 1, "label": "1 month", "step": "month", "stepmode": "backward"},
        {"count": 3, "label": "3 months", "step": "month", "stepmode": "backward"},
        {"count": 1, "label": "1 year", "step": "year", "stepmode": "backward"},
        {"step": "all", "label": "All"},
    ],
    "x": 0,
    "y": 1.02,
    "yanchor": "bottom",
}


def marker_size(n_sources: int, most: int = 5) -> float:
    """12 px for one report, 32 px for the most-reported event in view (or five reports):
    relative, so that a large corpus, where the events drawn all have dozens of reports,
    still shows which have the most."""
    share = (max(int(n_sources), 1) - 1) / max(int(most) - 1, 1)
    return 12 + 20 * min(share, 1.0) ** 0.5


def _symbol(precision: str, status: str) -> str:
    shape = "circle" if precision == "day" else "diamond"
    return f"{shape}-open" if status == "planned" else shape


def hover_text(ev, countries: dict[str, str]) -> str:
    people = ", ".join(
        f"{name} ({countries.get(pid, '?')})"
        for pid, name in zip(ev.participants, ev.participant_names, strict=True)
    )
    when = precision_label(ev.start, ev.end, ev.date_precision)
    exact = {"day": "exact day", "month": "month known, not the day", "year": "year only"}
    sources = f"{ev.n_sources} reporting article{'s' if ev.n_sources != 1 else ''}"
    return (
        f"<b>{str(ev.type).capitalize()}</b> · {when} ({exact.get(ev.date_precision, '?')})"
        f"<br>{people or 'participants unknown'}<br>Place: {ev.place or 'not reported'}"
        f"<br>{str(ev.status).capitalize()} · {sources}<br><i>Click for the evidence</i>"
    )


TYPE_ORDER = ("Visit", "Meeting", "Talks", "Call", "Summit")


def _lane_order(lane: str) -> tuple[int, str]:
    return (TYPE_ORDER.index(lane) if lane in TYPE_ORDER else len(TYPE_ORDER), lane)


def _slots(dated: pd.DataFrame, gap: pd.Timedelta) -> list[int]:
    """Greedy packing: an event goes to the first row of its lane that is free at its start."""
    ends_by_lane: dict[str, list[pd.Timestamp]] = {}
    slots = []
    for row in dated.itertuples():
        ends = ends_by_lane.setdefault(row.lane, [])
        slot = next((i for i, end in enumerate(ends) if row.start > end + gap), len(ends))
        ends[slot : slot + 1] = [row.end]
        slots.append(slot)
    return slots


def lane_rows(events: pd.DataFrame, lanes: str) -> pd.DataFrame:
    """One row per drawn event: its lane, colour country and vertical position ``y``.

    Events that would overlap in a lane are stacked; lanes grow to fit their stacks, and
    ``lane_y`` is where the lane's label goes.
    """
    dated = events[events["start"].notna()].copy()
    if dated.empty:
        return dated.assign(colour_country=[], lane=[], slot=[], y=[], lane_y=[])
    if lanes == "country":
        dated["colour_country"] = dated["countries"].map(lambda c: c or ["Unknown"])
        dated = dated.explode("colour_country")
        dated["lane"] = dated["colour_country"]
    else:
        dated["colour_country"] = dated["country"]
        dated["lane"] = dated["type"].str.capitalize()
    dated = dated.sort_values(["lane", "start", "event_id"]).reset_index(drop=True)
    span = dated["end"].max() - dated["start"].min()
    dated["slot"] = _slots(dated, max(span * 0.03, pd.Timedelta(days=1)))
    base, bases = 0.0, {}
    for lane in sorted(dated["lane"].unique(), key=_lane_order):  # first lane at the top
        bases[lane] = base
        base += dated.loc[dated["lane"] == lane, "slot"].max() * LANE_GAP + 1
    dated["y"] = dated["lane"].map(bases).astype(float) + dated["slot"] * LANE_GAP
    dated["lane_y"] = dated.groupby("lane")["y"].transform(lambda y: (y.min() + y.max()) / 2)
    return dated


def _span_trace(rows: pd.DataFrame, color: str, width: int, alpha: float, name: str) -> go.Scatter:
    xs, ys = [], []
    for row in rows.itertuples():
        xs += [row.start, row.end + pd.Timedelta(hours=23), None]
        ys += [row.y, row.y, None]
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": tint(color, alpha), "width": width},
        hoverinfo="skip",
        showlegend=False,
        legendgroup=name,
    )


def _country_traces(rows: pd.DataFrame, country: str, color: str, countries) -> list[go.Scatter]:
    traces = []
    multi = rows[(rows["date_precision"] == "day") & (rows["end"] > rows["start"])]
    vague = rows[rows["date_precision"].isin(["month", "year"])]
    if len(multi):
        traces.append(_span_trace(multi, color, 9, 0.75, country))
    if len(vague):
        traces.append(_span_trace(vague, color, 16, 0.22, country))
    for (precision, status), part in rows.groupby(["date_precision", "status"], sort=True):
        vague_part = precision in ("month", "year")
        x = part["start"] + (part["end"] - part["start"]) / 2 if vague_part else part["start"]
        traces.append(
            go.Scatter(
                x=x,
                y=part["y"],
                mode="markers+text" if vague_part else "markers",
                text=[precision_label(r.start, r.end, precision) for r in part.itertuples()]
                if vague_part
                else None,
                textposition="top center",
                textfont={"color": color, "size": 12},
                marker={
                    "symbol": _symbol(precision, status),
                    "size": part["size"],
                    "color": color,
                    "opacity": 1,
                    "line": {"color": color, "width": 2.5},
                },
                customdata=part["event_id"],
                hovertext=[hover_text(r, countries) for r in part.itertuples()],
                hoverinfo="text",
                name=country,
                legendgroup=country,
                showlegend=False,
            )
        )
    return traces


def _legend_key(country_names: list[str], colors: dict[str, str]) -> list[go.Scatter]:
    """Legend-only traces: one per country, then what the shapes mean."""

    def entry(name, group, title=None, **marker):
        return go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=name,
            legendgroup=group,
            legendgrouptitle_text=title,
            marker={"size": 12, **marker},
        )

    items = [
        entry(c, c, "Country" if i == 0 else None, color=group_color(c, colors), symbol="circle")
        for i, c in enumerate(country_names)
    ]
    grey = {"color": KEY_GREY, "line": {"color": KEY_GREY, "width": 2.5}}
    items += [
        entry("Held, exact day", "Key", "Key", symbol="circle", **grey),
        entry("Planned", "Key", symbol="circle-open", **grey),
        entry("Month only (bar = the month)", "Key", symbol="diamond", **grey),
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            name="Multi-day",
            legendgroup="Key",
            line={"color": KEY_GREY, "width": 9},
        ),
    ]
    return items


def _lane_bands(fig: go.Figure, rows: pd.DataFrame) -> None:
    """A pale band behind every other lane, so a mark reads against its lane label."""
    spans = rows.groupby("lane")["y"].agg(["min", "max"]).sort_values("min")
    for i, (low, high) in enumerate(zip(spans["min"], spans["max"], strict=True)):
        if i % 2 == 0:
            fig.add_shape(
                type="rect",
                xref="paper",
                x0=0,
                x1=1,
                y0=low - 0.5,
                y1=high + 0.5,
                fillcolor="#f3f3f3",
                line_width=0,
                layer="below",
            )


def _selected_trace(rows: pd.DataFrame, selected: str) -> go.Scatter:
    """A black ring around the event whose evidence is open."""
    part = rows[rows["event_id"] == selected]
    vague = part["date_precision"].isin(["month", "year"])
    x = part["start"].where(~vague, part["start"] + (part["end"] - part["start"]) / 2)
    return go.Scatter(
        x=x,
        y=part["y"],
        mode="markers",
        hoverinfo="skip",
        showlegend=False,
        marker={
            "symbol": "circle-open",
            "color": "#000000",
            "opacity": 1,
            "size": part["size"] + 14,
            "line": {"width": 3, "color": "#000000"},
        },
    )


def timeline_figure(
    events: pd.DataFrame,
    lanes: str = "type",
    colors: dict[str, str] | None = None,
    selected: str | None = None,
) -> go.Figure:
    """Events on a date axis in lanes by event type or by country; customdata = event_id."""
    rows = lane_rows(events, lanes)
    if rows.empty:
        return empty_figure("No dated events match the filters")
    colors = colors or country_colors(rows["colour_country"])
    rows["group"] = legend_groups(rows["colour_country"], colors)
    most = max(5, int(rows["n_sources"].max()))
    rows["size"] = rows["n_sources"].map(lambda n: marker_size(n, most))
    participant_country = {
        pid: c
        for ev in events.itertuples()
        for pid, c in zip(ev.participants, ev.participant_countries, strict=True)
    }
    fig = go.Figure()
    groups = sorted(rows["group"].unique(), key=legend_order)
    for group in groups:
        part = rows[rows["group"] == group]
        for trace in _country_traces(part, group, group_color(group, colors), participant_country):
            fig.add_trace(trace)
    if selected:
        fig.add_trace(_selected_trace(rows, selected))
    for trace in _legend_key(groups, colors):
        fig.add_trace(trace)
    ticks = rows.drop_duplicates("lane")
    _lane_bands(fig, rows)
    # Room for a month's label ("March 2023") centred on the first or last month.
    pad = max((rows["end"].max() - rows["start"].min()) * 0.08, pd.Timedelta(days=12))
    fig.update_xaxes(
        range=[rows["start"].min() - pad, rows["end"].max() + pad],
        showgrid=True,
        gridcolor="#e6e6e6",
        rangeselector=RANGE_BUTTONS,
    )
    fig.update_yaxes(
        tickvals=ticks["lane_y"],
        ticktext=ticks["lane"],
        showgrid=False,
        range=[rows["y"].max() + 0.7, -0.7],
        zeroline=False,
        automargin=True,
    )
    fig.update_layout(
        legend={"groupclick": "toggleitem", "tracegroupgap": 10},
        clickmode="event+select",
        dragmode="pan",
        hovermode="closest",
    )
    return base_layout(fig, height=int(max(150 + 75 * (rows["y"].max() + 1), 360)))
