"""The load benchmark (``readout.bench.load``) in a real browser: three readers open the
timeline of a small synthetic snapshot at once and each changes the event-type filter."""

from __future__ import annotations

from readout.bench.load import bench_load
from readout.synth.snapshot import write_synthetic_snapshot


def test_concurrent_sessions_open_the_timeline_and_change_a_filter(chromium, tmp_path):
    snapshot = tmp_path / "snap"
    write_synthetic_snapshot(200, snapshot, seed=1)
    result = bench_load(snapshot, sessions=3, timeout=300, chromium=chromium)
    assert result["errors"] == []
    assert result["sessions"] == 3 and result["snapshot_articles"] == 200
    for step in ("open", "filter"):
        drawn, script = result[step], result[f"{step}_server"]
        assert len(drawn["all"]) == 3 and min(drawn["all"]) > 0, result
        assert 0 < drawn["p50"] <= drawn["p95"] <= drawn["max"]
        assert len(script["all"]) == 3  # the server reported each session's finished run
    # The filter really changed: each session's pick is bound into its URL.
    assert len(set(result["options"])) == 3
    for url, option in zip(result["urls"], result["options"], strict=True):
        assert "/timeline?" in url and f"type={option}" in url, (url, option)
    assert result["server_peak_rss_mb"] > 50
