"""Real-browser fixtures: the app served by `streamlit run` on the fixture snapshot, and
Debian's Chromium driven by Playwright (no browser download).

The browser tests are skipped when no Chromium is found (env READOUT_CHROMIUM or
BROWSER_PATH, else /usr/bin/chromium), and fail instead when READOUT_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from readout import ROOT
from readout.bench.server import wait_healthy
from tests.fixtures_snapshot import write_fixture

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """$READOUT_CHROMIUM if set (and nothing else), else $BROWSER_PATH or /usr/bin/chromium."""
    if os.environ.get("READOUT_CHROMIUM"):
        candidates = [os.environ["READOUT_CHROMIUM"]]
    else:
        candidates = [os.environ.get("BROWSER_PATH") or "", "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).exists()), None)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            # A real browser on a loaded 2-core machine sometimes misses a rerun's timing
            # (a click landing while Streamlit still swaps the page); one retry tells that
            # apart from a real failure, which fails every time.
            item.add_marker(pytest.mark.flaky(reruns=1, reruns_delay=2))


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path:
        return path
    message = "no Chromium (set READOUT_CHROMIUM or install Debian's chromium)"
    if os.environ.get("READOUT_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " and READOUT_REQUIRE_BROWSER=1")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    wait_healthy(url, proc, time.monotonic() + timeout)


APP_FILE = "app.py"


@contextmanager
def serve_app(env: dict[str, str], log_dir: Path):
    """`streamlit run app.py` on a free port of 127.0.0.1 with ``env`` added; yields its URL."""
    port = _free_port()
    log = open(log_dir / "streamlit.log", "w")  # noqa: SIM115
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        APP_FILE,
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    env = {**os.environ, **env}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def briefings_dir(tmp_path_factory) -> Path:
    """Where the served app keeps its briefings (never the repository's data/briefings)."""
    return tmp_path_factory.mktemp("briefings")


@pytest.fixture(scope="session")
def app_url(chromium, tmp_path_factory, briefings_dir):
    """The app reading the fixture snapshot (read-only: no articles folder behind it)."""
    snapshot = write_fixture(tmp_path_factory.mktemp("browser") / "snapshot")
    env = {"READOUT_SNAPSHOT": str(snapshot), "READOUT_BRIEFINGS": str(briefings_dir)}
    for name in ("READOUT_RAW", "READOUT_CORRECTIONS", "READOUT_CACHE"):
        env[name] = ""
    with serve_app(env, tmp_path_factory.mktemp("log")) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Console:
    """Console errors of a page, minus Streamlit's own probe of a deep link's base path."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def __call__(self, message) -> None:
        where = (message.location or {}).get("url", "")
        if message.type == "error" and "/_stcore/" not in where:
            self.errors.append(f"{message.text} ({where})")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.console = Console()
    tab.on("console", tab.console)
    tab.on("pageerror", lambda exc: tab.console.errors.append(f"page error: {exc}"))
    yield tab
    context.close()
