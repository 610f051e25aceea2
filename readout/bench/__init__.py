"""Benchmarks: build speed, page reruns, browser load (``python -m readout bench``)."""
