"""``python -m readout bench``: the report's shape and arithmetic, never wall-clock targets."""

from __future__ import annotations

import json

import pytest

from readout import ROOT
from readout.__main__ import parser
from readout.bench.build_speed import bench_build, summarise
from readout.bench.pages import FLOOR_PAGE, pages_of, time_pages
from readout.synth.snapshot import write_synthetic_snapshot


def run(seconds: float, cpu: float, words: int = 1000) -> dict:
    return {"seconds": seconds, "cpu_seconds": cpu, "words": words,
            "max_rss_mb": {"self": 100.0, "children": 0.0}, "peak_rss_tree_mb": 120.0}  # fmt: skip


def test_summary_ratios_and_scaling():
    runs = {"bare_1": run(1.0, 1.0), "readout_1": run(2.0, 2.0),
            "bare_2": run(0.5, 1.0), "readout_2": run(1.25, 2.5)}  # fmt: skip
    report = summarise(runs, 10, 0, 2, "en_core_web_sm", (0.0, 0.0, 0.0))
    assert report["words_per_second"]["readout_1"] == {"wall": 500.0, "cpu": 500.0}
    assert report["ratio_readout_vs_bare"] == {"1": 0.5, "2": 0.4, "1_cpu": 0.5, "target": 0.8}
    assert report["scaling"] == {"readout": 1.6, "bare": 2.0, "processes": 2, "target": 1.6}
    assert report["peak_memory_mb"]["readout_2"]["tree_peak"] == 120.0


def test_bench_build_measures_every_run(tmp_path):
    report = bench_build(6, jobs=2, workdir=tmp_path)
    assert set(report["seconds"]) == {"bare_1", "readout_1", "bare_2", "readout_2"}
    assert report["corpus"]["words"] > 500
    assert all(v["wall"] > 0 for v in report["words_per_second"].values())
    assert report["ratio_readout_vs_bare"]["1"] > 0 and report["scaling"]["readout"] > 0
    assert all(m["self"] > 50 for m in report["peak_memory_mb"].values())  # a model was loaded
    paired = report["ratio_per_repeat"]
    assert set(paired) == {"1", "2"} and all(len(r) == 1 and r[0] > 0 for r in paired.values())
    json.dumps(report)
    assert list(tmp_path.iterdir()) == [], "temporary corpus removed"


def test_pages_of_lists_the_app_pages():
    pages = pages_of()
    assert pages and all((ROOT / page).is_file() for page in pages)
    assert FLOOR_PAGE.is_file() and "pages/" not in str(FLOOR_PAGE)


def test_every_page_times_on_a_synthetic_snapshot(tmp_path, monkeypatch):
    from streamlit.testing.v1 import app_test, local_script_runner

    # The bench shares one script cache between runs, as the server does; undone after.
    monkeypatch.setattr(app_test, "ScriptCache", app_test.ScriptCache)
    monkeypatch.setattr(local_script_runner, "ScriptCache", local_script_runner.ScriptCache)
    snapshot = tmp_path / "snapshot"
    write_synthetic_snapshot(60, snapshot, seed=2)
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot))
    report = time_pages(snapshot, slow_seconds=1e9)
    for floor in ("bare_floor", "floor"):  # bare Streamlit, and the app's frame
        assert report[floor]["warm"] > 0 and "exceptions" not in report[floor], floor
    # The framed floor draws the app's frame (its sidebar filters); the bare one nothing else.
    assert report["floor"]["multiselects"] > 0 and report["bare_floor"]["multiselects"] == 0
    assert set(report["pages"]) == set(pages_of())
    titles = [timing["title"] for timing in report["pages"].values()]
    assert len(set(titles)) == len(titles), f"each page really ran: {titles}"
    for page, timing in report["pages"].items():
        assert "exceptions" not in timing, (page, timing)
        assert timing["first"] > 0 and timing["warm"] > 0
    assert report["memory_mb"]["end"]["rss"] > 0
    compiled = app_test.ScriptCache()._cache
    assert str(ROOT / "app.py") in compiled and app_test.ScriptCache() is app_test.ScriptCache()
    warm = [t["warm_reruns"] for t in report["pages"].values()]
    assert all(len(runs) == 7 and runs == sorted(runs) for runs in warm)


@pytest.mark.parametrize("argv", [["bench"], ["bench", "--articles", "20", "--pages"]])
def test_command_line_options(argv):
    args = parser().parse_args(argv)
    assert args.func.__name__ == "cmd_bench"
    assert args.page_sizes == [1000, 10000, 100000]
