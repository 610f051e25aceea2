"""Whole builds: bad input is reported and skipped, and a failed build keeps the old snapshot."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readout import RAW_DIR, ROOT
from readout.snapshot.build import build_snapshot, snapshot_is_current
from readout.snapshot.store import read_manifest, read_snapshot

GOOD = (
    "Ministers meet in Geneva\n\n"
    "Foreign Minister Wang Yi met Sergei Lavrov in Geneva on Tuesday, the ministry said.\n"
)


@pytest.fixture
def messy_folder(tmp_path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(
        "Talks in Zürich\n\nThe café meeting of ministers ended on Monday.\n".encode("latin-1")
    )
    with open(folder / "huge.txt", "wb") as handle:  # 20 MB, sparse: cheap to create
        handle.truncate(20 * 1024 * 1024)
    (folder / "notext.csv").write_text("headline,body\nA,B\n", "utf-8")
    return folder


def test_bad_input_is_reported_with_reasons_and_the_rest_is_built(messy_folder, tmp_path):
    out = tmp_path / "snap"
    report = build_snapshot(messy_folder, out, cache_dir=None, corrections=None)
    reasons = {r.file: r.reason for r in report.rejected}
    assert set(reasons) == {"empty.txt", "binary.txt", "huge.txt", "notext.csv"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "MB" in reasons["huge.txt"]
    assert "text" in reasons["notext.csv"]
    articles = read_snapshot(out)["articles"]
    assert sorted(articles["file"]) == ["good.txt", "latin1.txt"]
    latin = articles.set_index("file").loc["latin1.txt"]
    assert "café" in latin["text"]
    assert "Zürich" in f"{latin['title']} {latin['text']}"
    manifest = read_manifest(out)
    assert {r["file"] for r in manifest["rejected"]} == set(reasons)


def test_manifest_names_the_model_and_counts(sample_snapshot):
    manifest = read_manifest(sample_snapshot)
    assert manifest["model"].startswith("en_core_web_sm")
    assert manifest["counts"]["articles"] == 5
    assert manifest["built_at"]


def test_snapshot_is_current_until_raw_data_changes(tmp_path):
    source = tmp_path / "raw"
    source.mkdir()
    (source / "one.txt").write_text(GOOD, "utf-8")
    out = tmp_path / "snap"
    build_snapshot(source, out, cache_dir=None, corrections=None)
    assert snapshot_is_current(source, out, corrections=None)
    (source / "two.txt").write_text(GOOD.replace("Geneva", "Vienna"), "utf-8")
    assert not snapshot_is_current(source, out, corrections=None)


def test_build_killed_midway_leaves_previous_snapshot_readable(tmp_path):
    source = tmp_path / "raw"
    shutil.copytree(RAW_DIR, source)
    out = tmp_path / "snap"
    build_snapshot(source, out, cache_dir=None, corrections=None)
    before = read_snapshot(out)["articles"]["article_id"].tolist()
    for i in range(30):  # enough text that the NLP stage is still running when killed
        (source / f"extra{i}.txt").write_text((RAW_DIR / "000_c29a4013283529cf.txt").read_text())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "readout", "build", "--source", str(source), "--out", str(out)]
    cmd += ["--cache", "none"]  # every article meets spaCy, so the build is still running
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:  # kill as soon as the NLP stage has started
        if line.startswith("[1/"):
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    time.sleep(0.1)
    assert read_snapshot(out)["articles"]["article_id"].tolist() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_parallel_build_gives_the_same_tables(sample_snapshot, tmp_path):
    out = tmp_path / "parallel"
    build_snapshot(RAW_DIR, out, jobs=2, cache_dir=None, corrections=None)
    one, two = read_snapshot(sample_snapshot), read_snapshot(out)
    for name in one:
        assert one[name].astype(str).equals(two[name].astype(str)), name
