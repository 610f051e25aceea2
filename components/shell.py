"""The frame every page runs in: page config, first-start build, snapshot, navigation,
sidebar filters and briefing tools. ``app.py`` runs it with the app's pages; the page
benchmark runs it with a floor page, so a page is timed against the same frame."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.briefing_ui import follow_goto, presenter_bar, sidebar_tools
from components.filters import sidebar_filters
from components.startup import ensure_default_snapshot, load_or_stop
from dashboard.pages.registry import PAGES

ICON = Path(__file__).parent.parent / "assets" / "readout.png"
# The pages that read the filters (by url path, "" the default page): ``Page.filtered``.
# Their values are kept while another page shows (the widgets are bound to the URL), so
# they are there on the way back.
FILTER_PAGES = frozenset(page.url_path for page in PAGES if page.filtered)


def no_filters_here() -> None:
    """Where the filters went, on a page without them (the sidebar would start with a rule)."""
    views = [page.title for page in PAGES if page.filtered]
    where = ", ".join(views[:-1]) + " and " + views[-1]
    st.sidebar.caption(f"The filters are on the {where} pages; any you set stay set.")


def run_app(pages: list) -> None:
    """Draw the frame around ``pages`` (``st.Page`` objects) and run the one asked for."""
    st.set_page_config(page_title="Readout", page_icon=str(ICON), layout="wide")
    # Less empty space above the page title: a 1280×800 laptop or a projector shows more.
    st.html("<style>[data-testid='stMainBlockContainer']{padding-top:2.5rem}</style>")
    ensure_default_snapshot()
    snapshot = load_or_stop()
    navigation = st.navigation(pages, position="top")
    follow_goto()  # a briefing's next/previous button asked for another view
    if navigation.url_path in FILTER_PAGES:
        sidebar_filters(snapshot)
    else:
        no_filters_here()
    sidebar_tools(navigation.url_path)
    presenter_bar()  # briefing mode only (?mode=briefing)
    navigation.run()
