"""Loading the snapshot, once: the only module with ``st.cache_*`` calls.

The cache key is the snapshot folder plus its manifest's ``built_at`` and fingerprints, so a
rebuilt snapshot is picked up on the next rerun without restarting the app.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard.filtering import Filters, apply_filters
from dashboard.model import APP_CATEGORIES, APP_COLUMNS, APP_WHERE, Snapshot, prepare
from readout import PROCESSED_DIR


def _use_jemalloc() -> None:
    """Arrow's jemalloc pool hands freed memory back to the system; its default (mimalloc)
    kept a 100k-article snapshot's load peak resident: 1.2 GB against 1.9 GB, measured."""
    import pyarrow as pa

    with contextlib.suppress(NotImplementedError, AttributeError):  # built without jemalloc
        pa.set_memory_pool(pa.jemalloc_memory_pool())
        pa.jemalloc_set_decay_ms(0)  # return freed pages at once, not after seconds


_use_jemalloc()

ENV_SNAPSHOT = "READOUT_SNAPSHOT"
ENV_RAW = "READOUT_RAW"  # the article folder behind the snapshot (imports write here)
ENV_CORRECTIONS = "READOUT_CORRECTIONS"
ENV_CACHE = "READOUT_CACHE"  # the NLP cache of incremental builds ("none": off)


def snapshot_dir() -> Path:
    """The folder the app reads: ``$READOUT_SNAPSHOT`` if set, else ``data/processed``."""
    env = os.environ.get(ENV_SNAPSHOT)
    return Path(env) if env else PROCESSED_DIR


def uses_default_snapshot() -> bool:
    return not os.environ.get(ENV_SNAPSHOT)


def raw_dir() -> Path:
    """The articles the snapshot is built from: ``$READOUT_RAW``, else ``data/raw``."""
    import readout  # read at call time: tests point readout.RAW_DIR elsewhere

    env = os.environ.get(ENV_RAW)
    return Path(env) if env else readout.RAW_DIR


def corrections_file() -> Path:
    """``$READOUT_CORRECTIONS``, else ``data/corrections.jsonl``."""
    from readout.corpus.corrections import CORRECTIONS_FILE

    env = os.environ.get(ENV_CORRECTIONS)
    return Path(env) if env else CORRECTIONS_FILE


def cache_dir() -> Path | None:
    """``$READOUT_CACHE`` (``none``: no cache), else ``data/cache``."""
    from readout.snapshot.cache import CACHE_DIR

    env = os.environ.get(ENV_CACHE)
    if env and env.lower() == "none":
        return None
    return Path(env) if env else CACHE_DIR


def can_edit() -> bool:
    """Imports and corrections rebuild the snapshot from its articles: only possible when
    the app knows them (the default folders, or ``$READOUT_RAW`` set)."""
    return uses_default_snapshot() or bool(os.environ.get(ENV_RAW))


def snapshot_key(folder: Path) -> str:
    """Changes whenever the snapshot in ``folder`` is rebuilt (raises SnapshotError if none)."""
    from readout.snapshot.store import read_manifest

    manifest = read_manifest(folder)
    stamp = {k: manifest.get(k) for k in ("built_at", "fingerprints", "counts")}
    return f"{folder.resolve()}|{json.dumps(stamp, sort_keys=True)}"


@st.cache_resource(show_spinner="Reading the snapshot…", max_entries=4)
def _load(folder: str, key: str) -> Snapshot:
    from readout.snapshot.store import read_manifest, read_snapshot

    tables = read_snapshot(
        Path(folder), columns=APP_COLUMNS, where=APP_WHERE, categories=APP_CATEGORIES
    )
    return prepare(tables, read_manifest(Path(folder)))


def load_snapshot(folder: Path | None = None) -> Snapshot:
    """The prepared snapshot, read from disk only when it changed. Treat it as read-only."""
    folder = folder or snapshot_dir()
    return _load(str(folder), snapshot_key(folder))


@st.cache_resource(max_entries=16)
def _filtered(key: str, filters: Filters) -> Snapshot:
    return apply_filters(_load(*key.split("\n", 1)), filters)


def filtered_snapshot(filters: Filters, folder: Path | None = None) -> Snapshot:
    """The snapshot narrowed by ``filters``, cached per filter state."""
    folder = folder or snapshot_dir()
    return _filtered(f"{folder}\n{snapshot_key(folder)}", filters)


_VIEWS: dict[str, Callable[..., Any]] = {}


@st.cache_resource(max_entries=256, show_spinner=False)
def _view(name: str, key: str, filters: Filters, params: tuple) -> Any:
    full = _load(*key.split("\n", 1))
    return _VIEWS[name](full, _filtered(key, filters), *params)


def cached_view(fn: Callable[..., Any], filters: Filters, *params: Hashable) -> Any:
    """``fn(full, filtered, *params)``, computed once per snapshot, filter state and params
    and shared by every session: a page's rerun after a click then only draws. ``fn`` is a
    pure function of the snapshot; treat what it returns as read-only."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    _VIEWS[name] = fn
    folder = snapshot_dir()
    return _view(name, f"{folder}\n{snapshot_key(folder)}", filters, params)


@st.cache_resource
def build_lock() -> threading.Lock:
    """One build at a time, however many browser sessions start together."""
    return threading.Lock()


def clear_caches() -> None:
    """Forget every cached table and figure input: after an import or a correction, every
    view reads the new snapshot on its next run."""
    _load.clear()
    _filtered.clear()
    _view.clear()
