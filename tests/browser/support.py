"""Helpers for the browser tests (kept out of conftest.py so tests can import them)."""

from __future__ import annotations


def wait_idle(tab, timeout: float = 60_000) -> None:
    """Until the script has run: the main area is there and no rerun is in flight."""
    tab.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)
    tab.wait_for_timeout(500)
    tab.wait_for_selector('[data-test-script-state="notRunning"]', timeout=timeout)
    tab.wait_for_timeout(300)


def download_export(tab, chart_key: str, fmt: str, folder, timeout: float = 90_000) -> bytes:
    """Click a chart's export button (``PNG``, ``CSV`` ...) and return the downloaded file."""
    row = tab.locator(f".st-key-export_{chart_key}")
    with tab.expect_download(timeout=timeout) as info:
        row.get_by_role("button", name=fmt.upper(), exact=True).click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()
