"""The app in a real browser: every page opens cleanly, clicks on charts open the evidence."""

from __future__ import annotations

import pytest

from tests.browser.support import wait_idle

PAGES = {
    "": "Readout",
    "timeline": "Timeline",
    "network": "Actor network",
    "statements": "Statements",
    "articles": "Articles",
}


def open_app(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)


def assert_clean(page) -> None:
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()
    assert "Traceback" not in page.locator('[data-testid="stMain"]').inner_text()
    assert page.console.errors == []


@pytest.mark.parametrize("path", list(PAGES))
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_page_opens_cleanly_without_horizontal_scrolling(page, app_url, path, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_app(page, f"{app_url}/{path}")
    assert page.locator("h1").first.inner_text().strip() == PAGES[path]
    assert_clean(page)
    widths = page.evaluate(
        "(() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return [m.scrollWidth, m.clientWidth]; })()"
    )
    assert widths[0] <= widths[1], f"horizontal scrolling on /{path}: {widths}"


def test_navigation_keeps_the_filters(page, app_url):
    """Through every page and back: each page is filtered and its URL says so (Streamlit's
    frontend sometimes drops the query string on a switch; the app writes it back)."""
    open_app(page, f"{app_url}/?outlet=EWN")
    for title, path in [("Timeline", "/timeline"), ("Actor network", "/network"),
                        ("Statements", "/statements"), ("Articles", "/articles"),
                        ("Overview", "/")]:  # fmt: skip
        page.get_by_role("link", name=title).first.click()
        # The page switch and the rerun that writes the bound filters back into the URL are
        # two steps; what matters is that the filter is there once the new page has settled.
        page.wait_for_url(lambda url, p=path: url.split("?")[0].endswith(p), timeout=60_000)
        wait_idle(page)
        page.wait_for_url(lambda url: "outlet=EWN" in url, timeout=10_000)
        assert page.locator("h1").first.inner_text().strip() in (title, "Readout")
        assert "Filtered view" in page.locator('[data-testid="stMain"]').inner_text(), title
        assert_clean(page)


def click_point(page, selector: str) -> None:
    """Click the centre of a plotly point (an SVG path) like a person would."""
    point = page.locator(selector).first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_clicking_an_event_shows_its_evidence(page, app_url):
    open_app(page, f"{app_url}/timeline")
    assert page.locator("h4").count() == 0
    click_point(page, '[data-testid="stPlotlyChart"] .scatterlayer path.point')
    page.wait_for_url("**event=*", timeout=30_000)
    wait_idle(page)
    heading = page.locator("h4").first.inner_text()
    assert any(kind in heading for kind in ("Visit", "Meeting", "Talks", "Call", "Summit"))
    assert "Reported in" in page.locator('[data-testid="stMain"]').inner_text()
    assert page.locator("mark").count() > 0  # actors highlighted in the evidence
    assert_clean(page)


def test_clicking_a_node_shows_its_actor(page, app_url):
    open_app(page, f"{app_url}/network")
    nodes = '[data-testid="stPlotlyChart"] .scatterlayer .trace:has(.textpoint) path.point'
    click_point(page, nodes)
    page.wait_for_url("**node=*", timeout=30_000)
    wait_idle(page)
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "mentions" in main and "Statements (" in main and "Events (" in main
    assert_clean(page)


def test_a_shared_url_opens_the_filtered_view(page, app_url):
    open_app(page, f"{app_url}/?outlet=EWN")
    assert "1 of 6" in page.locator('[data-testid="stMetric"]').first.inner_text()
    assert_clean(page)


def test_a_sidebar_filter_updates_the_url(page, app_url):
    open_app(page, f"{app_url}/timeline")
    page.get_by_role("textbox", name="Search").fill("Malta")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Malta*", timeout=30_000)
    wait_idle(page)
    points = page.locator('[data-testid="stPlotlyChart"] .scatterlayer path.point')
    assert points.count() >= 1
    assert_clean(page)
