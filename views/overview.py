"""Overview: what is in the corpus, how it was built, what the build left out."""

import pandas as pd
import streamlit as st

from components.data import cached_view
from components.export_ui import chart
from components.filters import page_data
from components.layout import empty_state, filter_note, fmt_date
from components.page_views import overview_view

full, snap, filters = page_data()
st.title("Readout")
st.caption("China–Russia diplomacy on the war in Ukraine, read from news articles.")
filter_note(filters)


def _count(part: pd.DataFrame, whole: pd.DataFrame) -> str:
    return f"{len(part):,}" if len(part) == len(whole) else f"{len(part):,} of {len(whole):,}"


def _span(days: pd.Series) -> str:
    """Short enough for a metric at 1280 px: "2023 – 2025", "Mar – Apr 2025", "Apr 2025"."""
    if days.empty:
        return "—"
    first, last = days.min(), days.max()
    if first.year != last.year:
        return f"{first.year} – {last.year}"
    if first.month != last.month:
        return f"{first:%b} – {last:%b %Y}"
    return f"{last:%b %Y}"


dates = snap.articles["published_dt"].dropna()
exact = f"{fmt_date(dates.min())} – {fmt_date(dates.max())}" if len(dates) else None
cols = st.columns([1, 1, 1.5, 1, 1])
cols[0].metric("Articles", _count(snap.articles, full.articles))
cols[1].metric("Outlets", f"{snap.articles['outlet'].nunique():,}")
cols[2].metric("Published", _span(dates), help=exact)
cols[3].metric("Statements", _count(snap.statements, full.statements))
cols[4].metric("Events", _count(snap.events, full.events))

if full.articles.empty:
    empty_state(
        "The snapshot holds no articles.",
        "Add article files to data/raw and run `python -m readout build`.",
    )
elif snap.articles.empty:
    empty_state("No article matches the filters.", "Widen the dates or clear a filter.")

# Every chart here counts the filtered articles: they are its sources.
view = cached_view(overview_view, filters)
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
            )

manifest = snap.manifest
rejected = manifest.get("rejected") or []
with st.expander(f"Files the build rejected ({len(rejected)})", expanded=False):
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
