"""The floors of ``readout.bench.pages``: pages that draw one empty chart and nothing else.

Run as is, the floor is what Streamlit itself costs for a page. With ``READOUT_FLOOR=app``
the empty chart is drawn inside the app's frame (``components.shell``: snapshot, navigation,
sidebar filters), which every real page pays too: pages are timed against that one.
"""

import os

import plotly.graph_objects as go
import streamlit as st


def empty_chart() -> None:
    st.plotly_chart(go.Figure())


if os.environ.get("READOUT_FLOOR") == "app":
    from components.shell import run_app

    run_app([st.Page(empty_chart, title="Floor", default=True)])
else:
    empty_chart()
