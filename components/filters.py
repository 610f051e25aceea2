"""The sidebar filters, bound to the URL's query parameters so any view can be shared.

Query parameters: ``q`` (search), ``dates`` (twice: from, to), ``country``, ``actor`` (actor
ids), ``outlet``, ``type`` (event types), ``theme``; repeated for several values.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache

import pandas as pd
import streamlit as st

from components.data import cached_view, filtered_snapshot, load_snapshot
from dashboard.filtering import Filters, date_bounds
from dashboard.model import Snapshot
from dashboard.text import theme_label
from readout import KNOWLEDGE_DIR
from readout.snapshot.schema import EVENT_TYPES

MULTI_KEYS = ("country", "actor", "outlet", "type", "theme")
EARLIEST, LATEST = date(1991, 1, 1), date(2035, 12, 31)  # a shared URL may name any day
COUNTRIES_FILE = KNOWLEDGE_DIR / "countries.toml"


@lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    """The countries of the knowledge base: an actor's ``country`` may also be a bloc (NATO,
    G20, the EU), which is an organisation and no choice of the Countries filter."""
    try:
        data = tomllib.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return frozenset()
    return frozenset(a["name"] for a in data.get("actors", []) if a.get("kind") == "country")


def country_options(actors: pd.DataFrame, all_actors: pd.DataFrame) -> list[str]:
    """The countries of ``actors``: those that are a country actor of the snapshot (one a
    correction added counts) or of the knowledge base."""
    real = set(all_actors.loc[all_actors["kind"].eq("country"), "name"]) | known_countries()
    return sorted(c for c in set(actors["country"].dropna()) if c in real)


def options(snap: Snapshot) -> dict[str, list[str]]:
    """The choices of every multi-select, from the whole snapshot (so none vanish)."""
    # Only actors the articles name (a knowledge base lists hundreds that never appear).
    present = set(snap.statements["speaker_id"].dropna()) | set(snap.statements["addressee_id"])
    present |= {p for ps in snap.events["participants"] for p in ps}
    actors = snap.actors[(snap.actors["n_mentions"] > 0) | snap.actors["actor_id"].isin(present)]
    actors = actors.sort_values(["n_mentions", "name"], ascending=[False, True])
    themes = sorted({t for ts in snap.statements["themes"] for t in ts})
    types = set(snap.events["type"].dropna())
    return {
        "country": country_options(actors, snap.actors),
        "actor": list(actors["actor_id"]),
        "outlet": sorted(set(snap.articles["outlet"].dropna())),
        "type": [t for t in EVENT_TYPES if t in types] + sorted(types - set(EVENT_TYPES)),
        "theme": themes,
    }


def _choices(full: Snapshot, _unfiltered: Snapshot) -> tuple[dict, tuple | None, dict]:
    """Options, date bounds and actor names of the whole snapshot (cached per snapshot)."""
    names = dict(zip(full.actors["actor_id"], full.actors["name"], strict=True))
    return options(full), date_bounds(full), names


def choices(snap: Snapshot) -> tuple[dict, tuple | None, dict]:
    return cached_view(_choices, Filters())


def _reset(bounds: tuple[date, date] | None) -> None:
    for key in MULTI_KEYS:
        st.session_state[key] = []
    st.session_state["q"] = ""
    if bounds:
        st.session_state["dates"] = bounds


def _date_range(value, bounds: tuple[date, date] | None) -> tuple[date | None, date | None]:
    """The chosen range, or (None, None) while it is the whole span (so undated rows stay)."""
    if not bounds or not value:
        return None, None
    start = value[0] if len(value) > 0 else None
    end = value[1] if len(value) > 1 else None
    start = start if start and start > bounds[0] else None
    end = end if end and end < bounds[1] else None
    return start, end


def current_filters(snap: Snapshot) -> Filters:
    """The filter state held by the sidebar widgets (their values live in session state)."""
    state = st.session_state
    start, end = _date_range(state.get("dates"), choices(snap)[1])
    return Filters(
        start=start,
        end=end,
        actors=tuple(state.get("actor") or ()),
        countries=tuple(state.get("country") or ()),
        event_types=tuple(state.get("type") or ()),
        themes=tuple(state.get("theme") or ()),
        outlets=tuple(state.get("outlet") or ()),
        text=(state.get("q") or "").strip(),
    )


def _is_set(key: str, value, bounds: tuple[date, date] | None) -> bool:
    """The widget ``key`` holds something other than its default (nothing, or every date)."""
    if key == "dates":
        return bool(value) and tuple(value) != tuple(bounds or ())
    return bool(value)


def keep_filters_in_url(bounds: tuple[date, date] | None) -> None:
    """Write back into the URL the filters a page switch dropped from it.

    Widgets bound to the URL keep their values from page to page, and their query parameters
    go with them. Now and then, though, Streamlit's frontend starts the new page with an
    empty query string (about one click in ten on a navigation link, in Chromium): the page
    stays filtered while its URL says it is not, and a link copied from it loses the filter.
    Assigning a widget's value in code makes its binding write it to the URL, so a set filter
    missing from the URL is assigned again, before the widget is drawn. On a back or forward
    step in the browser history Streamlit lets the URL win over such an assignment, so the
    filters of an earlier URL still come back."""
    state = st.session_state
    for key in ("q", "dates", *MULTI_KEYS):
        value = state.get(key)
        if key not in st.query_params and _is_set(key, value, bounds):
            state[key] = value


def sidebar_filters(snap: Snapshot) -> Filters:
    """Draw the filters in the sidebar and return their state."""
    opts, bounds, names = choices(snap)
    keep_filters_in_url(bounds)
    with st.sidebar:
        st.subheader("Filters")
        st.text_input(
            "Search",
            key="q",
            bind="query-params",
            placeholder="e.g. ceasefire",
            help="Words in an article, a statement's sentence or an event's evidence",
        )
        if bounds:
            st.date_input(
                "Dates",
                value=bounds,
                min_value=EARLIEST,
                max_value=LATEST,
                key="dates",
                bind="query-params",
                format="YYYY-MM-DD",
                help="Publication dates of articles, dates of statements and events",
            )
        st.multiselect("Countries", opts["country"], key="country", bind="query-params")
        st.multiselect(
            "Actors",
            opts["actor"],
            key="actor",
            bind="query-params",
            format_func=lambda a: names.get(a, a),
        )
        st.multiselect("Event types", opts["type"], key="type", bind="query-params")
        st.multiselect(
            "Themes", opts["theme"], key="theme", bind="query-params", format_func=theme_label
        )
        st.multiselect("Outlets", opts["outlet"], key="outlet", bind="query-params")
        st.button("Reset filters", on_click=_reset, args=(bounds,), width="stretch")
    return current_filters(snap)


def page_data() -> tuple[Snapshot, Snapshot, Filters]:
    """What a page needs: the whole snapshot, the filtered one and the filter state."""
    full = load_snapshot()
    filters = current_filters(full)
    return full, filtered_snapshot(filters), filters
