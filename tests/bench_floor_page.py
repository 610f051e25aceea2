"""The floor of ``readout.bench_pages``: a page that draws one empty chart and nothing else.

Page rerun timings are read against this: what Streamlit itself costs for a page.
"""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure())
