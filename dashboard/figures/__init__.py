"""Figures: pure functions from tables to a plotly Figure, and briefing mode's look."""
