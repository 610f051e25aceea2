"""Chart exports: PNG, SVG, PDF (kaleido + a server-side Chrome), HTML and CSV. Pure.

Every exported figure carries a title and a caption inside it, at the bottom: the sources
(outlets and dates of the articles behind the chart) and the active filters. The CSV is the
table behind the chart when the chart gives one (one row per event, per month, per link, with
names rather than ids); otherwise, as a fallback, one row per plotted point (trace, x, y and,
where present, label and id). No comment lines, so ``pd.read_csv`` reads it back as is; its
provenance travels in the file name and in the other formats' caption.
"""

from __future__ import annotations

import os
import shutil
import textwrap
import threading
import warnings
from collections.abc import Callable
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.filtering import Filters

STATIC_FORMATS = ("png", "svg", "pdf")
WIDTH, HEIGHT, SCALE = 1600, 900, 2  # PNG: 3200 × 1800 pixels
HTML_WIDTH = 1000  # an HTML export is as wide as its window: its caption wraps for a laptop
CAPTION_SIZE = 12
# Titles of the exported charts whose figure has none (it sits under the page's heading).
TITLES = {"network": "Actor network: who is linked to whom, by kind of link"}
Table = pd.DataFrame | Callable[[], pd.DataFrame]
_KALEIDO = threading.RLock()  # one headless Chrome at a time


def chrome_path() -> str | None:
    """A Chrome/Chromium for kaleido: $BROWSER_PATH, else one on the PATH, else None."""
    env = os.environ.get("BROWSER_PATH")
    if env and os.path.exists(env):
        return env
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def filename(name: str, ext: str, day: date | None = None) -> str:
    """``readout-timeline-2025-03-28.png``: what, and the day it was exported."""
    return f"readout-{name}-{(day or date.today()).isoformat()}.{ext}"


def _day(value) -> str:
    ts = pd.to_datetime(value, errors="coerce")
    return "undated" if pd.isna(ts) else ts.strftime("%-d %b %Y")


def sources_text(articles: pd.DataFrame, limit: int = 8) -> str:
    """ "Sources: EWN 1 Apr 2025; The Moscow Times 28 Mar 2025; … and 3 more"."""
    if articles is None or articles.empty:
        return "Sources: none"
    # Distinct (outlet, day) pairs first: a large snapshot has far fewer than articles.
    pairs = pd.DataFrame(
        {
            "outlet": articles["outlet"].fillna("Unknown outlet").replace("", "Unknown outlet"),
            "day": articles["published"],
        }
    ).drop_duplicates()
    pairs["day"] = pd.to_datetime(pairs["day"], errors="coerce", format="mixed")
    pairs = pairs.drop_duplicates().sort_values(
        ["day", "outlet"], na_position="last", kind="stable"
    )
    items = [f"{outlet} {_day(day)}" for outlet, day in pairs.head(limit).itertuples(index=False)]
    more = len(pairs) - limit
    return "Sources: " + "; ".join(items) + (f"; … and {more} more" if more > 0 else "")


def filters_text(filters: Filters, names: dict[str, str] | None = None) -> str:
    """The active filters in words, or "no filters"."""
    names = names or {}
    parts = []
    if filters.start or filters.end:
        parts.append(f"dates {filters.start or '…'} to {filters.end or '…'}")
    for label, values in (
        ("actors", [names.get(a, a) for a in filters.actors]),
        ("countries", filters.countries),
        ("event types", filters.event_types),
        ("themes", filters.themes),
        ("outlets", filters.outlets),
    ):
        if values:
            parts.append(f"{label} {', '.join(values)}")
    if filters.text:
        parts.append(f'search "{filters.text}"')
    return "Filters: " + ("; ".join(parts) if parts else "none")


def caption(articles: pd.DataFrame, filters: Filters, names: dict[str, str] | None = None) -> str:
    return cited(sources_text(articles), filters, names)


def cited(sources: str, filters: Filters, names: dict[str, str] | None = None) -> str:
    """The caption of an exported chart: its sources, the filters, and the tool."""
    return f"{sources}. {filters_text(filters, names)}. Readout."


def with_caption(fig: go.Figure, text: str, width: int = WIDTH) -> go.Figure:
    """A copy of ``fig`` with ``text`` wrapped at the bottom, the margin grown to hold it."""
    out = go.Figure(fig)
    per_line = max(60, int(width / (CAPTION_SIZE * 0.55)))
    lines = textwrap.wrap(text, per_line) or [""]
    room = (CAPTION_SIZE + 6) * len(lines) + 12
    out.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-(out.layout.margin.b or 10) - 40,
        align="left",
        showarrow=False,
        font={"size": CAPTION_SIZE, "color": "#333333"},
        name="readout-caption",
    )
    margin_b = (out.layout.margin.b or 10) + room + 40
    height = (out.layout.height or 400) + room + 40
    legend = out.layout.legend
    if legend.yref == "container" and legend.y is not None and legend.y < 0.5:
        # A legend pinned to the figure's bottom edge would sit on the caption: keep it
        # where it was, above the new strip.
        old = out.layout.height or 400
        out.update_layout(legend_y=(legend.y * old + room + 40) / height)
    out.update_layout(margin_b=margin_b, height=height)
    return out


def _column(values, n: int) -> list:
    if values is None or isinstance(values, str | int | float):
        return [values] * n if values is not None else [None] * n
    return list(values)


def figure_table(fig: go.Figure) -> pd.DataFrame:
    """The plotted data: one row per point of every trace that draws data (legend keys skipped).

    Columns: trace, x, y, and label / id when the traces carry text / customdata.
    """
    frames = []
    for i, trace in enumerate(fig.data):
        xs, ys = getattr(trace, "x", None), getattr(trace, "y", None)
        if xs is None or ys is None or trace.type not in ("bar", "scatter"):
            continue
        if getattr(trace, "mode", None) == "lines" and getattr(trace, "hoverinfo", "") == "skip":
            continue  # decoration: month bars, span bars, edges
        frame = pd.DataFrame({"trace": trace.name or f"trace {i}", "x": list(xs), "y": list(ys)})
        frame = frame.dropna(subset=["x", "y"], how="all")
        if frame.empty:
            continue
        text, ids = getattr(trace, "text", None), getattr(trace, "customdata", None)
        if text is not None:
            frame["label"] = [_column(text, len(xs))[j] for j in frame.index]
        if ids is not None:
            frame["id"] = [_column(ids, len(xs))[j] for j in frame.index]
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["trace", "x", "y"])
    return pd.concat(frames, ignore_index=True)


def to_csv(fig: go.Figure) -> bytes:
    return figure_table(fig).to_csv(index=False).encode("utf-8")


def table_csv(table: Table) -> bytes:
    """A reporter's table (or what a callable returns) as CSV, lists joined with "; "."""
    flat = (table() if callable(table) else table).copy()
    for column in flat.columns:
        if flat[column].map(lambda v: isinstance(v, list | tuple)).any():
            flat[column] = flat[column].map(
                lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    return flat.to_csv(index=False).encode("utf-8")


def to_html(fig: go.Figure, title: str = "Readout chart") -> bytes:
    """A self-contained interactive page: plotly.js inlined, works offline."""
    html = fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False})
    return html.replace("<head>", f"<head><title>{title}</title>", 1).encode("utf-8")


def to_image(
    fig: go.Figure, fmt: str, width: int = WIDTH, height: int | None = None, scale: float = SCALE
) -> bytes:
    """PNG, SVG or PDF bytes through kaleido; raises RuntimeError without a Chrome."""
    browser = chrome_path()
    if not browser:
        raise RuntimeError("No Chrome or Chromium on the server for static export")
    os.environ.setdefault("BROWSER_PATH", browser)
    height = height or int(fig.layout.height or HEIGHT)
    with _KALEIDO, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return fig.to_image(format=fmt, width=width, height=height, scale=scale)


def to_images(figs: list[go.Figure], fmt: str, width: int = WIDTH, scale: float = 1) -> list[bytes]:
    """Several figures through one Chrome (kaleido's server): a second each, not four."""
    import kaleido

    if not chrome_path():
        raise RuntimeError("No Chrome or Chromium on the server for static export")
    with _KALEIDO:
        kaleido.start_sync_server(silence_warnings=True)
        try:
            return [to_image(fig, fmt, width=width, scale=scale) for fig in figs]
        finally:
            kaleido.stop_sync_server(silence_warnings=True)


def title_of(fig: go.Figure, name: str) -> str:
    """The figure's own title, else a title for the chart called ``name``."""
    own = fig.layout.title.text if fig.layout.title else None
    return own or TITLES.get(name) or name.replace("-", " ").capitalize()


def export_figure(fig: go.Figure, text: str, name: str = "", width: int = WIDTH) -> go.Figure:
    """The figure as exported: titled, its caption at the bottom, no range buttons."""
    out = with_caption(fig, text, width)
    out.update_xaxes(rangeselector_visible=False)
    if not (fig.layout.title and fig.layout.title.text):
        top = max(out.layout.margin.t or 0, 60)
        out.update_layout(title={"text": title_of(fig, name), "x": 0, "xanchor": "left"})
        out.update_layout(margin_t=top, height=(out.layout.height or 400) + top - 10)
    return out


def render(fig: go.Figure, fmt: str, text: str, name: str, table: Table | None = None) -> bytes:
    """One export format of ``fig`` with its caption ``text``; the CSV is ``table`` when
    the chart gives one, else the plotted points."""
    if fmt == "csv":
        return table_csv(table) if table is not None else to_csv(fig)
    if fmt == "html":
        captioned = export_figure(fig, text, name, HTML_WIDTH)
        return to_html(captioned, f"Readout · {title_of(fig, name)}")
    captioned = export_figure(fig, text, name)
    return to_image(captioned, fmt, scale=SCALE if fmt == "png" else 1)
