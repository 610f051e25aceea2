"""What the Statements page draws, per snapshot, filter state and choice (see ``pages.chart``).

At newsroom scale one speaker has thousands of statements: each cell of the comparison shows
the latest few (and says how many more there are), and shared wording is sought among the
statements shown, so the page costs the same with five articles or a hundred thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import compare
from dashboard.cards import statement_cards
from dashboard.figures.statements import theme_matrix_figure
from dashboard.model import Snapshot
from dashboard.pages.chart import Chart, sources_of
from dashboard.text import Span, theme_label

PER_CELL = 3  # statements per (group, theme) cell of the comparison
LISTED = 20  # statements listed for one cell of the matrix


def original(statements: pd.DataFrame) -> pd.Series:
    """Mask of the statements that are not in a wire copy: reprints count once. A mask, not
    a copy: half a million statements at newsroom scale are copied only where narrowed."""
    return statements["copy_of"].isna()


def originals(snap: Snapshot, columns: list[str] | None = None) -> pd.DataFrame:
    """The original statements (``columns`` of them, or all)."""
    mask = original(snap.statements)
    return snap.statements.loc[mask, columns] if columns else snap.statements[mask]


@dataclass(frozen=True)
class StatementChoices:
    speakers: list[str]  # speaker ids, most statements first
    countries: list[str]  # speakers' countries, most statements first
    periods: list[str]  # the speakers dated on two days or more (two periods), most first


def statement_choices(full: Snapshot, snap: Snapshot) -> StatementChoices:
    statements = originals(snap, ["speaker_id", "speaker_country", "date_dt"])
    speakers = statements["speaker_id"].value_counts().index.tolist()
    days = statements.dropna(subset=["date_dt"]).groupby("speaker_id")["date_dt"].nunique()
    split = set(days.index[days >= 2])
    return StatementChoices(
        speakers,
        statements["speaker_country"].value_counts().index.tolist(),
        [s for s in speakers if s in split],
    )


def speaker_dates(full: Snapshot, snap: Snapshot, speaker: str) -> tuple[date, date] | None:
    """The first and last day a speaker's statements are dated, or None."""
    statements = snap.statements
    mine = (statements["speaker_id"] == speaker) & original(statements)
    dated = statements.loc[mine, "date_dt"].dropna()
    return (dated.min().date(), dated.max().date()) if len(dated) else None


def default_split(span: tuple[date, date] | None, today: date | None = None) -> date:
    """Where a speaker's statements are split into two periods: halfway from their first to
    their last day, rounded up to a day so that both periods hold a statement."""
    first, last = (pd.Timestamp(d) for d in (span or (today or date.today(),) * 2))
    if first == last:  # one day: nothing to split, the caption says so
        return (first + pd.Timedelta(days=1)).date()
    return (first + (last - first) / 2).ceil("D").date()


def also_in(full: Snapshot) -> dict[str, str]:
    """article_id -> the other outlets that printed the same wire copy."""
    return full.derived("also_in", lambda: _also_in(full.articles))


def _also_in(articles: pd.DataFrame) -> dict[str, str]:
    copies = articles.dropna(subset=["duplicate_of"]).groupby("duplicate_of")["outlet"]
    return copies.apply(lambda outlets: ", ".join(sorted(set(outlets)))).to_dict()


@dataclass(frozen=True)
class Comparison:
    heads: list[str]  # "Wang Yi · 1,203 statement(s)"
    rows: list[tuple[str, list[str]]]  # theme label, the HTML of each group's cell


def groups_of(full: Snapshot, snap: Snapshot, mode: str, chosen: tuple, split) -> list:
    return [
        compare.Group(g.label, g.rows[original(g.rows)])
        for g in _groups(full, snap.statements, mode, chosen, split)
    ]


def _groups(full: Snapshot, statements, mode: str, chosen: tuple, split) -> list:
    names = full.names
    if mode == "countries":
        return compare.by_country(statements, chosen)
    if mode == "periods":
        speaker = chosen[0] if chosen else None
        if speaker is None or split is None:
            return []
        return compare.by_period(statements, speaker, split, names.get(speaker, speaker))
    return compare.by_speaker(statements, chosen, names)


def comparison(full: Snapshot, snap: Snapshot, mode: str, chosen: tuple, split) -> Comparison:
    """Groups side by side, a row per theme, the latest ``PER_CELL`` statements a cell."""
    groups = groups_of(full, snap, mode, chosen, split)
    themes = compare.theme_rows(groups)
    cells = {(i, t): compare.cell(g, t) for i, g in enumerate(groups) for t in themes}
    shown = [
        compare.Group(g.label, pd.concat([cells[i, t].tail(PER_CELL) for t in themes] or [g.rows]))
        for i, g in enumerate(groups)
    ]
    linked = compare.links(shown)
    speakers = {
        sid: who
        for g in groups
        for sid, who in zip(g.rows["statement_id"], g.rows["speaker"], strict=True)
    }
    rows = []
    for theme in themes:
        html = [_cell_html(full, cells[i, theme], linked, speakers) for i in range(len(groups))]
        rows.append((theme_label(theme), html))
    heads = [f"**{g.label}** · {len(g.rows):,} statement(s)" for g in groups]
    return Comparison(heads, rows)


def _cell_html(full: Snapshot, rows: pd.DataFrame, linked, speakers: dict[str, str]) -> str:
    copies = also_in(full)
    shared, notes = {}, {}
    for row in rows.tail(PER_CELL).itertuples():
        phrases = compare.phrases_of(row.statement_id, linked)
        shared[row.statement_id] = [
            Span(s, e, kind="shared", title="shared with another column")
            for s, e in compare.shared_spans(str(row.text), phrases, int(row.start))
        ]
        others = sorted({speakers.get(o) for o in compare.partners(row.statement_id, linked)})
        note = [f"also in {copies[row.article_id]}"] if row.article_id in copies else []
        if others:
            note.append(f"shared wording with {', '.join(map(str, others))}")
        notes[row.statement_id] = " · ".join(note)
    cards = statement_cards(full, rows.tail(PER_CELL).itertuples(), shared, notes)
    if len(rows) > PER_CELL:
        earlier = len(rows) - PER_CELL
        cards = f"<p style='color:#555'>… {earlier:,} earlier statement(s)</p>" + cards
    return cards


@dataclass(frozen=True)
class MatrixView:
    chart: Chart
    cells: dict[str, str]  # "speaker_id|theme" -> "Wang Yi on peace talks (12)"


def matrix_view(full: Snapshot, snap: Snapshot) -> MatrixView:
    statements = originals(snap, ["speaker_id", "speaker", "themes", "article_id"])
    matrix = compare.theme_matrix(statements)
    cells = {
        f"{r.speaker_id}|{r.theme}": f"{r.speaker} on {theme_label(r.theme)} ({r.n})"
        for r in matrix.itertuples()
    }
    chart = Chart(theme_matrix_figure(matrix), sources_of(full, statements["article_id"]))
    return MatrixView(chart, cells)


def cell_statements(full: Snapshot, snap: Snapshot, picked: str) -> tuple[str, int]:
    """The latest ``LISTED`` statements of a matrix cell as HTML, and how many it holds."""
    speaker_id, theme = picked.split("|", 1)
    statements = snap.statements
    mine = statements[statements["speaker_id"] == speaker_id]
    mine = mine[original(mine)]
    rows = mine[
        mine["themes"]
        .map(lambda ts: theme in ts or (theme == compare.NO_THEME and not len(ts)))
        .astype(bool)
    ].sort_values(["date_dt", "statement_id"])
    return statement_cards(full, rows.tail(LISTED).itertuples()), len(rows)
