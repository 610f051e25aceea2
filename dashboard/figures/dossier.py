"""The dossier's theme table as a figure (what the PNG/SVG/PDF export shows) and its
statements as a CSV table. Pure: tables -> plotly Figure / DataFrame.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.compare import NO_THEME
from dashboard.dossier.build import Dossier, ThemeRow
from dashboard.dossier.phrases import only_phrases
from dashboard.figures.base import FONT
from dashboard.model import Snapshot
from dashboard.text import known, phrase_spans, theme_label

MAX_QUOTES = 3  # per cell of the figure: the page's cards show them all
QUOTE_CHARS = 120
WRAP = 52  # characters a line of a side's column holds at the page's width
LINE = 17  # pixels a line of 13 px text takes in a table cell (scaled with the size)
HEADER_FILL, ONLY_FILL, BOTH_FILL = "#e8e8e8", "#fff4d6", "#ffffff"

CSV_COLUMNS = [
    "side",
    "date",
    "speaker",
    "kind",
    "themes",
    "statement",
    "sentence",
    "shared_phrases",
    "one_side_phrases",
    "outlet",
    "published",
    "title",
    "url",
    "wire_copies",
    "statement_id",
    "event_id",
]


def title_of(d: Dossier) -> str:
    people = " – ".join(p.rsplit(" (", 1)[0] for p in d.participants) or "unknown participants"
    where = f", {d.place}" if d.place else ""
    return f"{d.type.capitalize()}: {people}{where}, {d.when}"


def _quote(row, wrap: int = WRAP) -> list[str]:
    """A statement as wrapped lines (Plotly table cells wrap only at ``<br>``)."""
    text = textwrap.shorten(str(row.text), QUOTE_CHARS, placeholder=" …")
    lines = textwrap.wrap(f"{row.speaker}: “{text}”", wrap) or [""]
    # Article text into a Plotly label: escaped, so "<" in a quote is never markup.
    lines = [html.escape(line) for line in lines]
    name = html.escape(str(row.speaker))
    lines[0] = lines[0].replace(name, f"<b>{name}</b>", 1)
    return lines


def _cell(frame: pd.DataFrame, wrap: int = WRAP) -> list[str]:
    if frame.empty:
        return ["—"]
    lines = [line for r in frame.head(MAX_QUOTES).itertuples() for line in _quote(r, wrap)]
    more = len(frame) - MAX_QUOTES
    return lines + ([f"<i>… and {more} more</i>"] if more > 0 else [])


def one_side(d: Dossier, row: ThemeRow) -> bool:
    """A theme only one side raises (statements without a theme are no theme of either)."""
    return row.theme != NO_THEME and len(row.speaking) == 1 and len(d.sides) > 1


def one_side_wording(d: Dossier) -> dict[str, list[str]]:
    """side country -> the phrases only it uses, over the themes both sides raise."""
    out: dict[str, list[str]] = {}
    for by_side in only_phrases(d).values():
        for side, phrases in by_side.items():
            out.setdefault(side, []).extend(p for p in phrases if p not in out.get(side, []))
    return out


def _wording_row(d: Dossier, wrap: int = WRAP) -> list[list[str]] | None:
    """The table's last row: each side's own wording, and the wording both use."""
    own = one_side_wording(d)
    if len(d.sides) < 2 or not (own or d.shared):
        return None
    both = ", ".join(f"“{p}”" for p in d.shared)
    label = ["<b>Wording</b>"] + ([f"<i>both: {html.escape(both)}</i>"] if both else [])
    cells = []
    for side in d.sides:
        said = ", ".join(f"“{p}”" for p in own.get(side.country, []))
        lines = textwrap.wrap(f"Only {side.country}: {said}", wrap) if said else ["—"]
        cells.append([html.escape(line) for line in lines])
    return [label, *cells]


def theme_figure(d: Dossier, text_size: int = 13, wrap: int = WRAP) -> go.Figure:
    """Themes down, sides across: what each side said on each theme; one-side rows tinted;
    a last row with the wording only one side uses. ``wrap``: characters a line of a side's
    column holds (wider on a briefing's full-width screen)."""
    only = [one_side(d, r) for r in d.rows]
    labels = [
        [f"<b>{html.escape(r.label)}</b>"]
        + ([f"<i>only {html.escape(d.sides[r.speaking[0]].country)}</i>"] if o else [])
        for r, o in zip(d.rows, only, strict=True)
    ]
    cells = [labels] + [[_cell(r.cells[i], wrap) for r in d.rows] for i in range(len(d.sides))]
    fills = [ONLY_FILL if o else BOTH_FILL for o in only]
    if (wording := _wording_row(d, wrap)) is not None:
        for column, cell in zip(cells, wording, strict=True):
            column.append(cell)
        fills.append(HEADER_FILL)
    header = ["Theme"] + [
        f"{html.escape(s.country)}: {html.escape(', '.join(s.people))}" for s in d.sides
    ]
    line = round(text_size * LINE / 13)
    fig = go.Figure(
        go.Table(
            columnwidth=[1.3] + [3] * len(d.sides),
            header={
                "values": header,
                "fill_color": HEADER_FILL,
                "align": "left",
                "font": {"family": FONT, "size": text_size + 1},
                "height": 30,
            },
            cells={
                "values": [["<br>".join(c) for c in column] for column in cells],
                "fill_color": [fills] * len(cells),
                "align": "left",
                "font": {"family": FONT, "size": text_size},
                "height": line,
            },
        )
    )
    # Tall enough for every row: the most lines in any of its cells, a line each.
    lines = sum(max(len(column[i]) for column in cells) + 0.8 for i in range(len(cells[0])))
    fig.update_layout(
        title={"text": html.escape(title_of(d)), "font": {"family": FONT, "size": text_size + 5}},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        height=int(110 + line * lines),
    )
    return fig


def shared_in(text: str, phrases) -> list[str]:
    """The shared phrases that occur in one statement's words."""
    return [p for p in phrases if phrase_spans(text, [p])]


def _phrases(row) -> list[str]:
    return list(getattr(row, "phrases", None) or [])


def dossier_table(snap: Snapshot, d: Dossier) -> pd.DataFrame:
    """One row per statement of either side, with its sources (reprints named, not repeated)."""
    copies = {r.article_id: "; ".join(r.copies) for r in d.reports}
    published = snap.articles_by_id["published"]
    own = {side: set(ps) for side, ps in one_side_wording(d).items()}
    rows = []
    for side in d.sides:
        mine = own.get(side.country, set())
        for r in side.statements.itertuples():
            rows.append(
                {
                    "side": side.country,
                    "date": known(r.date),
                    "speaker": r.speaker,
                    "kind": r.kind,
                    "themes": "; ".join(theme_label(t) for t in r.themes),
                    "statement": r.text,
                    "sentence": r.context,
                    "shared_phrases": "; ".join(shared_in(str(r.text), d.shared)),
                    "one_side_phrases": "; ".join(p for p in _phrases(r) if p in mine),
                    "outlet": r.outlet,
                    "published": known(published.get(r.article_id)),
                    "title": r.title,
                    "url": known(r.url),
                    "wire_copies": copies.get(r.article_id, ""),
                    "statement_id": r.statement_id,
                    "event_id": d.event_id,
                }
            )
    return pd.DataFrame(rows, columns=CSV_COLUMNS)
