"""The timeline's exports through the real buttons: a reporter's CSV and a report-sized PNG."""

from __future__ import annotations

import io
import struct

import pandas as pd

from dashboard import chart_export
from tests.browser.support import download_export, wait_idle

EVENT_COLUMNS = [
    "date",
    "end_date",
    "date_precision",
    "type",
    "participants",
    "place",
    "status",
    "n_sources",
    "sources",
]


def download(page, app_url: str, fmt: str, tmp_path) -> bytes:
    page.goto(f"{app_url}/timeline")
    wait_idle(page)
    return download_export(page, "timeline_chart", fmt, tmp_path)


def test_timeline_csv_is_one_row_per_event_with_names_and_sources(page, app_url, tmp_path):
    table = pd.read_csv(io.BytesIO(download(page, app_url, "csv", tmp_path)), dtype=str)
    assert set(EVENT_COLUMNS) <= set(table.columns)
    assert sorted(table["event_id"]) == ["e-call", "e-malta", "e-meet", "e-talks", "e-visit"]
    visit = table.set_index("event_id").loc["e-visit"]
    assert visit["participants"] == "Wang Yi; Sergei Lavrov"
    assert visit["end_date"] == "2025-04-02"
    assert visit["sources"] == "The Moscow Times 28 Mar 2025; imp.news 31 Mar 2025"
    assert not table.isin(["nan", "NaN", "None"]).any().any()  # a missing value is blank


def test_timeline_png_is_report_sized(page, app_url, tmp_path):
    data = download(page, app_url, "png", tmp_path)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == chart_export.WIDTH * chart_export.SCALE
    assert height > 400 * chart_export.SCALE  # the chart, its legends and its caption


def test_briefing_mode_hides_the_timeline_controls_but_not_the_evidence(page, app_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{app_url}/timeline?mode=briefing&event=e-visit")
    wait_idle(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.locator('[data-testid="stPlotlyChart"]').first.is_visible()
    assert "Reported in" in main.inner_text()  # the evidence of the event in the URL
    for key in ("controls_timeline", "controls_timeline_pick", "controls_timeline_edit"):
        assert page.locator(f".st-key-{key}").count() == 1
        assert not page.locator(f".st-key-{key}").is_visible()
    assert not page.get_by_text("Lanes by").is_visible()
