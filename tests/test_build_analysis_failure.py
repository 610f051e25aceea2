"""An article the NLP pipeline fails on is reported and left out; the build goes on with the
rest, and the failure is not cached (texts written for this test)."""

from __future__ import annotations

import readout.nlp.pipeline as pipeline
from readout.snapshot.build import build_snapshot
from readout.snapshot.store import read_snapshot

GOOD = "Xi calls Putin\n\nXi Jinping held a phone call with Vladimir Putin on Monday.\n"
BROKEN = "Wang meets Lavrov\n\nWang Yi met Sergei Lavrov in Beijing. TRIGGERS-A-FAILURE.\n"


def test_one_article_the_pipeline_fails_on_does_not_stop_the_build(tmp_path, monkeypatch):
    source = tmp_path / "src"
    source.mkdir()
    (source / "good.txt").write_text(GOOD, encoding="utf-8")
    (source / "broken.txt").write_text(BROKEN, encoding="utf-8")
    real = pipeline.result_from_doc

    def failing(doc):
        if "TRIGGERS-A-FAILURE" in doc.text:
            raise ValueError("a bug met on this text")
        return real(doc)

    monkeypatch.setattr(pipeline, "result_from_doc", failing)
    cache = tmp_path / "cache"
    report = build_snapshot(source, tmp_path / "out", cache_dir=cache, corrections=None)
    assert [(r.file, "could not be analysed" in r.reason) for r in report.rejected] == [
        ("broken.txt", True)
    ]
    assert "a bug met on this text" in report.rejected[0].reason
    snapshot = read_snapshot(tmp_path / "out")
    assert list(snapshot["articles"]["file"]) == ["good.txt"]
    assert len(snapshot["events"]) >= 1
    assert len(list(cache.rglob("*.json"))) == 1  # the good article only
