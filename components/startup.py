"""First start: build the bundled sample when the default snapshot is missing or stale, then read.

Failures end in a message a person can act on, never a traceback.
"""

from __future__ import annotations

import streamlit as st

from components.data import (
    build_lock,
    cache_dir,
    can_edit,
    corrections_file,
    load_snapshot,
    raw_dir,
    snapshot_dir,
)
from dashboard.model import Snapshot

BUILD_HINT = "Build it with `python -m readout build` (or set `READOUT_SNAPSHOT` to a snapshot)."
# The build's box is drawn before the navigation bar exists; once the bar appears (position
# "top", 60 px high, over the page) it would hide the box's first line. The margin keeps the
# whole box below the bar, during the build and after it.
BOX_KEY = "first-start-build"
BOX_STYLE = f"<style>.st-key-{BOX_KEY}{{margin-top:1.75rem}}</style>"


def _is_model_missing(exc: BaseException) -> bool:
    return type(exc).__name__ == "ModelNotFound"


def _label(out) -> str:
    """What the build is for: a first start, or articles or a pipeline that changed."""
    from readout.snapshot.store import MANIFEST

    if not (out / MANIFEST).is_file():
        return "First start: building the snapshot from the articles…"
    return "The articles or the pipeline changed: building the snapshot again…"


def _failed(out) -> str:
    from readout.snapshot.store import MANIFEST

    if (out / MANIFEST).is_file():  # the build left the old snapshot as it was
        return "The snapshot could not be built again: the pages show the one built before"
    return "The snapshot could not be built"


def _build(build_snapshot, raw, out, corrections) -> None:
    st.html(BOX_STYLE)
    with (
        st.container(key=BOX_KEY),
        st.status(_label(out), expanded=True) as box,
    ):
        st.caption(
            "Readout finds the actors, statements and events of every article once and keeps "
            "them; the next start opens at once."
        )
        bar = st.progress(0.0, text="Starting")

        def progress(done: int, total: int, message: str) -> None:
            bar.progress(min(done / max(total, 1), 1.0), text=f"{done}/{total} · {message}")

        try:
            report = build_snapshot(
                raw, out, progress=progress, corrections=corrections, cache_dir=cache_dir()
            )
        except Exception as exc:  # shown to the user; the old snapshot (if any) is untouched
            box.update(label=_failed(out), state="error", expanded=True)
            if _is_model_missing(exc):
                st.error(f"**The spaCy language model is missing.** {exc}")
            else:
                st.error(f"**The build failed:** {type(exc).__name__}: {exc}")
            return
        seconds = f"{report.seconds:.0f} s"
        box.update(
            label=f"Built {report.counts.get('articles', 0)} articles in {seconds}",
            state="complete",
            expanded=False,
        )


def ensure_default_snapshot() -> None:
    """Build the snapshot from its articles unless it is current: ``data/processed`` from
    ``data/raw``, or ``$READOUT_SNAPSHOT`` from ``$READOUT_RAW`` when both are set."""
    if not can_edit():
        return
    try:
        from readout.snapshot.build import build_snapshot, snapshot_is_current
    except Exception as exc:  # the pipeline itself is broken or incomplete
        st.warning(
            f"The pipeline cannot run here ({type(exc).__name__}: {exc}); "
            "showing the existing snapshot, if any."
        )
        return
    raw, out, fixes = raw_dir(), snapshot_dir(), corrections_file()
    if snapshot_is_current(raw, out, corrections=fixes):
        return
    with build_lock():
        if not snapshot_is_current(raw, out, corrections=fixes):  # another session built it?
            _build(build_snapshot, raw, out, fixes)


def load_or_stop() -> Snapshot:
    """The snapshot, or a clear message and a stopped script."""
    folder = snapshot_dir()
    try:
        return load_snapshot(folder)
    except Exception as exc:
        st.title("Readout")
        st.error(f"**No usable snapshot in `{folder}`.** {exc}")
        st.info(BUILD_HINT)
        st.stop()
        raise  # unreachable: st.stop() ends the run
