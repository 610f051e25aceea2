"""The timeline figure: events on a date axis in lanes, each event drawn once. Pure.

Encodings, all in the legend: colour = the country of the event's first participant
(Okabe–Ito); filled marker = held, open marker = planned, pale fill = a day worked out
("on Tuesday", "the same day"), not stated; circle = exact day, diamond + pale
bar over the month = only the month is known; a thick bar from the first to the last day = a
multi-day event; marker size = number of reporting articles. Each mark is labelled with who
took part and the type ("Wang Yi – Sergei Lavrov · talks"); on a crowded chart only the
most-reported ``LABELLED`` are, and the subtitle says so.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.base import base_layout, empty_figure
from dashboard.figures.timeline_hover import hover_text, worked_out  # noqa: F401 (re-exported)
from dashboard.figures.timeline_rows import LANE_MEANING, PLOT_PX, lane_rows, x_range  # noqa: F401 (re-exported)
from dashboard.palette import country_colors, group_color, legend_groups, legend_order, tint

KEY_GREY = "#555555"
ROW_PX = 64  # one row of a lane: the largest marker (32 px) and a two-line label above it
LABEL_SIZE = 12
MARGIN_T, MARGIN_B = 100, 110  # title, subtitle and range buttons; dates and the key
KEY_PX = 52  # the key: two lines at the page's width
COLOUR_TITLE = "Colour: country of the first participant"
RANGE_BUTTONS = {
    "buttons": [
        {"count": 1, "label": "1 month", "step": "month", "stepmode": "backward"},
        {"count": 3, "label": "3 months", "step": "month", "stepmode": "backward"},
        {"count": 1, "label": "1 year", "step": "year", "stepmode": "backward"},
        {"step": "all", "label": "All"},
    ],
    "x": 0,
    "y": 1.0,
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


def _mark_traces(
    part: pd.DataFrame, key: tuple[str, str, bool], color: str, group, countries
) -> go.Scatter:
    """The markers of one colour, precision, status and date basis, labelled above."""
    precision, status, inferred = key
    return go.Scatter(
        x=part["x"],
        y=part["y"],
        mode="markers+text",
        text=part["shown_label"],
        textposition="top center",
        textfont={"color": "#222222", "size": LABEL_SIZE},
        marker={
            "symbol": _symbol(precision, status),
            "size": part["size"],
            "color": tint(color, 0.35) if inferred else color,
            "opacity": 1,
            "line": {"color": color, "width": 2.5},
        },
        customdata=part["event_id"],
        hovertext=[hover_text(r, countries) for r in part.itertuples()],
        hoverinfo="text",
        name=group,
        legendgroup=group,
        showlegend=False,
        cliponaxis=False,
    )


def _country_traces(rows: pd.DataFrame, group: str, color: str, countries) -> list[go.Scatter]:
    traces = []
    multi = rows[(rows["date_precision"] == "day") & (rows["end"] > rows["start"])]
    vague = rows[rows["date_precision"].isin(["month", "year"])]
    if len(multi):
        traces.append(_span_trace(multi, color, 10, 0.85, group))
    if len(vague):
        traces.append(_span_trace(vague, color, 16, 0.22, group))
    inferred = rows["date_basis"].map(worked_out) if "date_basis" in rows else False
    for (precision, status, guess), part in rows.assign(inferred=inferred).groupby(
        ["date_precision", "status", "inferred"], sort=True, dropna=False
    ):
        traces.append(_mark_traces(part, (precision, status, guess), color, group, countries))
    return traces


def _entry(name: str, legend: str, mode: str = "markers", **style) -> go.Scatter:
    return go.Scatter(x=[None], y=[None], mode=mode, name=name, legend=legend, **style)


def _legend_key(country_names: list[str], colors: dict[str, str]) -> list[go.Scatter]:
    """Legend-only traces: the shapes (first legend), then one per country (second)."""
    grey = {"size": 12, "color": KEY_GREY, "line": {"color": KEY_GREY, "width": 2.5}}
    items = [
        _entry("Held, exact day", "legend", marker={**grey, "symbol": "circle"}),
        _entry(
            "Day worked out, not stated",
            "legend",
            marker={**grey, "symbol": "circle", "color": tint(KEY_GREY, 0.35)},
        ),
        _entry("Planned", "legend", marker={**grey, "symbol": "circle-open"}),
        _entry("Month only (bar = the month)", "legend", marker={**grey, "symbol": "diamond"}),
        _entry(
            "Multi-day (bar = its days)", "legend", "lines", line={"color": KEY_GREY, "width": 9}
        ),
        _entry("Size = reporting articles", "legend", marker={**grey, "size": 20}),
    ]
    return items + [
        _entry(c, "legend2", marker={"size": 12, "color": group_color(c, colors)})
        for c in country_names
    ]


def _legends(fig: go.Figure, plot_px: int, n_colours: int) -> None:
    """Two legends under the dates, across the chart, so the plot keeps the page's width for
    the labels: the key to the shapes, then what the colours mean. Their entries only
    explain (clicking one would hide a key, not the events)."""
    common = {
        "orientation": "h",
        "x": 0,
        "xanchor": "left",
        "yanchor": "top",
        "itemclick": False,
        "itemdoubleclick": False,
        "traceorder": "normal",  # one row, not a column per legend group of the marks
        # Set, not inherited: Streamlit's theme restyles the first legend, not the second.
        "font": {"size": 13, "color": "#222222"},
        "title": {"side": "left", "font": {"size": 14, "color": "#222222"}},
    }
    fig.update_layout(
        legend={**common, "title": {**common["title"], "text": "Key:"}, "y": -34 / plot_px},
        legend2={
            **common,
            "title": {**common["title"], "text": f"{COLOUR_TITLE}:"},
            "y": -(34 + KEY_PX) / plot_px,
        },
        margin_b=MARGIN_B + 22 * _colour_rows(n_colours),
    )


def _colour_rows(n: int) -> int:
    """Lines the colour legend takes at the page's width."""
    return 1 + (len(COLOUR_TITLE) * 7 + 110 * n) // PLOT_PX


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
    return go.Scatter(
        x=part["x"],
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


def _span_words(rows: pd.DataFrame) -> str:
    first, last = rows["start"].min(), rows["end"].max()
    if first.year != last.year:
        return f"{first:%b %Y} – {last:%b %Y}"
    return f"{first:%b} – {last:%b %Y}" if first.month != last.month else f"{last:%B %Y}"


def subtitle(rows: pd.DataFrame, lanes: str) -> str:
    """What the lanes mean and which marks carry a label."""
    labelled, n = int(rows["labelled"].sum()), len(rows)
    marks = (
        f"every event labelled ({n})"
        if labelled == n
        else f"labels on the {labelled} most-reported of {n} events (hover for the others)"
    )
    return f"Lanes: {LANE_MEANING[lanes]}; {marks}"


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
    rows["shown_label"] = rows["label"].where(rows["labelled"], "")
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
    _lane_bands(fig, rows)
    _axes(fig, rows)
    fig.update_layout(
        clickmode="event+select",
        dragmode="pan",
        hovermode="closest",
    )
    plot_px = int(max(ROW_PX * (rows["y"].max() + 1.5), 240))
    title = f"Diplomatic events, {_span_words(rows)}"
    base_layout(fig, height=plot_px + MARGIN_T + MARGIN_B, title=title)
    fig.update_layout(
        title_subtitle_text=subtitle(rows, lanes),
        margin_t=MARGIN_T,
        title_y=0.99,
        title_yref="container",
    )
    _legends(fig, plot_px, len(groups))
    fig.update_layout(height=plot_px + MARGIN_T + fig.layout.margin.b)
    return fig


def _axes(fig: go.Figure, rows: pd.DataFrame) -> None:
    ticks = rows.drop_duplicates("lane")
    fig.update_xaxes(
        range=x_range(rows),  # room for the labels of the first and last events
        showgrid=True,
        gridcolor="#e6e6e6",
        rangeselector=RANGE_BUTTONS,
    )
    fig.update_yaxes(
        tickvals=ticks["lane_y"],
        ticktext=ticks["lane"],
        showgrid=False,
        range=[rows["y"].max() + 0.7, -0.8],
        zeroline=False,
        automargin=True,
    )
