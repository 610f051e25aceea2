"""Readout: news articles on China–Russia diplomacy turned into tables for a dashboard.

This package never imports streamlit; the app in ``app.py``/``pages/`` reads what it writes.
"""

from pathlib import Path

__version__ = "0.1.0"

# Bump when extraction logic changes so that the app rebuilds stale snapshots.
PIPELINE_VERSION = "2"

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
KNOWLEDGE_DIR = DATA_DIR / "knowledge"
PROCESSED_DIR = DATA_DIR / "processed"
