"""Scoring a snapshot against hand annotations (``python -m readout evaluate``)."""
