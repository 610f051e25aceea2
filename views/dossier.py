"""Event dossier: one contact, who reported it, and each side's account of it side by side.

Opened as ``?event=<event id>`` (from the Timeline's evidence panel, or a shared link). The
page ignores the sidebar filters: a dossier is the whole record of one event.
"""

import streamlit as st

from components.briefing_ui import is_briefing
from components.data import load_snapshot
from components.export_ui import chart
from components.layout import empty_state, page_intro
from dashboard.cards import MAX_CARDS, safe_url, statement_cards
from dashboard.dossier.build import build_dossier, shared_marks
from dashboard.dossier.ids import back_to, resolve
from dashboard.dossier.phrases import only_phrases
from dashboard.figures.dossier import dossier_table, one_side, theme_figure, title_of
from dashboard.filtering import Filters
from dashboard.text import fmt_date, md_escape

BRIEFING_TEXT = 18  # the theme table read from the back of a room
BRIEFING_WRAP = 72  # characters a side's column holds at that size on a 1920-pixel screen
BASIS = {
    "stated": "written in the text",
    "relative": "worked out from a day the text names against the publication date",
    "anaphoric": "taken from an earlier date in the article",
    "publication": "the publication day of a same-day report",
    "none": "no date found",
}


def back_link() -> None:
    page, label = back_to(st.query_params.get("from"))  # the page the dossier was opened from
    st.page_link(page, label=label, icon=":material/arrow_back:")


full = load_snapshot()
asked = st.query_params.get("event")
found = resolve(full, asked, st.query_params.get_all("src"))  # an id a rebuild changed
event_id = found.event_id
dossier = (
    full.derived(("dossier", event_id), lambda: build_dossier(full, event_id)) if event_id else None
)
if dossier is None:
    st.title("Event dossier")
    if asked:
        empty_state(
            "No event with this id is in the snapshot.",
            "A rebuild may have merged or split it: find the contact on the Timeline and "
            "open its dossier from there.",
        )
    else:
        empty_state(
            "No event chosen.",
            "Open a dossier from an event on the Timeline (its evidence panel links here).",
        )
    back_link()
    st.stop()

page_intro(
    "dossier",
    title_of(dossier),
    "Event dossier. Each side's account of this contact: what the participants, their "
    "ministries, spokespeople and state media said in the articles reporting it, within a "
    "week of it, aligned by theme. Shared wording is highlighted.",
)

if found.note:
    st.info(found.note, icon=":material/merge:")

# --- the event ------------------------------------------------------------------------
basis = BASIS.get(dossier.date_basis or "", "set by hand")
st.markdown(  # who took part is in the title, their countries head the columns
    f"**When:** {md_escape(dossier.when)} ({md_escape(basis)}) · "
    f"**Where:** {md_escape(dossier.place or 'not reported')} · "
    f"**Status:** {md_escape(dossier.status)}"
)
for note in dossier.notes:
    st.warning(md_escape(note), icon=":material/compare_arrows:")


def report_lines() -> str:
    reports = []
    for r in dossier.reports:
        url = safe_url(r.url)
        title = md_escape(r.title)
        url = url and url.replace("(", "%28").replace(")", "%29")  # a ")" would end the link
        link = f"[{title}]({url})" if url else f"*{title}*"
        agency = f" ({md_escape(r.agency)})" if r.agency else ""
        copies = f" · wire copies: {md_escape('; '.join(r.copies))}" if r.copies else ""
        reports.append(
            f"- **{md_escape(r.outlet)}**{agency}, {fmt_date(r.published)}: {link}{copies}"
        )
    return f"**Reported by {len(dossier.reports)} article(s)**  \n" + "\n".join(reports)


# What is drawn from the event alone is kept with the snapshot: a rerun (a click, a resize)
# of a dossier reported by hundreds of articles does not draw it again.
st.markdown(full.derived(("dossier_reports", event_id), report_lines))

# --- each side's account --------------------------------------------------------------
st.subheader("Each side's account")
said = sum(len(s.statements) for s in dossier.sides)
if not said:
    empty_state(
        "Neither side is quoted on this contact.",
        "The articles that report it quote no participant, ministry or spokesperson of theirs.",
    )
else:
    chart(
        theme_figure(dossier, BRIEFING_TEXT, BRIEFING_WRAP)
        if is_briefing()
        else theme_figure(dossier),
        key="dossier_themes",
        name="dossier",
        articles=full.articles[
            full.articles["article_id"].isin([r.article_id for r in dossier.reports])
        ],
        filters=Filters(),
        names=full.names,
        table=lambda: dossier_table(full, dossier),
    )
    if dossier.shared:
        st.markdown("**Both sides say:** " + ", ".join(f"“{md_escape(p)}”" for p in dossier.shared))
    elif len(dossier.sides) > 1:
        st.markdown("**Both sides say:** no phrase of two or more words in common.")
    for country, themes in dossier.only.items():
        if themes:
            st.markdown(f"**Only {md_escape(country)}:** {md_escape(', '.join(themes))}")

    heads = st.columns(len(dossier.sides))
    for column, side in zip(heads, dossier.sides, strict=True):
        column.markdown(f"#### {md_escape(side.country)}")
        column.caption(
            f"{md_escape(', '.join(side.people))}, with their country's ministries, "
            f"spokespeople and state media · {len(side.statements)} statement(s)"
        )

    alone = only_phrases(dossier)  # theme -> side -> wording only that side uses
    for row in dossier.rows:
        only = one_side(dossier, row)
        tag = f" · *only {md_escape(dossier.sides[row.speaking[0]].country)}*" if only else ""
        st.markdown(f"##### {md_escape(row.label)}{tag}")
        if said_alone := alone.get(row.theme):
            st.markdown(
                " · ".join(
                    f"**Only {md_escape(side)}:** " + ", ".join(f"“{md_escape(p)}”" for p in ps)
                    for side, ps in said_alone.items()
                )
            )
        columns = st.columns(len(dossier.sides))
        for column_index, (column, cell) in enumerate(zip(columns, row.cells, strict=True)):
            with column:
                if cell.empty:
                    st.caption("Nothing on this theme.")
                    continue
                shown = cell.head(MAX_CARDS)
                st.html(
                    full.derived(
                        ("dossier_cards", event_id, row.theme, column_index),
                        lambda shown=shown: statement_cards(
                            full, shown.itertuples(), shared=shared_marks(full, dossier, shown)
                        ),
                    )
                )
                if len(cell) > MAX_CARDS:
                    st.caption(f"The first {MAX_CARDS} of {len(cell)} shown.")

# --- terms ----------------------------------------------------------------------------
st.subheader("Terms")
if dossier.terms.empty:
    st.caption("No quoted names or labels (“no limits”) in the reports of this contact.")
else:
    st.dataframe(
        dossier.terms.rename(columns=lambda c: c.replace("_", " ").capitalize()),
        hide_index=True,
        width="stretch",
    )
back_link()
