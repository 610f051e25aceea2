"""Concurrent-reader load benchmark: N real browser sessions on one ``streamlit run`` server.

Why: ``readout.bench.pages`` times one script run in-process, but readers share one server
process (its caches, its GIL, its CPU) and each waits for its own rerun. This serves the app
on 127.0.0.1 reading ``snapshot`` (``$READOUT_SNAPSHOT``; nothing is built) and drives
Debian's Chromium with Playwright's async API: one browser, a context and page per session,
all at once. Each session

1. opens ``/timeline`` and times it until the timeline is drawn: a plotly chart visible in
   the main area, the script no longer running (``stApp``'s ``data-test-script-state``, which
   ``tests/browser/support.wait_idle`` waits for too) and no status widget shown;
2. picks an option of the sidebar's "Event types" multiselect (round-robin over the offered
   types, so not every session hits one cache entry) and times it until the same holds for a
   chart whose traces differ from before. (Waiting instead for the script state to pass
   through "running" once hung under load: a starved browser may never render that state.)

Besides these drawn times, ``*_server`` is the server's share: from the run's ``new_session``
message to its successful ``script_finished`` (as they reach the browser); the rest is the
browser, which on a small machine competes with the server for the same cores. An exception
element, a page error or a timeout is an error. All is bounded by ``timeout`` s; the server's
process group is always ended; its tree's peak RSS and CPU time are sampled. Percentiles:
``statistics.quantiles(method="inclusive")``, linear interpolation between order statistics
(numpy's default method).

    python -m readout.bench.load SNAPSHOT [--sessions N] [--timeout S]   # prints JSON
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from readout.bench.server import (
    Sampler,
    chromium_path,
    free_port,
    start_server,
    stop_server,
    wait_healthy,
)

PLOT = '[data-testid="stMain"] .js-plotly-plot'
EXCEPTION = '[data-testid="stException"]'
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The first chart's traces (names and sizes): a filter that took effect changes them.
TRACES = """(() => { const gd = document.querySelector(PLOT);
  const size = (v) => (v ? v.length ?? JSON.stringify(v).length : 0);
  return gd && gd.data ? JSON.stringify(gd.data.map((t) => [t.name, size(t.x)])) : null; })()"""
# Drawn: no script running, no status widget, a chart visible with traces other than ``before``.
DRAWN = """(before) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const widget = document.querySelector('[data-testid="stStatusWidget"]');
  if (widget && widget.getClientRects().length) return false;
  const svg = document.querySelector(PLOT + ' .main-svg');
  return !!svg && svg.getClientRects().length > 0 && TRACES !== before;
}"""
STATE = """[document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
  document.querySelector('[data-testid="stStatusWidget"]')?.innerText, TRACES]"""
TRACES, DRAWN, STATE = (js.replace("PLOT", json.dumps(PLOT)) for js in (TRACES, DRAWN, STATE))
DRAWN, STATE = (js.replace("TRACES", TRACES) for js in (DRAWN, STATE))
SETTLE = 0.3  # a drawn page must stay drawn (no further rerun) this long to count


def watch_runs(page, runs: list[tuple[str, float]]) -> None:
    """Note when each script run's ``new_session`` and ``script_finished`` messages arrive."""
    from google.protobuf.message import DecodeError
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    def frame(payload: bytes | str) -> None:
        if isinstance(payload, bytes) and len(payload) < 4096:  # big frames are deltas
            try:
                msg = ForwardMsg.FromString(payload)
            except DecodeError:
                return
            kind = msg.WhichOneof("type")
            if kind == "new_session" or (kind == "script_finished" and msg.script_finished == 0):
                runs.append((kind, time.monotonic()))  # 0: FINISHED_SUCCESSFULLY

    page.on("websocket", lambda ws: ws.on("framereceived", frame))


async def settled(page, before: str | None, deadline: float) -> float:
    """Monotonic time at which the page was first drawn (and stayed so ``SETTLE`` s)."""
    while True:
        wait = max(deadline - time.monotonic(), 0.001) * 1000
        await page.wait_for_function(DRAWN, arg=before, polling=50, timeout=wait)
        drawn = time.monotonic()
        await asyncio.sleep(SETTLE)
        if await page.evaluate(DRAWN, before):
            return drawn


async def exceptions(page) -> list[str]:
    """The text of the Streamlit exception elements on the page."""
    return [text[:500] for text in await page.locator(EXCEPTION).all_inner_texts()]


async def event_type(page, index: int) -> tuple[str, object]:
    """Open the "Event types" multiselect; the option ``index`` picks (round-robin), and it."""
    box = page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Event types")
    await box.click()
    await page.get_by_role("option").first.wait_for()
    offered = await page.get_by_role("option").all_inner_texts()
    offered = [o for o in offered if o != "Select all"]  # Streamlit's own first entry
    choice = offered[index % len(offered)]
    return choice, page.get_by_role("option", name=choice, exact=True)


def server_time(start: float, runs: list[tuple[str, float]]) -> float | None:
    """Seconds from the first run the server began after ``start`` to its end."""
    begun = next((t for kind, t in runs if kind == "new_session" and t > start), None)
    ends = (t for kind, t in runs if kind == "script_finished" and begun and t > begun)
    return next((round(t - begun, 3) for t in ends), None)


async def session(browser, base: str, index: int, result: dict, deadline: float) -> None:
    """One reader: open the timeline, change a filter; timings and errors into ``result``."""
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(max(deadline - time.monotonic(), 1) * 1000)
    page, runs = await context.new_page(), []
    errors, result["step"] = result["errors"], "open"
    page.on("pageerror", lambda exc: errors.append({"step": result["step"], "error": str(exc)}))
    watch_runs(page, runs)
    try:
        start = time.monotonic()
        await page.goto(f"{base}/timeline")
        result["open"] = round(await settled(page, None, deadline) - start, 3)
        result["open_server"] = server_time(start, runs)
        result["errors"] += [{"step": "open", "error": e} for e in await exceptions(page)]
        result["step"] = "filter"
        before = await page.evaluate(TRACES)
        result["option"], option = await event_type(page, index)
        start = time.monotonic()
        await option.click()
        result["filter"] = round(await settled(page, before, deadline) - start, 3)
        result["filter_server"] = server_time(start, runs)
        result["errors"] += [{"step": "filter", "error": e} for e in await exceptions(page)]
        result["step"] = "done"
    except Exception as exc:  # a Playwright timeout, a closed page…: this session failed
        error = {"step": result["step"], "error": f"{type(exc).__name__}: {exc}"[:500]}
        with contextlib.suppress(Exception):  # what the page showed: script state, widget
            error["state"] = await asyncio.wait_for(page.evaluate(STATE), 5)
        result["errors"].append(error)
    finally:
        result["url"] = page.url
        await context.close()


async def drive(base: str, results: list[dict], deadline: float, chromium: str) -> None:
    """All sessions at once in one browser; a session still busy at ``deadline`` times out."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            margin = deadline - 5 - time.monotonic()  # time left to close the browser
            runs = [session(browser, base, i, r, deadline - 5) for i, r in enumerate(results)]
            done = await asyncio.gather(
                *(asyncio.wait_for(run, margin) for run in runs), return_exceptions=True
            )
            for result, outcome in zip(results, done, strict=True):
                if isinstance(outcome, BaseException):
                    timeout = f"timeout after {margin:.0f} s"
                    result["errors"].append({"step": result.get("step"), "error": timeout})
        finally:
            await browser.close()


def summary(times: list[float]) -> dict:
    """p50, p95 and max of ``times`` in seconds (None when empty), and all of them."""
    if not times:
        return {"p50": None, "p95": None, "max": None, "all": []}
    data = times * 2 if len(times) == 1 else times  # quantiles() needs two points
    cuts = statistics.quantiles(data, n=100, method="inclusive")
    return {"p50": round(cuts[49], 3), "p95": round(cuts[94], 3), "max": max(times), "all": times}


def report(results: list[dict], server: tuple, snapshot: Path, log: str, wall: float) -> dict:
    errors = [{"session": r["session"], **e} for r in results for e in r["errors"]]
    counts = json.loads((snapshot / "manifest.json").read_text("utf-8")).get("counts", {})
    return {
        "sessions": len(results),
        "errors": errors,
        "open": summary([r["open"] for r in results if r["open"] is not None]),
        "filter": summary([r["filter"] for r in results if r["filter"] is not None]),
        **{
            f"{k}_server": summary([r[f"{k}_server"] for r in results if r.get(f"{k}_server")])
            for k in ("open", "filter")
        },
        "server_peak_rss_mb": server[0],
        "server_cpu_s": server[1],
        "wall_s": round(wall, 1),
        "snapshot_articles": counts.get("articles"),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "options": [r.get("option") for r in results],
        "urls": [r.get("url") for r in results],
        "server_log": log,
    }


def run_in_own_loop(coro) -> None:
    """``asyncio.run(coro)`` in a thread of its own: the caller may already run an event loop
    (Playwright's sync API does, in a test session)."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            failure.append(exc)

    thread = threading.Thread(target=target, name="readout-load")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def bench_load(
    snapshot: Path,
    *,
    sessions: int = 20,
    timeout: float = 600,
    port: int | None = None,
    chromium: str | None = None,
) -> dict:
    """Serve ``snapshot``, run ``sessions`` concurrent readers within ``timeout`` s; the report."""
    snapshot = Path(snapshot).resolve()
    begun = time.monotonic()
    deadline = begun + timeout
    port = port or free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile("w", prefix="readout-load-", suffix=".log", delete=False)  # noqa: SIM115
    proc = start_server(snapshot, port, log)
    results = [{"session": i, "open": None, "filter": None, "errors": []} for i in range(sessions)]
    sampler = Sampler(proc.pid)
    sampler.start()
    try:
        wait_healthy(base, proc, deadline)
        coro = drive(base, results, deadline, chromium or chromium_path())
        run_in_own_loop(asyncio.wait_for(coro, max(deadline - time.monotonic(), 1)))
    except TimeoutError:  # the browser itself hung (the sessions have their own bound)
        results[0]["errors"].append({"error": f"load run exceeded {timeout} s"})
    finally:
        server = sampler.stop()  # before the server ends: its CPU time is read while it runs
        stop_server(proc)
        log.close()
    return report(results, server, snapshot, log.name, time.monotonic() - begun)


def main(argv: list[str] | None = None) -> int:
    about = __doc__.splitlines()[0]
    parser = argparse.ArgumentParser(prog="python -m readout.bench.load", description=about)
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--port", type=int, default=None)
    args = parser.parse_args(argv)
    result = bench_load(args.snapshot, sessions=args.sessions, timeout=args.timeout, port=args.port)
    print(json.dumps(result, indent=2))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
