"""Helpers for the browser tests (kept out of conftest.py so tests can import them)."""

from __future__ import annotations


def wait_idle(tab, timeout: float = 60_000) -> None:
    """Until the script has run: the main area is there and no rerun is in flight."""
    tab.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)
    tab.wait_for_timeout(500)
    tab.wait_for_selector('[data-test-script-state="notRunning"]', timeout=timeout)
    tab.wait_for_timeout(300)
