"""Synthetic corpora and snapshots for scale tests (``python -m readout synth``)."""
