"""Streamlit pieces shared by the pages: data loading, filters, figures, evidence cards.

Figures (``figures*.py``), the snapshot model and filtering are pure and importable without
a running Streamlit app; every ``st.cache_*`` call lives in ``components.data``.
"""
