"""A ``streamlit run`` server for the browser benchmarks and tests: started on 127.0.0.1 in
its own process group, waited for, watched (peak memory and CPU time of its process tree) and
always stopped. Used by ``readout.bench.load`` and ``tests/browser``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from readout import ROOT

SERVER = {  # and --server.port; no file watcher: no rerun when a source file changes
    "server.headless": "true",
    "server.address": "127.0.0.1",
    "browser.gatherUsageStats": "false",
    "server.fileWatcherType": "none",
}
NO_EDITS = ("READOUT_RAW", "READOUT_CORRECTIONS", "READOUT_CACHE")


def chromium_path() -> str:
    """$READOUT_CHROMIUM, else $BROWSER_PATH, else Debian's /usr/bin/chromium."""
    env = os.environ
    return env.get("READOUT_CHROMIUM") or env.get("BROWSER_PATH") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(snapshot: Path, port: int, log) -> subprocess.Popen:
    """``streamlit run app.py`` on 127.0.0.1:``port`` in its own process group."""
    options = {**SERVER, "server.port": str(port)}
    flags = [part for key, value in options.items() for part in (f"--{key}", value)]
    command = [sys.executable, "-m", "streamlit", "run", "app.py", *flags]
    # No article folder, corrections or cache: the app reads the snapshot, never builds.
    env = {**os.environ, **dict.fromkeys(NO_EDITS, ""), "READOUT_SNAPSHOT": str(snapshot)}
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def wait_healthy(url: str, proc: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer at {url} in time")


def stop_server(proc: subprocess.Popen) -> None:
    """SIGTERM to the whole process group, SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


class Sampler(threading.Thread):
    """Every 0.2 s, the RSS and CPU time of a process and its descendants: peak RSS (MB) and
    the last CPU seconds (the server's share of the run, against the browsers')."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.cpu, self.done = pid, 0, 0.0, threading.Event()

    def run(self) -> None:
        import psutil

        while not self.done.wait(0.2):
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in procs))
                self.cpu = sum(sum(p.cpu_times()[:2]) for p in procs)
            except psutil.Error:  # a child that just ended, or the server itself
                continue

    def stop(self) -> tuple[float, float]:
        self.done.set()
        self.join(timeout=2)
        return round(self.peak / 2**20, 1), round(self.cpu, 1)
