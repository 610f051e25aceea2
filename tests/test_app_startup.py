"""First start with the default snapshot folder: build the bundled sample with visible progress,
or say clearly why it can't be built."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

import readout
import readout.snapshot.build
from components import data
from readout import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def default_dirs(tmp_path, monkeypatch):
    """The default raw and processed folders pointed at a copy of the sample in tmp."""
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    shutil.copytree(readout.RAW_DIR, raw)
    monkeypatch.delenv("READOUT_SNAPSHOT", raising=False)
    monkeypatch.setattr(readout, "RAW_DIR", raw)
    monkeypatch.setattr(readout, "PROCESSED_DIR", processed)
    monkeypatch.setattr(data, "PROCESSED_DIR", processed)
    real_build = readout.snapshot.build.build_snapshot  # the same build, without the shared cache

    def build_uncached(*args, **kwargs):
        return real_build(*args, **{**kwargs, "cache_dir": None})

    monkeypatch.setattr(readout.snapshot.build, "build_snapshot", build_uncached)
    return raw, processed


def labels(at: AppTest) -> str:
    statuses = [node for node in at.main if getattr(node, "type", None) == "status"]
    parts = [e.value for e in at.error] + [s.label for s in statuses]
    return "\n".join(parts)


@pytest.mark.slow
def test_first_start_builds_the_sample_with_progress(default_dirs):
    raw, processed = default_dirs
    at = AppTest.from_file(APP, default_timeout=300).run()
    assert not at.exception, [e.message for e in at.exception]
    assert (processed / "manifest.json").exists()
    assert "Built 5 articles" in labels(at)
    assert readout.snapshot.build.snapshot_is_current(raw, processed)
    assert at.metric[0].value == "5"
    again = AppTest.from_file(APP, default_timeout=60).run()  # current: no second build
    assert "Built" not in labels(again)


def test_a_missing_model_is_explained(default_dirs, monkeypatch):
    class ModelNotFound(RuntimeError):
        pass

    def no_model(*args, **kwargs):
        raise ModelNotFound("No spaCy English model is installed. Install one with: pip ...")

    monkeypatch.setattr(readout.snapshot.build, "build_snapshot", no_model)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    shown = labels(at)
    assert "The spaCy language model is missing" in shown
    assert "pip" in shown
    assert "No usable snapshot" in shown
