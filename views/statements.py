"""Statements: who said what, side by side, aligned by theme, with shared wording marked."""

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from components import compare
from components.evidence import statement_card
from components.export_ui import articles_of, chart
from components.exports import statements_table
from components.figures_statements import theme_matrix_figure
from components.filters import page_data
from components.layout import download_csv, empty_state, filter_note, pick_into, url_choice
from components.text import Span, theme_label

full, snap, filters = page_data()
st.title("Statements")
st.caption(
    "Pick speakers, countries, or one speaker in two periods. Statements are aligned by "
    "theme and ordered by date; wording shared across columns is highlighted in yellow."
)
filter_note(filters)
# Wire copies reprinted by several outlets count once; their outlets are named on the card.
statements = snap.statements[snap.statements["copy_of"].isna()]
copies = full.articles.dropna(subset=["duplicate_of"]).groupby("duplicate_of")["outlet"]
also_in = copies.apply(lambda outlets: ", ".join(sorted(set(outlets)))).to_dict()
names = dict(zip(full.actors["actor_id"], full.actors["name"], strict=True))


def period_groups(speakers: list[str]) -> list[compare.Group]:
    """One speaker, split at a date (by default halfway between their first and last)."""
    left, right = st.columns([2, 1])
    speaker = left.selectbox(
        "Speaker",
        speakers,
        key="cmp_speaker",
        bind="query-params",
        format_func=lambda a: names.get(a, a),
    )
    dated = statements.loc[statements["speaker_id"] == speaker, "date_dt"].dropna()
    first, last = (dated.min(), dated.max()) if len(dated) else (pd.Timestamp(date.today()),) * 2
    middle = first + (last - first) / 2 + pd.Timedelta(days=1 if first == last else 0)
    split = right.date_input("Split at", value=middle.date(), key="cmp_split", bind="query-params")
    if first == last:
        st.caption(
            f"All statements by {names.get(speaker, speaker)} here date from "
            f"{first:%-d %b %Y}: there is no second period to compare."
        )
    return compare.by_period(statements, speaker, split, names.get(speaker, speaker))


def choose_groups() -> list[compare.Group]:
    mode = (
        st.segmented_control(
            "Compare",
            ["Speakers", "Countries", "Periods"],  # shown as is, and in the URL
            key="compare",
            bind="query-params",
            default="Speakers",
            required=True,
        )
        or "Speakers"
    ).lower()
    counts = statements["speaker_id"].value_counts()
    if mode == "countries":
        options = statements["speaker_country"].value_counts().index.tolist()
        chosen = st.multiselect(
            "Countries to compare",
            options,
            default=options[:2],
            key="cmp_countries",
            bind="query-params",
            max_selections=4,
        )
        return compare.by_country(statements, chosen)
    if mode == "periods":
        return period_groups(counts.index.tolist())
    chosen = st.multiselect(
        "Speakers to compare",
        counts.index.tolist(),
        default=counts.index.tolist()[:2],
        key="cmp_speakers",
        bind="query-params",
        max_selections=4,
        format_func=lambda a: names.get(a, a),
    )
    return compare.by_speaker(statements, chosen, names)


def show_columns(groups: list[compare.Group]) -> None:
    linked = compare.links(groups)
    by_id = statements.set_index("statement_id")
    heads = st.columns(len(groups))
    for head, group in zip(heads, groups, strict=True):
        head.markdown(f"**{group.label}** · {len(group.rows)} statement(s)")
    for theme in compare.theme_rows(groups):
        st.markdown(f"##### {theme_label(theme)}")
        for col, group in zip(st.columns(len(groups)), groups, strict=True):
            with col:
                for row in compare.cell(group, theme).itertuples():
                    phrases = compare.phrases_of(row.statement_id, linked)
                    spans = [
                        Span(s, e, kind="shared", title="shared with another column")
                        for s, e in compare.shared_spans(str(row.text), phrases, int(row.start))
                    ]
                    others = [
                        by_id.loc[o, "speaker"] for o in compare.partners(row.statement_id, linked)
                    ]
                    notes = (
                        [f"also in {also_in[row.article_id]}"] if row.article_id in also_in else []
                    )
                    if others:
                        notes.append(f"shared wording with {', '.join(sorted(set(others)))}")
                    st.html(statement_card(full, row, spans, " · ".join(notes)))


if full.statements.empty:
    empty_state(
        "No statements in this snapshot.",
        "The build found no quoted or reported statements in the articles.",
    )
elif statements.empty:
    empty_state("No statement matches the filters.", "Widen the dates or clear a filter.")
else:
    groups = choose_groups()
    if not groups:
        empty_state(
            "Pick at least two to compare.",
            "Choose two or more speakers or countries, or one speaker and a split date.",
        )
    else:
        if len(groups) == 1:
            st.caption("Only one to show: add another speaker or country to compare.")
        show_columns(groups)
    download_csv(
        statements_table(statements), "readout-statements.csv", "Download these statements (CSV)"
    )

    st.subheader("Who talks about what")
    matrix = compare.theme_matrix(statements)
    chart(
        theme_matrix_figure(matrix),
        key="matrix_chart",
        name="themes-by-speaker",
        articles=articles_of(full.articles, statements["article_id"]),
        filters=filters,
        names=names,
        on_select=partial(pick_into, "matrix_chart", "cell_pick"),
        selection_mode="points",
    )
    cells = {
        f"{r.speaker_id}|{r.theme}": f"{r.speaker} on {theme_label(r.theme)} ({r.n})"
        for r in matrix.itertuples()
    }
    picked = url_choice(
        "Read the statements of",
        cells,
        "cell",
        placeholder="Click a cell above, or choose one here",
    )
    if picked:
        speaker_id, theme = picked.split("|", 1)
        rows = statements[
            (statements["speaker_id"] == speaker_id)
            & statements["themes"]
            .map(lambda ts: theme in ts or (theme == compare.NO_THEME and not len(ts)))
            .astype(bool)
        ]
        for row in rows.sort_values("date_dt").itertuples():
            st.html(statement_card(full, row))
