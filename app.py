"""Readout: China–Russia diplomacy on the war in Ukraine, from news articles.

Run with ``streamlit run app.py``. The snapshot is read from ``$READOUT_SNAPSHOT`` if set, else
``data/processed`` (built from the bundled sample on first start). The pages are those of
``dashboard.pages.registry``, in its order.
"""

import streamlit as st

from components.shell import run_app
from dashboard.pages.registry import DEFAULT, PAGES

run_app(
    [
        st.Page(
            page.path,
            title=page.title,
            icon=page.icon,
            url_path=page.url_path,
            default=page is DEFAULT,
            visibility="hidden" if page.hidden else "visible",
        )
        for page in PAGES
    ]
)
