"""Statement figures: the speaker × theme matrix, and statements per month. Pure: a table
in, a Figure out.

The matrix is drawn as square markers (not a heatmap trace) so a click on a cell can be
selected in Streamlit; customdata = "speaker_id|theme".
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.compare import NO_THEME
from dashboard.figures.base import base_layout, empty_figure
from dashboard.palette import country_colors, group_color, legend_groups, legend_order
from dashboard.text import theme_label

# Sequential, colour-blind-safe: light to dark blue.
SCALE = [[0.0, "#deebf7"], [0.5, "#6baed6"], [1.0, "#08306b"]]


def theme_matrix_figure(matrix: pd.DataFrame) -> go.Figure:
    """Rows speakers (most statements on top), columns themes, colour and label = count."""
    if matrix.empty:
        return empty_figure("No statements with a known speaker match the filters")
    speakers = matrix.groupby("speaker")["n"].sum().sort_values(ascending=True).index.tolist()
    totals = matrix.groupby("theme")["n"].sum()
    themes = sorted(totals.index, key=lambda t: (t == NO_THEME, -totals[t], t))
    most = int(matrix["n"].max())
    size = 44 if len(themes) <= 10 else 30
    fig = go.Figure(
        go.Scatter(
            x=matrix["theme"].map(theme_label),
            y=matrix["speaker"],
            mode="markers+text",
            text=matrix["n"],
            textfont={
                "color": ["#000" if n < most * 0.6 else "#fff" for n in matrix["n"]],
                "size": 14,
            },
            marker={
                "symbol": "square",
                "size": size,
                "color": matrix["n"],
                "colorscale": SCALE,
                "cmin": 0,
                "cmax": most,
                "opacity": 1,
                "line": {"width": 1, "color": "#fff"},
                "colorbar": {
                    "title": "Statements",
                    "thickness": 12,
                    "len": 0.8,
                    "dtick": 1 if most <= 10 else None,
                },
            },
            customdata=matrix["speaker_id"] + "|" + matrix["theme"],
            hovertemplate="%{y} on %{x}: %{text} statement(s)<br><i>Click to read them</i>"
            "<extra></extra>",
        )
    )
    fig.update_xaxes(
        categoryorder="array",
        categoryarray=[theme_label(t) for t in themes],
        side="top",
        showgrid=False,
        tickangle=0 if len(themes) <= 6 else -35,
    )
    fig.update_yaxes(categoryorder="array", categoryarray=speakers, showgrid=False, automargin=True)
    fig.update_layout(clickmode="event+select", dragmode=False)
    return base_layout(fig, height=max(260, 56 * len(speakers) + 140))


MONTH = "%b %Y"  # the label of a month on the axis and in the hover: "Mar 2025"
MIN_SLOTS = 6  # a single month is one bar among empty slots, not a bar as wide as the chart


def month_labels(days: pd.Series) -> list[str]:
    """Every month from the first to the last of ``days``, gaps included, as "Mar 2025"."""
    months = days.dt.to_period("M")
    return [p.strftime(MONTH) for p in pd.period_range(months.min(), months.max(), freq="M")]


def month_axis(fig: go.Figure, labels: list[str]) -> go.Figure:
    """A category axis of whole months: one slot per month, whatever the data range. (A date
    axis guesses its ticks from the range: hours for one month, weeks for a few.)"""
    pad = max(MIN_SLOTS - len(labels), 0) / 2
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels,
        range=[-0.5 - pad, len(labels) - 0.5 + pad],
        nticks=12,
        showgrid=False,
    )
    return fig


def statements_over_time(
    statements: pd.DataFrame, colors: dict[str, str] | None = None
) -> go.Figure:
    """Statements per month, stacked by the speaker's country, on a month axis."""
    dated = statements[statements["date_dt"].notna()]
    if dated.empty:
        return empty_figure("No dated statements match the filters")
    colors = colors or country_colors(dated["speaker_country"])
    month = dated["date_dt"].dt.to_period("M")  # formatted per month, not per statement
    group = legend_groups(dated["speaker_country"], colors)
    counts = dated.assign(month=month, group=group).groupby(["group", "month"]).size()
    fig = go.Figure()
    for name in sorted(counts.index.get_level_values(0).unique(), key=legend_order):
        series = counts.loc[name]
        fig.add_trace(
            go.Bar(
                x=[p.strftime(MONTH) for p in series.index],
                y=series.values,
                name=name,
                marker_color=group_color(name, colors),
                hovertemplate=f"{name}: %{{y}} statement(s) in %{{x}}<extra></extra>",
            )
        )
    most = counts.groupby(level="month").sum().max()  # the tallest stack
    fig.update_layout(barmode="stack", legend={"title": "Speaker's country"})
    fig.update_yaxes(title="Statements", rangemode="tozero", dtick=1 if most < 8 else None)
    month_axis(fig, month_labels(dated["date_dt"]))
    return base_layout(fig, height=300, title="Statements per month, by the speaker's country")
