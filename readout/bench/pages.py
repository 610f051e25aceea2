"""Page rerun timings of the app on synthetic snapshots (``python -m readout bench --pages``).

For each size, ``readout.synth.snapshot`` writes a snapshot and a fresh process times every
page of the app's registry (``dashboard/pages/registry.py``) through Streamlit's ``AppTest``:
a first run, then a warm rerun (what a reader waits for after a click, with the snapshot
already cached; the median of seven), against a floor page that draws one empty chart
(``tests/bench_floor_page.py``). Each page runs in its own process, so its first run
includes reading and preparing the snapshot, its memory is its own and a page that takes
too long is stopped. Slow pages are profiled with cProfile (the script runs in AppTest's own
thread, which the profiler follows).

A page that shows one thing of the snapshot is opened on the heaviest one: the event dossier
on the event most articles report, with its evidence anchors (``readout.bench.params``).

This is a development tool: it imports Streamlit, the pipeline itself never does.

    python -m readout.bench.pages SNAPSHOT PAGE SLOW_SECONDS PROFILE_FIRST [PARAMS_JSON]
"""

from __future__ import annotations

import ast
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import threading
import time
from pathlib import Path

from readout import ROOT
from readout.bench.params import page_params, page_report

APP = ROOT / "app.py"
# The app's pages, declared once. The pipeline never imports the app, so the benchmark reads
# the scripts off the registry's source instead of importing it.
REGISTRY = ROOT / "dashboard" / "pages" / "registry.py"
FLOOR_PAGE = ROOT / "tests" / "bench_floor_page.py"
SIZES = (1000, 10000, 100000)
WARM_RERUNS = 7


def pages_of(registry: Path = REGISTRY) -> list[str]:
    """The page scripts of the registry's ``Page(...)`` entries (their first argument), in
    order: the pages ``app.py`` puts in ``st.navigation``."""
    tree = ast.parse(registry.read_text("utf-8"))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "Page"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def _run(at, profile: cProfile.Profile | None = None) -> float:
    """Seconds for one ``at.run()``; the script thread is profiled when asked."""
    if profile is not None:
        threading.setprofile(lambda *_: (threading.setprofile(None), profile.enable()))
    started = time.perf_counter()
    try:
        at.run()
    finally:
        threading.setprofile(None)
    return time.perf_counter() - started


def share_script_cache() -> None:
    """Compile each script once, as the server does. ``AppTest`` builds a new ``ScriptCache``
    on every run, so each of its reruns parses, rewrites ("magic") and compiles app.py and
    the page again: several milliseconds a long page would never cost a reader."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def time_page(
    script: Path,
    page: str | None,
    slow_seconds: float | None = None,
    profile_first: float = 0,
    params: dict | None = None,
) -> dict:
    """First run and warm rerun of one page, opened with the query ``params``; profiles of the
    slow ones (see the module doc)."""
    from streamlit.testing.v1 import AppTest

    share_script_cache()

    def fresh() -> AppTest:
        at = AppTest.from_file(str(script), default_timeout=36000)
        if page:
            # A page with its own url_path is reachable only after a first run; that run
            # (the default page) also reads the snapshot, so the page's first run starts with
            # it in memory: the framed floor's first run is the time to read it.
            at.run()
            at.query_params.update(params or {})  # as a link to the page carries them
            at.switch_page(page)
        return at

    at = fresh()
    first = _run(at)
    # A single rerun of 10-40 ms moves by half its length with the machine's other work:
    # the median of several is the figure, and all of them are kept.
    reruns = sorted(_run(at) for _ in range(WARM_RERUNS))
    warm = reruns[len(reruns) // 2]
    result = {"first": round(first, 3), "warm": round(warm, 4), "title": _title(at),
              "warm_reruns": [round(r, 4) for r in reruns],
              "multiselects": len(at.multiselect)}  # the frame's sidebar filters  # fmt: skip
    result |= page_report(at, params or {})
    errors = [e.message for e in at.exception]
    if errors:
        result["exceptions"] = errors[:3]
    if shown := [e.value for e in at.error]:  # a page timed on its error message times nothing
        result["errors_shown"] = shown[:3]
    if slow_seconds is not None and warm > slow_seconds:
        profile = cProfile.Profile()
        _run(at, profile)
        result["profile"] = profile_summary(profile)
    if slow_seconds is not None and slow_seconds < first <= profile_first:
        from streamlit import cache_data, cache_resource

        cache_data.clear()
        cache_resource.clear()
        profile = cProfile.Profile()
        _run(fresh(), profile)
        result["first_profile"] = profile_summary(profile)
    return result


def _title(at) -> str | None:
    """The page's first title: which page ran (a wrong switch would run the default one)."""
    return at.title[0].value if len(at.title) else None


def profile_summary(profile: cProfile.Profile, lines: int = 14) -> list[str]:
    """The heaviest functions by cumulative time: Readout's own code first, then any."""
    stream = io.StringIO()
    stats = pstats.Stats(profile, stream=stream).sort_stats("cumulative")
    ours = []
    for (file, line, name), (_, calls, _, cum, _) in stats.stats.items():
        if str(ROOT) in file and "site-packages" not in file:
            ours.append(
                (cum, f"{cum:8.3f}s {calls:7d}x {Path(file).relative_to(ROOT)}:{line} {name}")
            )
    heavy = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:6]
    own = [f"{tt:8.3f}s self {Path(f).name}:{ln} {n}" for (f, ln, n), (_, _, tt, _, _) in heavy]
    return [text for _, text in sorted(ours, reverse=True)[:lines]] + own


def rss_mb() -> dict[str, float]:
    import resource

    import psutil

    now = psutil.Process().memory_info().rss / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss": round(now, 1), "peak": round(peak, 1)}


def time_pages(snapshot: Path, slow_seconds: float = 1.0) -> dict:
    """Every page of the app against ``snapshot``, in this process."""
    os.environ["READOUT_SNAPSHOT"] = str(snapshot)
    before = rss_mb()
    bare = time_page(FLOOR_PAGE, None)
    os.environ["READOUT_FLOOR"] = "app"
    try:
        floor = time_page(FLOOR_PAGE, None)
    finally:
        del os.environ["READOUT_FLOOR"]
    pages = {
        page: time_page(APP, page, slow_seconds, params=page_params(snapshot, page))
        for page in pages_of()
    }
    for timing in pages.values():
        timing["warm_over_floor"] = round(timing["warm"] / max(floor["warm"], 1e-3), 1)
    return {"bare_floor": bare, "floor": floor, "pages": pages,
            "memory_mb": {"start": before, "end": rss_mb()}}  # fmt: skip


def bench_pages(
    sizes: list[int] | tuple[int, ...] = SIZES,
    *,
    seed: int = 0,
    slow_seconds: float = 1.0,
    timeout: float = 900,
    profile_first: float = 120,
    workdir: Path | None = None,
) -> dict:
    """Page timings per snapshot size, each page in a fresh process stopped after ``timeout``
    seconds; first runs of at most ``profile_first`` seconds that exceed ``slow_seconds`` are
    profiled too (a second, profiled first run, so it costs two to three times as long)."""
    from readout.synth.snapshot import write_synthetic_snapshot

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        for n in sizes:
            snapshot = Path(tmp) / f"snapshot-{n}"
            started = time.perf_counter()
            write_synthetic_snapshot(n, snapshot, seed=seed)
            size = {"snapshot_seconds": round(time.perf_counter() - started, 1)}
            size["bare_floor"] = _child(snapshot, "-", slow_seconds, 0, timeout)
            size["floor"] = _child(snapshot, "=", slow_seconds, 0, timeout)
            pages = {page: _child(snapshot, page, slow_seconds, profile_first, timeout,
                                  page_params(snapshot, page)) for page in pages_of()}  # fmt: skip
            floor = size["floor"].get("warm") or 1e-3
            bare = size["bare_floor"].get("warm") or 1e-3
            for timing in pages.values():
                if "warm" in timing:
                    timing["warm_over_floor"] = round(timing["warm"] / max(floor, 1e-3), 1)
                    timing["warm_over_bare_floor"] = round(timing["warm"] / max(bare, 1e-3), 1)
            results[str(n)] = {**size, "pages": pages}
    return results


def _child(
    snapshot: Path,
    page: str,
    slow: float,
    profile_first: float,
    timeout: float,
    params: dict | None = None,
) -> dict:
    import subprocess

    cmd = [sys.executable, "-m", "readout.bench.pages", str(snapshot), page, str(slow),
           str(profile_first), json.dumps(params or {})]  # fmt: skip
    env = {**os.environ, "READOUT_SNAPSHOT": str(snapshot)}
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-5:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    """One page (``-``: the bare floor, ``=``: the framed floor) against one snapshot, as JSON
    on stdout."""
    snapshot, page, slow, profile_first, *params = argv
    os.environ["READOUT_SNAPSHOT"] = snapshot
    if page == "=":
        os.environ["READOUT_FLOOR"] = "app"
    script, name = (FLOOR_PAGE, None) if page in ("-", "=") else (APP, page)
    asked = json.loads(params[0]) if params else {}
    result = time_page(script, name, float(slow), float(profile_first), asked)
    result["memory_mb"] = rss_mb()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
