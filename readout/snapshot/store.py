"""Snapshots on disk: one Parquet file per table plus ``manifest.json``, swapped in atomically.

A build writes into a temporary sibling folder and only then exchanges it with the live one,
so a failed or killed build leaves the previous snapshot exactly as it was.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from readout.snapshot.schema import SCHEMA_VERSION, TABLE_NAMES, TABLES

MANIFEST = "manifest.json"
_RENAME_EXCHANGE = 2  # linux/fs.h


class SnapshotError(RuntimeError):
    """The snapshot folder is missing, incomplete or of another schema version."""


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with renameat2(RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _swap_in(tmp: Path, out: Path) -> None:
    if not out.exists():
        os.replace(tmp, out)
        return
    if _exchange(tmp, out):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old snapshot
        return
    # Fallback for filesystems without RENAME_EXCHANGE: a very short window without `out`.
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.replace(out, old)
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_temporaries(out: Path) -> None:
    """Folders left by builds that were killed while writing (their process is gone)."""
    for path in out.parent.glob(f".{out.name}.tmp-*"):
        pid = path.name.removeprefix(f".{out.name}.tmp-").split("-")[0]
        if pid.isdigit() and not _pid_alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def write_snapshot(tables: dict[str, pa.Table], out: Path, manifest: dict) -> Path:
    """Write every table and the manifest, then swap the folder in; returns ``out``."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-{os.getpid()}-", dir=out.parent))
    try:
        for name in TABLE_NAMES:
            table = tables.get(name, TABLES[name].empty_table())
            # Row groups of 16k rows: a reader decompresses one group at a time, so reading a
            # 100k-article snapshot does not hold every text twice at once.
            pq.write_table(
                table.cast(TABLES[name]), tmp / f"{name}.parquet", row_group_size=ROW_GROUP_ROWS
            )
        full = {"schema_version": SCHEMA_VERSION, **manifest}
        full["counts"] = {name: tables[name].num_rows if name in tables else 0 for name in TABLES}
        (tmp / MANIFEST).write_text(json.dumps(full, indent=2, ensure_ascii=False), "utf-8")
        _swap_in(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    if not path.exists():
        raise SnapshotError(f"no snapshot in {folder} (missing {MANIFEST})")
    try:
        return json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise SnapshotError(f"{path} is not valid JSON: {exc}") from exc


ROW_GROUP_ROWS = 16_384


def read_table(
    folder: Path,
    name: str,
    *,
    columns: list[str] | None = None,
    where=None,
    categories: list[str] | None = None,
) -> pd.DataFrame:
    """One table; only ``columns`` and the rows matching ``where`` (a pyarrow expression)
    when given, so a reader of a large snapshot holds only what it uses; ``categories``
    columns come as pandas categoricals (in order of first appearance)."""
    path = Path(folder) / f"{name}.parquet"
    if not path.exists():
        raise SnapshotError(f"snapshot {folder} has no {name} table")
    schema = TABLES.get(name)
    table = pq.read_table(path, schema=schema, columns=columns, filters=where)
    # self_destruct frees each Arrow column once converted: a lower peak on big tables.
    return table.to_pandas(split_blocks=True, self_destruct=True, categories=categories)


def read_snapshot(
    folder: Path,
    *,
    columns: dict[str, list[str]] | None = None,
    where: dict | None = None,
    categories: dict[str, list[str]] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table of a snapshot as DataFrames; raises SnapshotError when it is unusable.
    ``columns``, ``where`` and ``categories`` apply per table (see ``read_table``)."""
    manifest = read_manifest(folder)
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise SnapshotError(
            f"snapshot {folder} has schema version {manifest.get('schema_version')}, "
            f"this Readout reads version {SCHEMA_VERSION}: rebuild it"
        )
    columns, where, categories = columns or {}, where or {}, categories or {}
    return {
        name: read_table(
            folder,
            name,
            columns=columns.get(name),
            where=where.get(name),
            categories=categories.get(name),
        )
        for name in TABLE_NAMES
    }
