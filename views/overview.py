"""Overview: what is in the corpus, how it was built, what the build left out."""

import pandas as pd
import streamlit as st

from components.data import cached_view
from components.export_ui import chart
from components.filters import page_data
from components.layout import empty_state, filter_note, page_controls
from dashboard.pages.overview import overview_view

full, snap, filters = page_data()
st.title("Readout")
st.caption("China–Russia diplomacy on the war in Ukraine, read from news articles.")
filter_note(filters)


# Every figure here counts the filtered articles: they are the charts' sources.
view = cached_view(overview_view, filters)
shown = view.metrics
cols = st.columns([1, 1, 1.5, 1, 1])
cols[0].metric("Articles", shown.articles)
cols[1].metric("Outlets", shown.outlets)
cols[2].metric("Published", shown.published, help=shown.published_exact)
cols[3].metric("Statements", shown.statements)
cols[4].metric("Events", shown.events)

if full.articles.empty:
    empty_state(
        "The snapshot holds no articles.",
        "Add article files to data/raw and run `python -m readout build`.",
    )
elif snap.articles.empty:
    empty_state("No article matches the filters.", "Widen the dates or clear a filter.")

for row in (("outlets", "months"), ("people", "organisations")):
    for column, name in zip(st.columns(2), row, strict=True):
        shown = getattr(view, name)
        with column:
            chart(
                shown.figure,
                key=f"overview_{name}",
                name=name,
                sources=shown.sources,
                filters=filters,
                names=full.names,
                table=shown.table,
            )

manifest = snap.manifest
rejected = manifest.get("rejected") or []
with (  # the build's housekeeping, no part of a briefing's story
    page_controls("overview"),
    st.expander(f"Files the build rejected ({len(rejected)})", expanded=False),
):
    if rejected:
        st.dataframe(pd.DataFrame(rejected), hide_index=True, width="stretch")
    else:
        st.write("None: every file in the source folder was read.")

model = manifest.get("model", "unknown model")
version = manifest.get("model_version")
spacy_version = manifest.get("spacy_version")
built = pd.to_datetime(manifest.get("built_at"), errors="coerce")
built_text = built.strftime("%-d %b %Y, %H:%M %Z") if pd.notna(built) else "at an unknown time"
st.caption(
    f"Snapshot built {built_text} with spaCy model `{model}`"
    + (f" {version}" if version else "")
    + (f" (spaCy {spacy_version})" if spacy_version else "")
    + f", pipeline version {manifest.get('pipeline_version', '?')}, "
    + f"from `{manifest.get('source', '?')}`."
)
