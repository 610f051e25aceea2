"""Readout: China–Russia diplomacy on the war in Ukraine, from news articles.

Run with ``streamlit run app.py``. The snapshot is read from ``$READOUT_SNAPSHOT`` if set, else
``data/processed`` (built from the bundled sample on first start).
"""

from pathlib import Path

import streamlit as st

from components.briefing_ui import follow_goto, presenter_bar, sidebar_tools
from components.filters import sidebar_filters
from components.startup import ensure_default_snapshot, load_or_stop

ICON = Path(__file__).parent / "assets" / "readout.png"
st.set_page_config(page_title="Readout", page_icon=str(ICON), layout="wide")

PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("views/network.py", title="Actor network", icon=":material/hub:"),
    st.Page("views/statements.py", title="Statements", icon=":material/format_quote:"),
    st.Page("views/articles.py", title="Articles", icon=":material/article:"),
    st.Page(
        "views/import_articles.py", title="Import", icon=":material/upload_file:", url_path="import"
    ),
    st.Page("views/briefings.py", title="Briefings", icon=":material/slideshow:"),
]

# Less empty space above the page title: a 1280×800 laptop or a projector shows more content.
st.html("<style>[data-testid='stMainBlockContainer']{padding-top:2.5rem}</style>")
ensure_default_snapshot()
snapshot = load_or_stop()
navigation = st.navigation(PAGES, position="top")
follow_goto()  # a briefing's next/previous button asked for another view
sidebar_filters(snapshot)
sidebar_tools(navigation.url_path)
presenter_bar()  # briefing mode only (?mode=briefing)
navigation.run()
