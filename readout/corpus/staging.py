"""The staging folder of an import, and moving it into ``data/raw`` safely.

A staging folder ``.<raw>.staging-<pid>-<random>`` sits beside the raw folder (same file
system, so moves are atomic renames). It holds the new files and hard links to every file of
the raw folder, so that a build from it sees exactly what the raw folder will hold, with the
same names, sizes and modification times (the snapshot's fingerprint then matches the raw
folder after the commit). See ``readout.corpus.add`` for the whole procedure.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from readout.ingest.file_text import load_text
from readout.ingest.sources import METADATA

PLAN = ".commit.json"
FIELDS = ("file", "title", "outlet", "url", "published", "agency")


class StagingError(RuntimeError):
    """The import cannot go ahead; nothing was changed."""


def _prefix(raw_dir: Path) -> str:
    return f".{raw_dir.name}.staging-"


@contextlib.contextmanager
def locked(raw_dir: Path) -> Iterator[None]:
    """One import at a time per raw folder, across processes (advisory ``flock``)."""
    lock = raw_dir.parent / f".{raw_dir.name}.import.lock"
    raw_dir.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a+") as handle:
        try:
            import fcntl
        except ImportError:  # not POSIX: no cross-process lock
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def make_staging(raw_dir: Path) -> Path:
    prefix = f"{_prefix(raw_dir)}{os.getpid()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, dir=raw_dir.parent))


def link_existing(raw_dir: Path, staging: Path, *, except_names: set[str]) -> None:
    """Hard links (copies where links are not possible) of every file of the raw folder."""
    if not raw_dir.is_dir():
        return
    for path in raw_dir.iterdir():
        if not path.is_file() or path.name in except_names:
            continue
        try:
            os.link(path, staging / path.name)
        except OSError:
            shutil.copy2(path, staging / path.name)  # keeps the modification time


# --- metadata.csv --------------------------------------------------------------------------


def metadata_text(raw_dir: Path, rows: list[dict]) -> str:
    """The raw folder's metadata.csv with ``rows`` appended. The old text is kept as it is,
    unless it lacks a column the new rows need; then the table is written out again."""
    path = raw_dir / METADATA
    old = load_text(path, 50_000_000) if path.is_file() else ""
    if not isinstance(old, str):
        raise StagingError(f"{path} cannot be read ({old.reason}); fix it before importing")
    records = list(csv.reader(io.StringIO(old))) if old.strip() else []
    header = [h.strip().lstrip("\ufeff").lower() for h in records[0]] if records else []
    needed = ["file"] + [f for f in FIELDS[1:] if any(r.get(f) for r in rows)]
    if header and all(f in header for f in needed):
        return (old if old.endswith("\n") else old + "\n") + _serialise(header, rows)
    columns = header + [f for f in needed if f not in header] if header else list(FIELDS)
    old_rows = [dict(zip(header, r, strict=False)) for r in records[1:]]
    return _serialise(columns, old_rows + rows, header=True)


def _serialise(columns: list[str], rows: list[dict], *, header: bool = False) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows({k: v or "" for k, v in r.items()} for r in rows)
    return out.getvalue()


# --- commit and recovery -------------------------------------------------------------------


def commit(staging: Path, raw_dir: Path, files: list[str], metadata: bool) -> None:
    """Move the new files (and metadata.csv) into the raw folder; a plan written first lets
    ``recover`` finish the job if this process dies half-way."""
    plan = {"files": files, "metadata": metadata}
    (staging / PLAN).write_text(json.dumps(plan), "utf-8")
    _fsync_dir(staging)
    _carry_out(staging, raw_dir, plan)


def _carry_out(staging: Path, raw_dir: Path, plan: dict) -> None:
    raw_dir.mkdir(parents=True, exist_ok=True)
    names = [*plan["files"], *([METADATA] if plan["metadata"] else [])]
    for name in names:  # metadata.csv last: it may name the new files
        source = staging / name
        if source.exists():
            os.replace(source, raw_dir / name)
    _fsync_dir(raw_dir)
    shutil.rmtree(staging, ignore_errors=True)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def recover(raw_dir: Path) -> list[str]:
    """Finish imports that died while committing; remove staging folders of imports that died
    before. Call with the lock held. Returns the staging folders handled."""
    handled = []
    for staging in sorted(raw_dir.parent.glob(f"{_prefix(raw_dir)}*")):
        if not staging.is_dir():
            continue
        plan_file = staging / PLAN
        try:
            plan = json.loads(plan_file.read_text("utf-8")) if plan_file.exists() else None
        except (OSError, json.JSONDecodeError):
            plan = None  # a plan that was never completely written: the commit never began
        if plan is None:
            shutil.rmtree(staging, ignore_errors=True)
        else:
            _carry_out(staging, raw_dir, plan)
        handled.append(staging.name)
    return handled


def relabel_manifest(out_dir: Path, raw_dir: Path) -> None:
    """The snapshot was built from the staging folder: name the raw folder as its source."""
    path = out_dir / "manifest.json"
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError):
        return
    manifest["source"] = str(raw_dir)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8")
    os.replace(tmp, path)
