"""The briefing pack: a briefing's views as one self-contained HTML file and as a PDF. Pure.

Each view gets what its page draws (rebuilt from the saved URL state by the page's own lead,
``pages.saved.view_chart``): the lead chart, and the compared quotes of a Statements view
or the list of an Articles view; its title, its speaker note and the cited articles (outlet,
date, title, URL). The HTML has interactive charts with plotly.js inlined once (works
offline); the PDF is the same content with static SVG charts, printed by the server's
Chromium, one page per view.
"""

from __future__ import annotations

import base64
import html
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from plotly.offline import get_plotlyjs

from dashboard import chart_export
from dashboard.briefing.store import Briefing, View, resolved
from dashboard.model import Snapshot, actor_names
from dashboard.pages.registry import BY_URL
from dashboard.pages.saved import ViewChart, view_chart

PDF_CITATIONS = 6  # per page, so a view always fits on one page
CSS = """
body { font-family: 'Source Sans Pro', Arial, sans-serif; color: #111; margin: 2rem auto;
       max-width: 1200px; line-height: 1.4; }
h1 { font-size: 2rem; margin-bottom: .2rem; }
section { margin: 2.5rem 0; page-break-after: always; break-after: page; }
section:last-child { page-break-after: auto; break-after: auto; }
h2 { font-size: 1.5rem; margin: 0 0 .3rem; }
.meta, .caption { color: #444; font-size: .9rem; }
.note { border-left: 4px solid #0072B2; padding: .3rem .8rem; background: #f2f7fb; }
ol.cites { padding-left: 1.4rem; font-size: .95rem; } ol.cites li { margin-bottom: .35rem; }
a { color: #0057a3; }
img.chart { width: 100%; max-height: 150mm; object-fit: contain; object-position: top left; }
table.quotes, table.list { border-collapse: collapse; width: 100%; margin: .8rem 0; }
table.quotes th, table.quotes td, table.list td, table.list th { text-align: left;
  vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
table.quotes th.theme { background: #f4f4f4; font-size: .95rem; }
table.quotes td { width: 25%; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { margin: 0; height: 188mm; overflow: hidden; }
  h1.pack { display: none; }
  .grid { display: grid; grid-template-columns: 3fr 2fr; gap: 6mm; }
  ol.cites { font-size: 8.5pt; } h3 { font-size: 11pt; margin: .5rem 0 .2rem; }
  .caption { font-size: 8pt; }
  .grid.quoted { grid-template-columns: 3fr 2fr; }
  /* the statement cards' inline sizes are for a screen */
  table.quotes *, .quoted h3 ~ div { font-size: 7.5pt !important; line-height: 1.3 !important; }
  .quoted img.chart { max-height: 70mm; }
  table.quotes, table.list { font-size: 8pt; margin: .2rem 0; }
  table.quotes th, table.quotes td, table.list td { padding: .1rem .3rem; }
  table.quotes p, table.quotes blockquote, table.quotes div { margin: .1rem 0 !important;
    padding-top: 0 !important; padding-bottom: 0 !important; }
}
"""


@dataclass(frozen=True)
class PackView:
    view: View
    chart: ViewChart
    caption: str


def pack_views(full: Snapshot, briefing: Briefing) -> list[PackView]:
    names = actor_names(full.actors)
    out = []
    for view in resolved(briefing, full).views:  # a briefing saved with names: their ids
        chart = view_chart(full, view.page, view.params)
        out.append(
            PackView(view, chart, chart_export.caption(chart.articles, chart.filters, names))
        )
    return out


def _esc(text) -> str:
    return html.escape(
        "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    )


def _citations(articles: pd.DataFrame, limit: int | None = None) -> str:
    if articles.empty:
        return "<p class='meta'>No articles behind this view.</p>"
    rows = articles.sort_values(["published", "outlet"], na_position="last")
    shown = rows if limit is None else rows.head(limit)
    items = []
    for r in shown.itertuples():
        url = str(r.url or "")
        short = url.split("://", 1)[-1]
        short = short if len(short) <= 60 else short[:59] + "…"
        link = f"<br><a href='{_esc(url)}'>{_esc(short)}</a>" if url.startswith("http") else ""
        items.append(
            f"<li><b>{_esc(r.outlet)}</b>, {_esc(r.published or 'undated')} — "
            f"{_esc(r.title)}{link}</li>"
        )
    more = len(rows) - len(shown)
    extra = f"<p class='meta'>… and {more} more (see the HTML pack).</p>" if more > 0 else ""
    return f"<ol class='cites'>{''.join(items)}</ol>{extra}"


def _section(n: int, total: int, part: PackView, chart_html: str, limit: int | None) -> str:
    """A view: its chart beside its note and citations; a view with quotes or a list shows
    them first, beside the chart and the citations."""
    view = part.view
    page = BY_URL.get(view.page)
    title = view.title or (page.title if page else "View")
    note = f"<p class='note'>{_esc(view.note)}</p>" if view.note else ""
    shown = part.chart.html  # escaped where it is built (statement cards, list rows)
    caption = f"<p class='caption'>{_esc(part.caption)}</p>"
    cites = (
        f"<h3>Cited articles ({len(part.chart.articles)})</h3>"
        f"{_citations(part.chart.articles, limit)}"
    )
    if shown:
        body = f"{note}<div class='grid quoted'><div>{shown}</div><div>{chart_html}{caption}"
    else:
        body = f"<div class='grid'><div>{chart_html}{caption}</div><div>{note}"
    return (
        f"<section><p class='meta'>{n} / {total} · {_esc(page.title if page else '')}</p>"
        f"<h2>{_esc(title)}</h2>{body}{cites}</div></div></section>"
    )


def _document(title: str, body: str, script: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_esc(title)}</title><style>{CSS}</style>{script}</head><body>"
        f"<h1 class='pack'>{_esc(title)}</h1>{body}</body></html>"
    )


def pack_html(full: Snapshot, briefing: Briefing) -> str:
    """One self-contained HTML file: interactive charts, plotly.js inlined once."""
    parts = pack_views(full, briefing)
    sections = []
    for n, part in enumerate(parts, 1):
        fig = part.chart.figure
        config = {"displaylogo": False}
        div = fig.to_html(full_html=False, include_plotlyjs=False, config=config) if fig else ""
        sections.append(_section(n, len(parts), part, div, None))
    script = f"<script type='text/javascript'>{get_plotlyjs()}</script>"
    return _document(briefing.title, "".join(sections), script)


def _svg_tag(svg: bytes) -> str:
    data = base64.b64encode(svg).decode("ascii")
    return f"<img class='chart' alt='chart' src='data:image/svg+xml;base64,{data}'>"


def print_html(document: str, browser: str | None = None) -> bytes:
    """HTML to PDF with the server's headless Chromium (raises RuntimeError without one)."""
    browser = browser or chart_export.chrome_path()
    if not browser:
        raise RuntimeError("No Chrome or Chromium on the server to print the PDF")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "pack.html", Path(tmp) / "pack.pdf"
        src.write_text(document, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp}/profile",
            f"--print-to-pdf={out}",
            src.as_uri(),
        ]
        subprocess.run(command, capture_output=True, timeout=120, check=False)
        if not out.exists():
            raise RuntimeError("Chromium did not print the briefing pack")
        return out.read_bytes()


def pack_pdf(full: Snapshot, briefing: Briefing) -> bytes:
    """The pack as a PDF: one A4 landscape page per view, static charts."""
    parts = pack_views(full, briefing)
    figures = [p.chart.figure for p in parts if p.chart.figure is not None]
    svgs = iter(chart_export.to_images(figures, "svg", width=1200) if figures else [])
    sections = [
        _section(n, len(parts), part, _svg_tag(next(svgs)) if part.chart.figure else "", limit)
        for n, part in enumerate(parts, 1)
        for limit in [PDF_CITATIONS // 2 if part.chart.html else PDF_CITATIONS]
    ]
    return print_html(_document(briefing.title, "".join(sections)))
