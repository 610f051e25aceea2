"""Readout: China–Russia diplomacy on the war in Ukraine, from news articles.

Run with ``streamlit run app.py``. The snapshot is read from ``$READOUT_SNAPSHOT`` if set, else
``data/processed`` (built from the bundled sample on first start).
"""

import streamlit as st

from components.shell import run_app

run_app(
    [
        st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:"),
        st.Page("views/network.py", title="Actor network", icon=":material/hub:"),
        st.Page("views/statements.py", title="Statements", icon=":material/format_quote:"),
        st.Page("views/articles.py", title="Articles", icon=":material/article:"),
        # One event's dossier, opened with ?event=<id> (from the Timeline): not in the menu.
        st.Page(
            "views/dossier.py",
            title="Event dossier",
            icon=":material/fact_check:",
            visibility="hidden",
        ),
        st.Page(
            "views/import_articles.py",
            title="Import",
            icon=":material/upload_file:",
            url_path="import",
        ),
        st.Page("views/briefings.py", title="Briefings", icon=":material/slideshow:"),
    ]
)
