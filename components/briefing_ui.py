"""Briefing mode in the app: the ``mode=briefing`` switch, the presenter's bar, and "Add this
view to briefing".

Presenting a briefing is URL state too: ``?mode=briefing&briefing=<id>&slide=<n>`` on the
view's own page with the view's parameters. Stepping to another view sets the URL-bound
widgets' values in session state (a bound query parameter cannot be set directly) and
switches page with the rest of the view's parameters; the widgets write theirs back.

A saved view holds ids (``actor=wang-yi``) where the URL shows the widget's label
(``actor=Wang+Yi``): widget values are ids, and a name may change or be shared.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components.data import load_snapshot
from dashboard.briefing import store as briefings
from dashboard.briefing.store import Briefing, View
from dashboard.figures.presentation import BRIEFING_CSS
from dashboard.filtering import date_bounds
from dashboard.url_state import (
    CONTROL_KEYS,
    FILTER_KEYS,
    LABELLED_KEYS,
    PAGE_FILES,
    PAGE_TITLES,
    PICK_KEYS,
    WIDGET_KINDS,
    to_ids,
    to_url,
    view_params,
    widget_value,
)

GOTO = "_readout_goto"
NOTE = "briefing_note_shown"


def is_briefing() -> bool:
    return st.query_params.get("mode") == "briefing"


def _state_ids(key: str, shown: list[str], labels) -> list[str] | None:
    """The ids a labelled widget holds, if they are what the URL shows (two actors may
    share a name: the widget's own value says which one is meant)."""
    value = st.session_state.get(key)
    ids = [value] if isinstance(value, str) else list(value or [])
    if ids and to_url({key: ids}, labels)[key] == shown:
        return ids
    return None


def current_params() -> dict[str, list[str]]:
    """The current view's parameters, ids in place of the labels the URL shows."""
    params = view_params({k: st.query_params.get_all(k) for k in st.query_params})
    labels = briefings.labels_of(load_snapshot())
    out = to_ids(params, labels)
    for key in set(params) & set(LABELLED_KEYS):
        out[key] = _state_ids(key, params[key], labels) or out[key]
    return out


def _reset_value(key: str):
    if key == "dates":
        return date_bounds(load_snapshot())
    return "" if key == "q" else []


def _set_widgets(view: View) -> None:
    """Session state as the view's URL would set it (runs in a button callback)."""
    state = st.session_state
    for key in WIDGET_KINDS:
        if key in view.params:
            state[key] = widget_value(key, view.params[key])
        elif key in FILTER_KEYS:
            value = _reset_value(key)
            if value is not None:
                state[key] = value
        else:
            state.pop(key, None)
    for key in PICK_KEYS:
        state[f"{key}_pick"] = (view.params.get(key) or [None])[0]


def goto(briefing: Briefing, slide: int) -> None:
    """Button callback: present view ``slide`` (1-based) of ``briefing``."""
    if not briefing.views:
        return
    slide = max(1, min(len(briefing.views), slide))
    full = load_snapshot()
    view = briefings.resolved(briefing, full).views[slide - 1]
    _set_widgets(view)
    # The whole view in the new page's URL, as its widgets spell it: the frontend does not
    # write a value set in session state before a page switch, and a reload reads the URL.
    params = to_url(view.params, briefings.labels_of(full))
    params |= {"mode": "briefing", "briefing": briefing.id, "slide": str(slide)}
    st.session_state[NOTE] = False
    st.session_state[GOTO] = (PAGE_FILES.get(view.page, PAGE_FILES[""]), params)


def follow_goto() -> None:
    """In app.py before the navigation: switch to the view a button asked for."""
    target = st.session_state.pop(GOTO, None)
    if target:
        bound = _bound(target[1])  # set through session state by goto; the widgets write them
        params = {k: v for k, v in target[1].items() if k not in bound}
        st.switch_page(target[0], query_params=params)


def _bound(params: dict) -> set[str]:
    """The parameters bound to a widget drawn in the last run (the sidebar's filters, the
    page's own widgets when the next view is on the same page): a page switch may not set
    them. Streamlit has no public call for it; without one, every widget key counts."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        with get_script_run_ctx().session_state.query_params() as qp:
            return {k for k in params if qp.is_bound(k)}
    except Exception:  # noqa: BLE001 - an internal API that may change
        return set(params) & set(WIDGET_KINDS)


def _exit() -> None:
    for key in CONTROL_KEYS:
        if key in st.query_params:
            del st.query_params[key]


def _enter() -> None:
    st.query_params["mode"] = "briefing"


def presenting() -> tuple[Briefing, int] | None:
    """The briefing being presented and the slide number, from the URL."""
    ident = st.query_params.get("briefing")
    if not is_briefing() or not ident:
        return None
    briefing = briefings.load_all().get(ident)
    if briefing is None or not briefing.views:
        return None
    try:
        slide = int(st.query_params.get("slide", "1"))
    except ValueError:
        slide = 1
    return briefing, max(1, min(len(briefing.views), slide))


def _flip_note() -> None:
    st.session_state[NOTE] = not st.session_state.get(NOTE, False)


def note_button() -> None:
    """Show / hide the speaker note. A button, not a toggle: a focused toggle (a checkbox)
    swallows the ← → keys, a button lets them reach the Previous / Next shortcuts."""
    shown = st.session_state.get(NOTE, False)
    st.button(
        "Hide speaker note" if shown else "Speaker note",
        icon=":material/speaker_notes_off:" if shown else ":material/speaker_notes:",
        on_click=_flip_note,
        key="briefing_note",
    )


def presenter_bar() -> None:
    """Briefing mode's top bar: previous / next (also ← →), "3 / 7", the title and the note."""
    if not is_briefing():
        return
    st.html(BRIEFING_CSS)
    shown = presenting()
    with st.container(horizontal=True, vertical_alignment="center", key="presenter_bar"):
        if shown:
            briefing, slide = shown
            total = len(briefing.views)
            view = briefing.views[slide - 1]
            st.button(
                "Previous",
                icon=":material/arrow_back:",
                on_click=goto,
                args=(briefing, slide - 1),
                disabled=slide <= 1,
                shortcut="Left",
                key="briefing_prev",
            )
            st.markdown(f"**{slide} / {total}**")
            st.button(
                "Next",
                icon=":material/arrow_forward:",
                on_click=goto,
                args=(briefing, slide + 1),
                disabled=slide >= total,
                shortcut="Right",
                key="briefing_next",
            )
            st.markdown(f"**{view.title or PAGE_TITLES.get(view.page, '')}**")
            if view.note:
                note_button()
        st.space("stretch")
        st.button("Exit briefing mode", icon=":material/close:", on_click=_exit, key="exit_mode")
    if shown and shown[0].views[shown[1] - 1].note and st.session_state.get(NOTE):
        st.info(shown[0].views[shown[1] - 1].note, icon=":material/speaker_notes:")


def _add(page: str, params: dict[str, list[str]]) -> None:
    state = st.session_state
    existing = briefings.load_all()
    choice = state.get("add_to")
    title = (state.get("add_new_title") or "").strip()
    if choice in existing:
        target = existing[choice]
    else:
        title = title or "Untitled briefing"
        target = Briefing(briefings.free_id(title, existing), title)
    view = View(page, params, (state.get("add_title") or "").strip(), state.get("add_note") or "")
    briefings.save(replace(target, views=(*target.views, view)))
    state["add_done"] = f"Added to “{target.title}” as view {len(target.views) + 1}."


@st.dialog("Add this view to a briefing")
def _add_dialog(page: str, params: dict[str, list[str]]) -> None:
    existing = briefings.load_all()
    options = [*existing, "_new"]
    choice = st.selectbox(
        "Briefing",
        options,
        key="add_to",
        format_func=lambda b: "New briefing…" if b == "_new" else existing[b].title,
    )
    if choice == "_new":
        st.text_input("New briefing's title", key="add_new_title")
    st.text_input("View title", key="add_title", placeholder=PAGE_TITLES.get(page, ""))
    st.text_area("Speaker note", key="add_note", height=90)
    # A callback, so the view is saved before any rerun (the app's, or a test's); then the
    # dialog closes with a full rerun.
    st.button("Add", type="primary", on_click=_add, args=(page, params), key="add_view")
    if "add_done" in st.session_state:
        st.rerun()


def sidebar_tools(page: str) -> None:
    """In normal mode: switch to briefing mode, and add the current view to a briefing."""
    if is_briefing():
        return
    with st.sidebar:
        st.divider()
        st.button(
            "Briefing mode",
            icon=":material/slideshow:",
            on_click=_enter,
            width="stretch",
            help="Large text for a shared screen; the sidebar hides, the filters stay",
        )
        if page in PAGE_FILES and st.button(
            "Add this view to briefing", icon=":material/playlist_add:", width="stretch"
        ):
            _add_dialog(page, current_params())
        if done := st.session_state.pop("add_done", None):
            st.success(done, icon=":material/check:")
