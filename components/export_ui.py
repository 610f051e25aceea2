"""A chart with its export buttons (PNG, SVG, PDF, HTML, CSV), in normal and briefing mode.

The files are built only when a button is clicked: ``st.download_button`` takes a callable
``data`` in Streamlit 1.67, run on click. Without a Chrome on the server the static formats
fall back to the chart's own camera button (browser-side PNG), and a caption says so.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.briefing_ui import is_briefing
from dashboard import chart_export
from dashboard.figures.presentation import for_briefing
from dashboard.filtering import Filters

FORMATS = {
    "png": ("PNG", "image/png"),
    "svg": ("SVG", "image/svg+xml"),
    "pdf": ("PDF", "application/pdf"),
    "html": ("HTML", "text/html"),
    "csv": ("CSV", "text/csv"),
}


def plotly_config(name: str) -> dict:
    """The chart's toolbar: its camera button saves a 3× PNG with a meaningful file name."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": chart_export.filename(name, "png")[: -len(".png")],
            "width": chart_export.WIDTH // 2,
            "height": None,
            "scale": 3,
        },
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    }


def export_buttons(
    fig: go.Figure, name: str, text: str, key: str, table: chart_export.Table | None = None
) -> None:
    """A row of download buttons; each file is rendered when its button is clicked."""
    static = chart_export.chrome_path() is not None
    with st.container(horizontal=True, gap="small", key=f"export_{key}"):
        for fmt, (label, mime) in FORMATS.items():
            if fmt in chart_export.STATIC_FORMATS and not static:
                continue
            st.download_button(
                label,
                partial(chart_export.render, fig, fmt, text, name, table),
                file_name=chart_export.filename(name, fmt),
                mime=mime,
                key=f"dl_{key}_{fmt}",
                icon=":material/download:",
                type="tertiary",
                on_click="ignore",
                help=f"Download this chart as {label}, with its sources and filters",
            )
    if not static:
        st.caption(
            "PNG, SVG and PDF need Chrome on the server, which is missing: use the camera "
            "icon in the chart's toolbar for a PNG."
        )


def chart(
    fig: go.Figure,
    *,
    key: str,
    name: str,
    articles: pd.DataFrame | None = None,
    filters: Filters,
    names: dict[str, str] | None = None,
    sources: str | None = None,
    table: chart_export.Table | None = None,
    **kwargs,
):
    """The chart at full width, restyled in briefing mode, with export buttons otherwise.

    ``articles`` are the articles behind the chart (or ``sources``, their citation already
    written by ``chart_export.sources_text``); with ``filters`` they make its caption.
    ``table`` is the table behind the chart for its CSV (a DataFrame, or a callable run only
    when the CSV button is clicked); without one the CSV lists the plotted points.
    """
    briefing = is_briefing()
    shown = for_briefing(fig) if briefing else fig
    event = st.plotly_chart(shown, width="stretch", config=plotly_config(name), key=key, **kwargs)
    if not briefing:
        if sources is None:
            sources = chart_export.sources_text(articles)
        text = chart_export.cited(sources, filters, names)
        export_buttons(fig, name, text, key, table)
    return event
