"""The actor network as Chromium draws it: no two node labels overlap and none leaves the
plot, on a laptop with the sidebar open and in briefing mode, where the controls are hidden
and the graph starts above the fold."""

from __future__ import annotations

import pytest

from tests.browser.support import wait_idle

EVERYTHING = "links=met&links=visited&links=called&links=addressed&links=co-mentioned&orgs=true"
DRAWN = """() => {
  const chart = document.querySelector('[data-testid="stPlotlyChart"]');
  const box = e => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  return {
    labels: [...chart.querySelectorAll('g.textpoint text')].map(t => [t.textContent, ...box(t)]),
    plot: box(chart.querySelector('.nsewdrag')),
  };
}"""


def overlap(a, b) -> bool:
    return a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]


@pytest.mark.parametrize(
    ("query", "width", "height"),
    [("", 1280, 800), (EVERYTHING, 1280, 800), (EVERYTHING + "&mode=briefing", 1920, 1080)],
)
def test_labels_do_not_overlap_or_leave_the_plot(page, app_url, query, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{app_url}/network?{query}")
    wait_idle(page)
    page.wait_for_selector('[data-testid="stPlotlyChart"] g.textpoint text', timeout=30_000)
    page.wait_for_timeout(500)
    drawn = page.evaluate(DRAWN)
    labels, (left, top, right, bottom) = drawn["labels"], drawn["plot"]
    assert len(labels) >= 5
    for i, label in enumerate(labels):
        assert left <= label[1] and label[3] <= right, label
        assert top <= label[2] and label[4] <= bottom, label
        assert not [other for other in labels[i + 1 :] if overlap(label, other)], label
    if "briefing" in query:
        assert top < height, "the graph starts above the fold"
        assert not page.locator(".st-key-links").is_visible()  # the controls are hidden
        assert not page.locator(".st-key-orgs").is_visible()
