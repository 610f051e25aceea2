"""The fixture's dossier variant (two sides that differ, tests/fixture_dossier.py) in a real
browser: the same corpus tests/test_dossier.py checks the view model on and
tests/test_dossier_page.py the page through AppTest. What each side says alone, what both say
(marked in the quoted words) and where the outlets disagree reach the reader."""

from __future__ import annotations

import pytest

from tests.browser.conftest import serve_app
from tests.browser.support import wait_idle
from tests.browser.test_e2e import assert_clean
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def dossier_url(chromium, tmp_path_factory, briefings_dir):
    snapshot = write_fixture(tmp_path_factory.mktemp("browser-dossier") / "snapshot", "dossier")
    env = {"READOUT_SNAPSHOT": str(snapshot), "READOUT_BRIEFINGS": str(briefings_dir)}
    for name in ("READOUT_RAW", "READOUT_CORRECTIONS", "READOUT_CACHE"):
        env[name] = ""
    with serve_app(env, tmp_path_factory.mktemp("log")) as url:
        yield url


def test_each_sides_wording_and_the_disagreement_are_shown(page, dossier_url):
    page.goto(f"{dossier_url}/dossier?event=e-call")
    wait_idle(page)
    title = page.locator("h1").first.inner_text()
    assert "Xi Jinping" in title and "Vladimir Putin" in title
    main = page.locator('[data-testid="stMain"]')
    sides = [h.inner_text().strip() for h in main.locator("h4").all()]
    assert sides[:2] == ["China", "Russia"]
    text = main.inner_text()
    # Beijing's and Moscow's own wording on the theme both raise, and Moscow's own theme
    assert "Only China: “political settlement” · Only Russia: “root causes”" in text
    assert "Only Russia: NATO" in text
    assert "Both sides say: “comprehensive strategic”" in text
    # the outlets date and place the call apart (the wire copy follows TASS)
    assert "Dates differ: Global Times: 8 May; France 24: 7 May; TASS: 7 May" in text
    assert "Places differ: Global Times: Beijing; France 24: Moscow; TASS: Moscow" in text
    marked = [m.inner_text() for m in main.locator("mark").all()]
    assert "comprehensive strategic partnership" in marked
    assert_clean(page)
