"""Snapshots are written atomically and read back with the declared schema."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from readout.snapshot import store
from readout.snapshot.schema import SCHEMA_VERSION, TABLE_NAMES, to_arrow


def _tables(title: str):
    row = {"article_id": "a1", "file": "x.txt", "title": title, "text": "Body.", "n_words": 1}
    return {"articles": to_arrow("articles", [row])}


def test_round_trip_keeps_rows_and_manifest(tmp_path):
    out = tmp_path / "snap"
    store.write_snapshot(_tables("First"), out, {"model": "m"})
    tables = store.read_snapshot(out)
    assert set(tables) == set(TABLE_NAMES)
    assert tables["articles"].loc[0, "title"] == "First"
    assert tables["events"].empty
    manifest = store.read_manifest(out)
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["counts"]["articles"] == 1
    assert manifest["model"] == "m"


def test_second_write_replaces_and_leaves_no_temporary_folder(tmp_path):
    out = tmp_path / "snap"
    store.write_snapshot(_tables("First"), out, {})
    store.write_snapshot(_tables("Second"), out, {})
    assert store.read_snapshot(out)["articles"].loc[0, "title"] == "Second"
    assert [p.name for p in tmp_path.iterdir()] == ["snap"]


def test_failed_write_leaves_previous_snapshot_untouched(tmp_path, monkeypatch):
    out = tmp_path / "snap"
    store.write_snapshot(_tables("First"), out, {})
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = []
    original = pq.write_table

    def failing_write(table, path, **kwargs):
        calls.append(path)
        if len(calls) == 3:  # fail midway, after some tables were written
            raise OSError("disk full")
        return original(table, path, **kwargs)

    monkeypatch.setattr(store.pq, "write_table", failing_write)
    with pytest.raises(OSError, match="disk full"):
        store.write_snapshot(_tables("Second"), out, {})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["snap"]


def test_wrong_schema_version_is_a_clear_error(tmp_path):
    out = tmp_path / "snap"
    store.write_snapshot(_tables("First"), out, {})
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["schema_version"] = SCHEMA_VERSION + 1
    (out / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(store.SnapshotError, match="rebuild"):
        store.read_snapshot(out)


def test_missing_snapshot_is_a_clear_error(tmp_path):
    with pytest.raises(store.SnapshotError, match="no snapshot"):
        store.read_snapshot(tmp_path / "nowhere")


def test_folders_left_by_a_killed_writer_are_removed(tmp_path):
    out = tmp_path / "snap"
    stale = tmp_path / ".snap.tmp-999999999-abc"  # no such process
    stale.mkdir()
    (stale / "articles.parquet").write_bytes(b"half written")
    store.write_snapshot(_tables("First"), out, {})
    assert not stale.exists()
