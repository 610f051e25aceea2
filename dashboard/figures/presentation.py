"""Briefing mode's look: a Plotly template for a shared screen, and the page CSS. Pure.

``for_briefing(fig)`` returns a copy of any Readout figure restyled for the back of a room:
text >= 18 px (ticks and legends 20 px, titles 30 px), black on white, heavier grid lines.
The figure functions set their own font sizes, which beat a template, so the wrapper sets the
sizes explicitly as well as applying the registered template ``readout_briefing``.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.figures.base import FONT

TEMPLATE = "readout_briefing"
TEXT = 20  # tick labels, legend entries, hover labels
TITLE = 30
AXIS_TITLE = 22
INK = "#000000"

BRIEFING_CSS = """
<style>
html { font-size: 20px; }  /* Streamlit sizes in rem: everything grows by a quarter */
/* Only the story: no sidebar, downloads, page controls (layout.page_controls), corrections,
   instructions (containers keyed hint_*) or chart toolbars. */
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"],
[data-testid="stDownloadButton"], div[class*="st-key-controls_"],
div[class*="st-key-hint_"], [data-testid="stElementToolbar"],
[data-testid="stTooltipIcon"],
[data-testid="stLayoutWrapper"]:has(> div[class*="st-key-controls_"]),
[data-testid="stLayoutWrapper"]:has(> div[class*="st-key-hint_"]) { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 3.2rem 2.5rem 2rem !important;
  max-width: 100%; }
[data-testid="stMain"], [data-testid="stMarkdownContainer"] { color: #000; }
h1 { font-size: 2.3rem !important; padding: 0 0 .3rem !important; }
/* Captions say what a chart leaves out: read from the back of the room, not grey print. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #111 !important; font-size: 1rem !important; opacity: 1 !important; }
/* A statement card's source line (evidence.META_STYLE, an inline style). */
[data-testid="stHtml"] div[style*="font-size:0.88rem"] { color: #222 !important;
  font-size: .95rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.1rem !important; color: #111 !important; }
[data-testid="stTable"] th, [data-testid="stTable"] td { font-size: 1.15rem !important; }
/* The data grid draws on a canvas with fixed pixel sizes: zoom it to presentation size. */
[data-testid="stDataFrame"] { zoom: 1.35; }
[data-testid="stFullScreenFrame"]:has(> [data-testid="stDataFrame"]) {
  width: calc(100% / 1.35) !important; }  /* the grid sizes itself to this frame */
.st-key-presenter_bar p { font-size: 1.2rem; }
</style>
"""


def _register() -> None:
    if TEMPLATE in pio.templates:
        return
    layout = go.Layout(
        font={"family": FONT, "size": TEXT, "color": INK},
        title={"font": {"size": TITLE, "color": INK}},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        legend={"font": {"size": TEXT}},
        hoverlabel={"font": {"size": TEXT}},
        xaxis={
            "tickfont": {"size": TEXT, "color": INK},
            "title": {"font": {"size": AXIS_TITLE}},
            "gridcolor": "#c8c8c8",
            "linecolor": INK,
        },
        yaxis={
            "tickfont": {"size": TEXT, "color": INK},
            "title": {"font": {"size": AXIS_TITLE}},
            "gridcolor": "#c8c8c8",
            "linecolor": INK,
        },
    )
    pio.templates[TEMPLATE] = go.layout.Template(layout=layout)


_register()


def _bigger_text(trace) -> None:
    """Labels drawn on marks (counts, month names) grow to at least 18 px too."""
    font = getattr(trace, "textfont", None)
    if font is not None and font.size is not None and not isinstance(font.size, tuple):
        trace.textfont.size = max(font.size, 18)
    elif font is not None and getattr(trace, "text", None) is not None:
        trace.textfont.size = 18


def for_briefing(fig: go.Figure) -> go.Figure:
    """A copy of ``fig`` in the briefing template, every text at least 18 px."""
    out = go.Figure(fig)
    height = out.layout.height or 400
    out.update_layout(
        template=TEMPLATE,
        font={"family": FONT, "size": TEXT, "color": INK},
        title_font={"size": TITLE, "color": INK},
        legend_font_size=TEXT,
        legend_title_font_size=TEXT,
        hoverlabel_font_size=TEXT,
        height=int(height * 1.25),
    )
    axis = {
        "tickfont": {"size": TEXT, "color": INK},
        "title_font": {"size": AXIS_TITLE, "color": INK},
    }
    out.update_xaxes(**axis, rangeselector_visible=False)  # buttons, no part of the story
    out.update_yaxes(**axis)
    for name in out.layout:  # a second legend (legend2, ...) too
        if name.startswith("legend") and name != "legend":
            out.layout[name].font.size = TEXT
            out.layout[name].title.font.size = TEXT
    for trace in out.data:
        _bigger_text(trace)
    for note in out.layout.annotations or ():
        note.font.size = max(note.font.size or 0, 18)
    if out.layout.margin.t and out.layout.title.text:
        out.update_layout(margin_t=max(out.layout.margin.t, 70))
    return out
