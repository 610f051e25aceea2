"""The app's pure half: view models, figures and exports from the snapshot's tables.

Nothing here imports Streamlit (an import contract checks it): ``components/`` draws.
"""
