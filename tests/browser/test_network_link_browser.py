"""Network → link → contact → dossier in Chromium: a click on the middle of a link lists its
contacts, and a click on "Open dossier" lands on that event's dossier."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from dashboard.network.links import pair_key
from tests.browser.support import wait_idle

# Where, in the page, the middle of a link (a point whose id is the pair's key) is drawn.
LINK_MIDDLE = """(key) => {
  const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.getBoundingClientRect();
  for (const cd of gd.calcdata) {
    const ids = cd[0].trace.ids || [];
    const i = ids.indexOf(key);
    if (i >= 0) {
      return [box.left + xa._offset + xa.l2p(cd[i].x), box.top + ya._offset + ya.l2p(cd[i].y)];
    }
  }
  return null;
}"""


def test_a_link_clicked_opens_a_contacts_dossier(page, app_url):
    page.goto(f"{app_url}/network")
    wait_idle(page)
    page.wait_for_selector('[data-testid="stPlotlyChart"] g.textpoint text', timeout=30_000)
    page.wait_for_timeout(500)
    where = page.evaluate(LINK_MIDDLE, pair_key("wang-yi", "sergei-lavrov"))
    assert where, "the link is drawn with its pair as the id of its middle"
    page.mouse.move(*where)  # plotly clicks the point it hovers
    page.wait_for_timeout(300)
    page.mouse.click(*where)
    contacts = page.locator(".st-key-network_contacts a")
    contacts.first.wait_for(timeout=30_000)
    wait_idle(page)
    main = page.locator('[data-testid="stMain"]')
    assert "Sergei Lavrov – Wang Yi" in main.inner_text()
    assert contacts.count() == 2
    first = contacts.first
    assert "Open dossier" in first.inner_text()
    query = parse_qs(urlparse(first.get_attribute("href")).query)
    assert query["event"] == ["e-talks"]  # the most recent contact
    first.click()
    page.wait_for_url("**/dossier?**", timeout=30_000)
    wait_idle(page)
    title = page.locator('[data-testid="stMain"] h1').first.inner_text()
    assert title.startswith("Talks: Wang Yi – Sergei Lavrov")
    assert parse_qs(urlparse(page.url).query)["event"] == ["e-talks"]
    assert not page.console.errors, page.console.errors
