"""Changing the corpus from the app: imports and corrections, each followed by a rebuild.

Both go through the pipeline's own API (``readout.corpus.add.add_inputs``,
``readout.corpus.corrections.record_correction``) on the folders the app was started with
(``components.data``: ``$READOUT_RAW``, ``$READOUT_SNAPSHOT``, ``$READOUT_CORRECTIONS``,
``$READOUT_CACHE``), one build at a time, and end by clearing the data cache so that every
view reads the new snapshot. No Streamlit widgets here: the pages draw the results.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from components.data import (
    build_lock,
    cache_dir,
    clear_caches,
    corrections_file,
    raw_dir,
    snapshot_dir,
)

Progress = Callable[[int, int, str], None]


@dataclass
class CorrectionResult:
    """What a correction did: the stored entry, and why it was not applied (if it wasn't)."""

    entry: dict
    not_applied: list[str] = field(default_factory=list)


def run_import(
    inputs: Sequence, column_map: dict[str, str] | None = None, progress: Progress | None = None
):
    """``add_inputs`` on the app's folders; returns its ``AddReport``. Raises ValueError for a
    bad column map; a failed build raises and leaves the corpus as it was."""
    from readout.corpus.add import add_inputs

    with build_lock():
        try:
            return add_inputs(
                inputs,
                raw_dir=raw_dir(),
                out_dir=snapshot_dir(),
                column_map=column_map or None,
                progress=progress,
                cache_dir=cache_dir(),
                corrections=corrections_file(),
            )
        finally:
            clear_caches()


def rebuild(progress: Progress | None = None):
    """Build the snapshot again from the articles, applying every correction."""
    from readout.snapshot.build import build_snapshot

    with build_lock():
        try:
            return build_snapshot(
                raw_dir(),
                snapshot_dir(),
                progress=progress,
                cache_dir=cache_dir(),
                corrections=corrections_file(),
            )
        finally:
            clear_caches()


def correct(action: str, **fields) -> CorrectionResult:
    """Record one correction (raises ``CorrectionError`` with a readable message when it is
    not valid, writing nothing), then rebuild so that every view shows it."""
    from readout.corpus.corrections import record_correction

    entry = record_correction(action, path=corrections_file(), **fields)
    report = rebuild()
    line = _line_count()
    missed = [s.get("reason", "") for s in report.corrections_skipped if s.get("line") == line]
    return CorrectionResult(entry, missed)


def _line_count() -> int:
    path = corrections_file()
    return len(path.read_text("utf-8").splitlines()) if path.is_file() else 0


def corrections_bytes() -> bytes:
    """The corrections file as it is (the export)."""
    path = corrections_file()
    return path.read_bytes() if path.is_file() else b""
