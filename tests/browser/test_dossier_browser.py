"""From a timeline mark to its dossier and out as files, as a reporter does it: click the mark
of the Wang Yi–Lavrov talks, follow "Open dossier", download the theme table as CSV, PNG and
PDF (the PDF rendered to an image with pdftoppm when it is installed)."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess

import pandas as pd

from dashboard import chart_export
from tests.browser.support import download_export, wait_idle
from tests.browser.test_e2e import assert_clean, click_point

POINTS = '[data-testid="stPlotlyChart"] .scatterlayer path.point'


def open_by_click(page, app_url: str, event_id: str) -> None:
    """Click the timeline's marks until the evidence panel shows ``event_id``."""
    page.goto(f"{app_url}/timeline")
    wait_idle(page)
    page.wait_for_selector(POINTS, timeout=30_000)  # plotly draws after the script has run
    n = page.locator(POINTS).count()
    assert n >= 2
    for i in range(n):
        click_point(page, f"{POINTS} >> nth={i}")
        page.wait_for_url("**event=*", timeout=30_000)
        wait_idle(page)
        if f"event={event_id}" in page.url:
            return
    raise AssertionError(f"no mark of the timeline opened {event_id}")


def test_a_timeline_mark_opens_its_dossier_and_exports_it(page, app_url, tmp_path):
    open_by_click(page, app_url, "e-talks")
    page.get_by_role("link", name="Open dossier").click()
    page.wait_for_url("**/dossier?*event=e-talks*", timeout=30_000)
    wait_idle(page)
    assert "src=" in page.url  # the link carries its evidence, to survive a rebuild
    title = page.locator("h1").first.inner_text()
    assert "Wang Yi" in title and "Sergei Lavrov" in title
    sides = [h.inner_text().strip() for h in page.locator('[data-testid="stMain"] h4').all()]
    assert sides[:2] == ["China", "Russia"]
    assert_clean(page)

    csv = download_export(page, "dossier_themes", "csv", tmp_path)
    table = pd.read_csv(io.BytesIO(csv), dtype=str)
    said = sorted(zip(table["side"], table["speaker"], table["outlet"], strict=True))
    # France 24 carries a wire copy of EWN's report: Wang Yi's words count once, cited as EWN
    assert said == [("China", "Wang Yi", "EWN"), ("Russia", "Sergei Lavrov", "EWN")]

    png = download_export(page, "dossier_themes", "png", tmp_path)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, _ = struct.unpack(">II", png[16:24])
    assert width == chart_export.WIDTH * chart_export.SCALE

    pdf = download_export(page, "dossier_themes", "pdf", tmp_path)
    assert pdf[:5] == b"%PDF-"
    if shutil.which("pdftoppm"):  # the PDF opens and draws a page
        (tmp_path / "d.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "30", "-singlefile", str(tmp_path / "d.pdf"),
                        str(tmp_path / "page")], check=True, timeout=60)  # fmt: skip
        assert (tmp_path / "page.png").stat().st_size > 1000
