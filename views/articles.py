"""Articles: the list, and a reader with actors highlighted and what was found in each."""

from functools import partial

import streamlit as st

from components.correct_ui import article_form, flash, speaker_form
from components.data import cached_view
from components.filters import page_data
from components.layout import (
    empty_state,
    filter_note,
    page_controls,
    page_intro,
    pick_row_into,
    url_choice,
)
from dashboard.cards import article_html, safe_url, statement_card
from dashboard.model import precision_label
from dashboard.pages.articles import article_label, article_rows, copy_label
from dashboard.text import fmt_date, known, md_escape

full, snap, filters = page_data()
page_intro(
    "articles",
    "Articles",
    "Newest first. Select a row to read the article with its actors highlighted, its "
    "statements in bold, and what was found in it.",
)
filter_note(filters)
listing = cached_view(article_rows, filters)

if full.articles.empty:
    empty_state(
        "The snapshot holds no articles.",
        "Add article files to data/raw and run `python -m readout build`.",
    )
    st.stop()
if not listing.matching:
    empty_state("No article matches the filters.", "Widen the dates or clear a filter.")
    st.stop()

if listing.matching > len(listing.ids):
    st.caption(
        f"The newest {len(listing.ids):,} of {listing.matching:,} matching articles: "
        "search or filter to find others."
    )
COPIES = bool(listing.table["copy_of"].any())  # no copy listed: no empty column of them
TITLE_WIDTH = 290 if COPIES else 390
st.dataframe(
    listing.table.rename(
        columns={
            "title": "Title",
            "outlet": "Outlet",
            "n_statements": "Statements",
            "n_events": "Events",
            "n_actors": "Actors",
            "copy_of": "Copy of",
        }
    ),
    hide_index=True,
    width="stretch",
    placeholder="—",  # a missing date, not "None"
    key="articles_table",
    selection_mode="single-row",
    on_select=partial(pick_row_into, "articles_table", listing.ids, "article_pick"),
    column_config={
        # Fixed widths for the short columns keep the table inside 1280 px; titles get the rest.
        "Title": st.column_config.TextColumn(width=TITLE_WIDTH),
        "Outlet": st.column_config.TextColumn(width=130),
        "Published": st.column_config.DateColumn(format="D MMM YYYY", width=95),
        "Statements": st.column_config.NumberColumn(
            "Stmts", help="Statements (quoted or reported speech) found in the article", width=52
        ),
        "Events": st.column_config.NumberColumn(help="Events the article reports", width=52),
        "Actors": st.column_config.NumberColumn(
            help="Distinct actors (people, countries, organisations) the article names, "
            "each counted once however often it is mentioned",
            width=52,
        ),
        "Copy of": st.column_config.TextColumn(
            help="A wire copy or near-duplicate: the outlet and date of the article it "
            "repeats (select the row for its title). Empty for an original.",
            width=120,
        )
        if COPIES
        else None,
    },
)
labels = listing.labels
wanted = st.query_params.get("article")  # a link may name one beyond the listed newest
if wanted and wanted not in labels and wanted in set(snap.articles["article_id"]):
    row = next(snap.articles[snap.articles["article_id"] == wanted].itertuples())
    labels = {wanted: article_label(row), **labels}
with page_controls("articles"):
    chosen = url_choice(
        "Read", labels, "article", placeholder="Select a row above, or choose an article here"
    )
if not chosen:
    st.stop()

article = full.articles_by_id.loc[chosen]
st.header(md_escape(known(article["title"]) or "Untitled"), anchor=False)
url = safe_url(article["url"])
meta = [  # a missing field is named ("Unknown outlet") or left out, never printed as "nan"
    f"**{md_escape(known(article['outlet']) or 'Unknown outlet')}**",
    md_escape(fmt_date(article["published"])),
    f"{article['n_words']} words",
]
if agency := known(article.get("agency")):
    meta.append(f"via {md_escape(agency)}")
if url:
    meta.append(f"[original]({url.replace(')', '%29').replace(' ', '%20')})")
if article.get("corrected"):
    meta.append(":orange-badge[:material/edit_note: corrected]")
st.markdown(" · ".join(meta))
flash()
with page_controls("articles_fix"):  # corrections: not on a shared screen
    article_form(full, chosen)

names = full.articles_by_id["title"]
if original := known(article["duplicate_of"]):
    title = names.get(original)
    st.info(
        f"Near-duplicate of **{md_escape(title)}** ({md_escape(copy_label(full, original))}; "
        "same wire copy): its statements count once, under the original."
        if title is not None
        else "Near-duplicate of an article that is not in this snapshot (same wire copy).",
        icon=":material/content_copy:",
    )
copies = full.articles[full.articles["duplicate_of"] == chosen]
if len(copies):
    st.info(
        "Near-duplicates: "
        + "; ".join(
            f"**{md_escape(c.title)}** ({md_escape(c.outlet)})" for c in copies.itertuples()
        ),
        icon=":material/content_copy:",
    )

reader, found = st.columns([3, 2], gap="large")
with reader:
    st.html(article_html(full, chosen))
with found:
    said = full.statements[full.statements["article_id"] == chosen].sort_values("start")
    st.markdown(f"**Statements ({len(said)})**")
    for row in said.itertuples():
        st.html(statement_card(full, row, with_source=False))
        with page_controls(f"articles_fix_{row.statement_id}"):
            speaker_form(full, row)
    sources = full.event_sources
    reported = set(sources.loc[sources["article_id"] == chosen, "event_id"])
    events = full.events[full.events["event_id"].isin(reported)]
    st.markdown(f"**Events ({len(events)})**")
    for ev in events.sort_values("start").itertuples():
        when = precision_label(ev.start, ev.end, ev.date_precision)
        st.markdown(
            f"- {md_escape(when)}: **{md_escape(ev.type)}**, "
            f"{md_escape(', '.join(ev.participant_names) or 'participants unknown')}"
            + (" *(planned)*" if ev.status == "planned" else "")
        )
    if said.empty and events.empty:
        st.caption("Nothing was extracted from this article.")
