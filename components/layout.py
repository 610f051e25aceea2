"""Small Streamlit building blocks shared by the pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from dashboard.chart_export import table_csv
from dashboard.filtering import Filters

# Key prefix of ``page_controls`` containers; presentation.BRIEFING_CSS hides them.
CONTROLS_KEY = "controls_"


def page_intro(name: str, title: str, hint: str) -> None:
    """A page's title and how to use it; briefing mode hides the hint (``hint_<name>``)."""
    st.title(title)
    with st.container(key=f"hint_{name}"):
        st.caption(hint)


def page_controls(name: str):
    """A container for a page's controls (pickers, toggles, correction forms).

    Briefing mode hides every such container by its key (``st-key-controls_<name>``), so a
    shared screen shows only the story while the controls' values, bound to the URL, still
    apply.
    """
    return st.container(key=f"{CONTROLS_KEY}{name}")


def filter_note(filters: Filters) -> None:
    if filters.active:
        st.caption(
            ":material/filter_alt: Filtered view: change or reset the filters in the sidebar."
        )


def empty_state(what: str, why: str) -> None:
    """Say what is empty and what would fill it."""
    st.info(f"**{what}**  \n{why}", icon=":material/info:")


def picked_id(selection) -> str | None:
    """The id (``customdata``) of the first clicked point in a plotly selection, if any."""
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or []:
        data = point.get("customdata")
        if isinstance(data, list | tuple):
            data = data[0] if data else None
        if isinstance(data, str) and data:
            return data
    return None


def pick_into(chart_key: str, state_key: str) -> None:
    """``on_select`` callback: copy the clicked point's id into the widget ``state_key``."""
    chosen = picked_id(st.session_state.get(chart_key))
    if chosen:
        st.session_state[state_key] = chosen


def keep_valid(state_key: str, valid) -> None:
    """Drop a remembered choice (e.g. from a shared URL) that the current view doesn't offer."""
    current = st.session_state.get(state_key)
    if current is not None and current not in set(valid):
        st.session_state[state_key] = None


def choice_state(key: str, options) -> str | None:
    """The current choice of ``url_choice(key)``, from a click, the widget or the URL.

    Call it before drawing a chart that marks the choice (the selectbox comes later).
    """
    state = f"{key}_pick"
    if state not in st.session_state:
        wanted = st.query_params.get(key)
        st.session_state[state] = wanted if wanted in options else None
    keep_valid(state, options)
    return st.session_state[state]


def url_choice(label: str, options: dict[str, str], key: str, *, placeholder: str) -> str | None:
    """A selectbox of ids shown by label, mirrored in the URL as ``?key=<id>``.

    (A widget bound with ``bind="query-params"`` would put the label in the URL; ids are
    shorter and survive relabelling.) Clicks on charts set it through ``pick_into``.
    """
    state = f"{key}_pick"
    choice_state(key, options)
    chosen = st.selectbox(
        label,
        list(options),
        key=state,
        index=None,
        format_func=options.get,
        placeholder=placeholder,
    )
    if chosen:
        st.query_params[key] = chosen
    elif key in st.query_params:
        del st.query_params[key]
    return chosen


def pick_row_into(table_key: str, ids: list[str], state_key: str) -> None:
    """``on_select`` callback of a dataframe: the selected row's id into ``state_key``."""
    try:
        rows = st.session_state[table_key]["selection"]["rows"]
    except (KeyError, TypeError):
        return
    if rows and 0 <= rows[0] < len(ids):
        st.session_state[state_key] = ids[rows[0]]


def download_csv(
    table: pd.DataFrame | Callable[[], pd.DataFrame], filename: str, label: str = "Download CSV"
) -> None:
    """A CSV download of ``table`` (or of what a callable returns), written only when the
    button is clicked: a large snapshot's rows are not serialised on every rerun."""
    st.download_button(
        label,
        partial(table_csv, table),
        file_name=filename,
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
