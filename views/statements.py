"""Statements: who said what, side by side, aligned by theme, with shared wording marked."""

from datetime import date
from functools import partial

import streamlit as st

from components.data import cached_view
from components.export_ui import chart
from components.filters import page_data
from components.layout import (
    download_csv,
    empty_state,
    filter_note,
    page_controls,
    page_intro,
    pick_into,
    url_choice,
)
from dashboard.exports import speaker_themes_table, statements_table
from dashboard.pages.statements import (
    LISTED,
    PER_CELL,
    StatementChoices,
    cell_statements,
    comparison,
    default_split,
    matrix_view,
    original,
    originals,
    speaker_dates,
    statement_choices,
)

full, snap, filters = page_data()
page_intro(
    "statements",
    "Statements",
    "Pick speakers, countries, or one speaker in two periods. Statements are aligned by "
    "theme and ordered by date; wording shared across columns is highlighted in yellow.",
)
filter_note(filters)
names = full.names


NOTHING_TO_SPLIT = ("periods", (), None)  # Periods mode, and no speaker dated on two days


def forget_split() -> None:
    """Another speaker: split their statements halfway again, not at the last one's date
    (set, not forgotten: the date bound to the URL would come back)."""
    speaker = st.session_state.get("cmp_speaker")
    span = cached_view(speaker_dates, filters, speaker) if speaker else None
    st.session_state["cmp_split"] = default_split(span)


def period_choice(options: StatementChoices) -> tuple[tuple[str, ...], date | None]:
    """One speaker, split at a date (by default halfway between their first and last). It
    opens on the most-quoted speaker with statements on two days or more."""
    if not options.periods:
        empty_state(
            "Nobody here has statements in two periods.",
            "Every speaker's statements date from a single day. Widen the dates or clear a "
            "filter, or compare speakers or countries.",
        )
        return NOTHING_TO_SPLIT[1:]
    speakers = options.speakers
    left, right = page_controls("statements_period").columns([2, 1])
    speaker = left.selectbox(
        "Speaker",
        speakers,
        index=speakers.index(options.periods[0]),
        key="cmp_speaker",
        bind="query-params",
        format_func=lambda a: names.get(a, a),
        on_change=forget_split,
    )
    span = cached_view(speaker_dates, filters, speaker) if speaker else None
    split = right.date_input(
        "Split at",
        value=default_split(span),  # never None (that would offer to clear the split)
        key="cmp_split",
        bind="query-params",
    )
    if span and span[0] == span[1]:
        others = ", ".join(names.get(s, s) for s in options.periods[:5])
        st.caption(
            f"All statements by {names.get(speaker, speaker)} here date from "
            f"{span[0]:%-d %b %Y}: there is no second period to compare. Speakers with "
            f"statements in two periods: {others}."
        )
    return ((speaker,) if speaker else ()), split


def choose() -> tuple[str, tuple[str, ...], date | None]:
    """The comparison asked for: mode, the speakers or countries chosen, a split date."""
    controls = page_controls("statements")
    mode = (
        controls.segmented_control(
            "Compare",
            ["Speakers", "Countries", "Periods"],  # shown as is, and in the URL
            key="compare",
            bind="query-params",
            default="Speakers",
            required=True,
        )
        or "Speakers"
    ).lower()
    options = cached_view(statement_choices, filters)
    if mode == "countries":
        chosen = controls.multiselect(
            "Countries to compare",
            options.countries,
            default=options.countries[:2],
            key="cmp_countries",
            bind="query-params",
            max_selections=4,
        )
        return mode, tuple(chosen), None
    if mode == "periods":
        return mode, *period_choice(options)
    chosen = controls.multiselect(
        "Speakers to compare",
        options.speakers,
        default=options.speakers[:2],
        key="cmp_speakers",
        bind="query-params",
        max_selections=4,
        format_func=lambda a: names.get(a, a),
    )
    return mode, tuple(chosen), None


def show_columns(view) -> None:
    for head, text in zip(st.columns(len(view.heads)), view.heads, strict=True):
        head.markdown(text)
    for theme, cells in view.rows:
        st.markdown(f"##### {theme}")
        for column, html in zip(st.columns(len(cells)), cells, strict=True):
            with column:
                st.html(html or "<p style='color:#555'>—</p>")


if full.statements.empty:
    empty_state(
        "No statements in this snapshot.",
        "The build found no quoted or reported statements in the articles.",
    )
elif not original(snap.statements).any():
    empty_state("No statement matches the filters.", "Widen the dates or clear a filter.")
else:
    choice = choose()
    view = cached_view(comparison, filters, *choice)
    if not view.heads:
        if choice != NOTHING_TO_SPLIT:  # (that one has said why)
            empty_state(
                "Pick at least two to compare.",
                "Choose two or more speakers or countries, or one speaker and a split date.",
            )
    else:
        if len(view.heads) == 1:
            st.caption("Only one to show: add another speaker or country to compare.")
        st.caption(f"Each cell shows its latest {PER_CELL} statements.")
        show_columns(view)
    download_csv(
        lambda: statements_table(originals(snap)),
        "readout-statements.csv",
        "Download these statements (CSV)",
    )

    st.subheader("Who talks about what")
    matrix = cached_view(matrix_view, filters)
    chart(
        matrix.chart.figure,
        key="matrix_chart",
        name="themes-by-speaker",
        sources=matrix.chart.sources,
        filters=filters,
        names=names,
        table=partial(speaker_themes_table, snap.statements),
        on_select=partial(pick_into, "matrix_chart", "cell_pick"),
        selection_mode="points",
    )
    with page_controls("statements_cell"):
        picked = url_choice(
            "Read the statements of",
            matrix.cells,
            "cell",
            placeholder="Click a cell above, or choose one here",
        )
    if picked:
        html, n = cached_view(cell_statements, filters, picked)
        if n > LISTED:
            st.caption(f"The latest {LISTED} of {n:,} statements.")
        st.html(html)
