"""Shared figure helpers and the Overview's figures. Pure: DataFrames in, Figures out."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.palette import (
    ACTOR_COLOUR_TITLE,
    OKABE_ITO,
    country_colors,
    group_color,
    legend_groups,
    legend_order,
)

FONT = "Source Sans Pro, Arial, sans-serif"


class FrozenFigure(go.Figure):
    """A figure that is done: its ``to_dict`` is computed once. ``st.plotly_chart`` turns a
    figure into a dict on every rerun, a deep copy that costs more than all else a warm rerun
    of a chart does; a cached view hands the same figure to every rerun, so it is frozen once.
    Never change a frozen figure: copy it (``go.Figure(frozen)``) and change the copy."""

    _frozen_dict: dict | None = None

    def to_dict(self) -> dict:
        if self._frozen_dict is None:
            # Through JSON: plain lists and numbers, which plotly then serialises quickly.
            self._frozen_dict = json.loads(pio.to_json(super().to_dict(), validate=False))
        return self._frozen_dict


def frozen(fig: go.Figure) -> FrozenFigure:
    """``fig`` as a FrozenFigure (a copy; ``fig`` itself is left as it is)."""
    return fig if isinstance(fig, FrozenFigure) else FrozenFigure(fig)


def base_layout(fig: go.Figure, *, height: int, title: str | None = None) -> go.Figure:
    """Readable on a shared screen and in an exported PNG: titled, white, generous margins."""
    fig.update_layout(
        height=height,
        title={"text": title, "x": 0, "xanchor": "left"} if title else None,
        template="plotly_white",
        font={"family": FONT, "size": 14, "color": "#222222"},
        margin={"l": 10, "r": 10, "t": 50 if title else 10, "b": 10},
        hoverlabel={"font_size": 14},
    )
    return fig


def empty_figure(message: str, *, height: int = 240) -> go.Figure:
    """A figure that says why it is empty, instead of blank axes."""
    fig = go.Figure()
    fig.add_annotation(
        text=message,
        showarrow=False,
        font={"size": 16, "color": "#555"},
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, height=height)


def articles_per_outlet(articles: pd.DataFrame) -> go.Figure:
    if articles.empty:
        return empty_figure("No articles match the filters")
    counts = articles["outlet"].fillna("Unknown outlet").value_counts().sort_values()
    fig = go.Figure(
        go.Bar(
            x=counts.values,
            y=counts.index,
            orientation="h",
            marker_color=OKABE_ITO["blue"],
            text=counts.values,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} articles<extra></extra>",
        )
    )
    # Whole-number ticks for small counts only: dtick=1 over thousands of articles would
    # draw a tick, and measure its label, per article (half a minute in the browser).
    most = int(counts.max())
    fig.update_xaxes(title="Articles", dtick=1 if most < 10 else None, range=[0, most * 1.15 + 0.5])
    fig.update_yaxes(automargin=True)
    return base_layout(fig, height=max(220, 42 * len(counts) + 80), title="Articles per outlet")


def articles_per_month(articles: pd.DataFrame) -> go.Figure:
    dated = articles["published_dt"].dropna()
    if dated.empty:
        return empty_figure("No dated articles match the filters")
    months = dated.dt.to_period("M")
    full = pd.period_range(months.min(), months.max(), freq="M")
    counts = months.value_counts().reindex(full, fill_value=0)
    labels = [p.strftime("%b %Y") for p in counts.index]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=counts.values,
            marker_color=OKABE_ITO["sky_blue"],
            hovertemplate="%{x}: %{y} articles<extra></extra>",
        )
    )
    fig.update_xaxes(type="category", tickangle=-45 if len(labels) > 12 else 0, nticks=12)
    fig.update_yaxes(title="Articles", dtick=1 if counts.max() < 10 else None, rangemode="tozero")
    return base_layout(fig, height=300, title="Articles per month")


def top_actors(
    actors: pd.DataFrame,
    mentions: pd.DataFrame,
    n: int = 12,
    colors: dict[str, str] | None = None,
    title: str = "Top actors by mentions",
) -> go.Figure:
    """Most-mentioned actors, by name, coloured by country."""
    linked = mentions[mentions["actor_id"].isin(set(actors["actor_id"]))]
    if linked.empty:
        return empty_figure("No actor mentions match the filters")
    counts = linked.groupby("actor_id").size().nlargest(n)
    table = actors.set_index("actor_id").reindex(counts.index)
    table["n"] = counts
    table = table.iloc[::-1]
    colors = colors or country_colors(table["country"])
    table["group"] = legend_groups(table["country"], colors)
    fig = go.Figure()
    for group in sorted(table["group"].unique(), key=legend_order):
        rows = table[table["group"] == group]
        fig.add_trace(
            go.Bar(
                x=rows["n"],
                y=rows["name"],
                orientation="h",
                name=group,
                marker_color=group_color(group, colors),
                customdata=rows.index,
                text=rows["n"],
                textposition="outside",
                cliponaxis=False,
                hovertext=[f"{r.name} ({r.country}): {r.n} mentions" for r in rows.itertuples()],
                hoverinfo="text",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=list(table["name"]), automargin=True)
    fig.update_xaxes(title="Mentions", rangemode="tozero")
    base_layout(fig, height=max(280, 30 * len(table) + 170), title=title)
    fig.update_layout(
        # Below the axis title, whatever the chart's height.
        legend={
            "title": ACTOR_COLOUR_TITLE,
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
        },
        margin={"b": 75},
    )
    return fig
