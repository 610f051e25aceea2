"""The Statements page's text, for a saved URL state, as escaped HTML. Pure.

The briefing pack shows what these pages show: the compared quotes (the same cards, from
``statement_views.comparison``), the matrix cell a reader opened. The
choice of speakers, countries or periods is read from the URL with the defaults of the
page's widgets (the first two, the most-quoted speaker with two periods, the halfway split).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from dashboard.model import Snapshot
from dashboard.pages.chart import articles_of
from dashboard.pages.statements import (
    Comparison,
    cell_statements,
    comparison,
    default_split,
    matrix_view,
    original,
    speaker_dates,
    statement_choices,
)
from dashboard.url_state import Params, first, parse_date

MAX_COMPARED = 4  # the multiselects' max_selections
Choice = tuple[str, tuple[str, ...], date | None]


def _picked(values: list[str], options: list[str]) -> list[str]:
    """A bound multiselect's value from the URL: the valid options, at most four, in order;
    the default (the first two) when none is valid."""
    valid = list(dict.fromkeys(v for v in values if v in set(options)))[:MAX_COMPARED]
    return valid or options[:2]


def statement_choice(full: Snapshot, snap: Snapshot, params: Params) -> Choice:
    """(mode, chosen, split) as ``views/statements.choose`` reads them from its widgets."""
    mode = (first(params, "compare", "Speakers") or "Speakers").lower()
    mode = mode if mode in ("speakers", "countries", "periods") else "speakers"
    options = statement_choices(full, snap)
    if mode == "countries":
        return mode, tuple(_picked(params.get("cmp_countries", []), options.countries)), None
    if mode == "speakers":
        return mode, tuple(_picked(params.get("cmp_speakers", []), options.speakers)), None
    if not options.periods:
        return mode, (), None
    speaker = first(params, "cmp_speaker")
    speaker = speaker if speaker in set(options.speakers) else options.periods[0]
    split = parse_date(first(params, "cmp_split", "") or "")
    return mode, (speaker,), split or default_split(speaker_dates(full, snap, speaker))


def _head(markdown: str) -> str:
    """ "**Wang Yi** · 3 statement(s)" as HTML."""
    match = re.fullmatch(r"\*\*(.*)\*\*(.*)", markdown, flags=re.S)
    bold, rest = match.groups() if match else ("", markdown)
    return f"<th><b>{html.escape(bold)}</b>{html.escape(rest)}</th>"


def comparison_html(view: Comparison) -> str:
    """The comparison as a table: a column per speaker, a row per theme, the page's cards."""
    if not view.heads:
        return ""
    heads = "".join(_head(h) for h in view.heads)
    rows = "".join(
        f"<tr><th class='theme' colspan='{len(cells)}'>{html.escape(theme)}</th></tr><tr>"
        + "".join(f"<td>{cell or '—'}</td>" for cell in cells)
        + "</tr>"
        for theme, cells in view.rows
    )
    return f"<table class='quotes'><tr>{heads}</tr>{rows}</table>"


@dataclass(frozen=True)
class StatementsPart:
    figure: go.Figure | None  # the theme-by-speaker matrix
    article_ids: list[str]
    html: str
    view: Comparison | None  # what the page's columns show (None: nothing to compare)


def statements_part(full: Snapshot, snap: Snapshot, params: Params) -> StatementsPart:
    if full.statements.empty or not original(snap.statements).any():
        return StatementsPart(None, [], "<p class='meta'>No statement matches.</p>", None)
    view = comparison(full, snap, *statement_choice(full, snap, params))
    matrix = matrix_view(full, snap)
    body = comparison_html(view)
    picked = first(params, "cell")
    if picked in matrix.cells:
        cards, n = cell_statements(full, snap, picked)
        body += f"<h3>{html.escape(matrix.cells[picked])}</h3>{cards}"
    shown = snap.statements[original(snap.statements)]
    return StatementsPart(matrix.chart.figure, list(shown["article_id"]), body, view)


def statements_lead(full: Snapshot, snap: Snapshot, params: Params) -> tuple:
    """The pack's Statements view: the page's matrix, its compared quotes (and the cell
    opened), citing the articles of the matching statements."""
    part = statements_part(full, snap, params)
    return part.figure, articles_of(full, part.article_ids), part.html
