"""Briefings: ordered lists of saved views to present on a shared screen, and to export."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components.briefing_ui import goto
from components.data import load_snapshot
from components.layout import empty_state
from dashboard.briefing import store as briefings
from dashboard.briefing.pack import pack_html, pack_pdf
from dashboard.briefing.store import Briefing, BriefingError
from dashboard.chart_export import chrome_path
from dashboard.url_state import PAGE_TITLES

st.title("Briefings")
st.caption(
    "A briefing is an ordered list of views (a page with its filters and choices, a title "
    "and a speaker note). Add views with “Add this view to briefing” in the sidebar of any "
    "page, then present them here: Previous / Next, or the ← → keys."
)


def _create() -> None:
    title = (st.session_state.get("new_briefing") or "").strip()
    if title:
        ident = briefings.free_id(title, briefings.load_all())
        briefings.save(Briefing(ident, title))
        st.session_state["briefing_pick"] = ident
        st.session_state["new_briefing"] = ""


def _import() -> None:
    upload = st.session_state.get("briefing_upload")
    if upload is None:
        return
    try:
        briefing = briefings.parse_briefing(upload.getvalue())
    except BriefingError as exc:
        st.session_state["import_error"] = f"{upload.name} was not imported. {exc}"
        return
    ident = briefings.free_id(briefing.id, briefings.load_all())
    briefings.save(replace(briefing, id=ident))
    st.session_state["briefing_pick"] = ident
    st.session_state["import_done"] = f"Imported “{briefing.title}” ({len(briefing.views)} views)."


def _save(briefing: Briefing, views) -> None:
    briefings.save(replace(briefing, views=tuple(views)))
    for key in [k for k in st.session_state if str(k).startswith(("vt_", "vn_"))]:
        del st.session_state[key]  # the editors show the saved order next time


def _edit(briefing: Briefing, index: int) -> None:
    state = st.session_state
    views = list(briefing.views)
    views[index] = replace(
        views[index],
        title=state[f"vt_{briefing.id}_{index}"],
        note=state[f"vn_{briefing.id}_{index}"],
    )
    _save(briefing, views)


def _delete(briefing: Briefing) -> None:
    briefings.delete(briefing.id)
    st.session_state["briefing_pick"] = None


def manage_side() -> None:
    with st.popover("New or import", icon=":material/add:"):
        st.text_input("New briefing's title", key="new_briefing")
        st.button("Create", on_click=_create, type="primary")
        st.file_uploader(
            "Import a briefing (JSON)", type=["json"], key="briefing_upload", on_change=_import
        )
    if error := st.session_state.pop("import_error", None):
        st.error(error, icon=":material/error:")
    if done := st.session_state.pop("import_done", None):
        st.success(done, icon=":material/check:")


def view_row(briefing: Briefing, index: int) -> None:
    view = briefing.views[index]
    total = len(briefing.views)
    with st.container(border=True):
        head = st.columns([6, 1, 1, 1, 1], vertical_alignment="center")
        where = PAGE_TITLES.get(view.page, view.page)
        head[0].markdown(f"**{index + 1}. {view.title or where}** · {where}")
        head[1].button(
            "", icon=":material/arrow_upward:", key=f"up_{briefing.id}_{index}",
            help="Move up", disabled=index == 0,
            on_click=lambda: _save(briefing, briefings.move(briefing.views, index, -1)),
        )  # fmt: skip
        head[2].button(
            "", icon=":material/arrow_downward:", key=f"down_{briefing.id}_{index}",
            help="Move down", disabled=index == total - 1,
            on_click=lambda: _save(briefing, briefings.move(briefing.views, index, 1)),
        )  # fmt: skip
        head[3].button(
            "", icon=":material/delete:", key=f"rm_{briefing.id}_{index}", help="Remove",
            on_click=lambda: _save(briefing, briefings.remove(briefing.views, index)),
        )  # fmt: skip
        head[4].button(
            "", icon=":material/play_arrow:", key=f"go_{briefing.id}_{index}",
            help="Present from this view", on_click=goto, args=(briefing, index + 1),
        )  # fmt: skip
        with st.expander("Title, note and parameters"):
            st.text_input("Title", value=view.title, key=f"vt_{briefing.id}_{index}")
            st.text_area("Speaker note", value=view.note, key=f"vn_{briefing.id}_{index}")
            st.button(
                "Save", key=f"save_{briefing.id}_{index}", on_click=_edit, args=(briefing, index)
            )
            st.code(view.params or "no parameters: the page as it opens", language=None)


def exports(briefing: Briefing) -> None:
    with st.container(horizontal=True):
        st.download_button(
            "Briefing (JSON)", briefing.to_json(), file_name=f"{briefing.id}.json",
            mime="application/json", icon=":material/download:", on_click="ignore",
        )  # fmt: skip
        if briefing.views:
            st.download_button(
                "Briefing pack (HTML)", lambda: pack_html(load_snapshot(), briefing),
                file_name=f"readout-briefing-{briefing.id}.html", mime="text/html",
                icon=":material/download:", on_click="ignore",
            )  # fmt: skip
            if chrome_path():
                st.download_button(
                    "Briefing pack (PDF)", lambda: pack_pdf(load_snapshot(), briefing),
                    file_name=f"readout-briefing-{briefing.id}.pdf", mime="application/pdf",
                    icon=":material/download:", on_click="ignore",
                )  # fmt: skip
    if briefing.views and not chrome_path():
        st.caption(
            "The PDF pack needs Chrome on the server, which is missing; the HTML has it all."
        )


all_briefings = briefings.load_all()
manage_side()
if not all_briefings:
    empty_state(
        "No briefing yet.",
        "Create one above, or open any page and use “Add this view to briefing” in the sidebar.",
    )
    st.stop()

if st.session_state.get("briefing_pick") not in all_briefings:
    st.session_state["briefing_pick"] = next(iter(all_briefings))
ident = st.selectbox(
    "Briefing",
    list(all_briefings),
    key="briefing_pick",
    format_func=lambda b: all_briefings[b].title,
)
briefing = all_briefings[ident]
row = st.container(horizontal=True)
row.button(
    "Start presenting",
    icon=":material/slideshow:",
    type="primary",
    on_click=goto,
    args=(briefing, 1),
    disabled=not briefing.views,
    key="present",
)
row.button("Delete briefing", icon=":material/delete:", on_click=_delete, args=(briefing,))
exports(briefing)
if not briefing.views:
    st.info("This briefing has no views yet: open a page, set it up, and add it from the sidebar.")
for i in range(len(briefing.views)):
    view_row(briefing, i)
