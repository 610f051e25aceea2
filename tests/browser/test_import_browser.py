"""Importing and correcting in a real browser, on a temporary corpus; article text and user
input are shown as text, never run as HTML or script."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from readout.snapshot.store import read_snapshot
from tests.browser.conftest import serve_app
from tests.browser.support import wait_idle
from tests.fixtures_snapshot import BINARY, GOOD_TXT, XSS_TXT, corpus_env, make_corpus

SCRIPT = "<script>window.__xss=1</script>"
NO_DATE_TXT = (  # made up: nothing in it gives an outlet, a date or an address
    "Envoys agree to meet again over grain shipments\n\n"
    "The special envoys of the two countries met for three hours on Thursday and agreed to "
    "meet again next month, officials said. Both sides wanted the shipments to resume.\n"
)
# The element drawn at the middle of a locator's box is the locator's own (nothing covers it).
UNCOVERED = """el => { const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return el.contains(top); }"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("browser-corpus"))


@pytest.fixture(scope="module")
def editable_url(chromium, corpus, tmp_path_factory):
    with serve_app(corpus_env(corpus), tmp_path_factory.mktemp("editable-log")) as url:
        yield url


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def assert_clean(page) -> None:
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()
    assert page.console.errors == []


def upload(page, url: str, files: list[tuple[str, bytes]]) -> None:
    """Upload files on the Import page and import them; waits for the report."""
    page.goto(f"{url}/import")
    wait_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [{"name": n, "mimeType": "text/plain", "buffer": data} for n, data in files]
    )
    button = page.get_by_role("button", name=f"Import {len(files)} item(s)")
    button.wait_for(timeout=30_000)
    page.wait_for_timeout(500)  # the upload has reached the server
    button.click()
    page.get_by_text("Last import").wait_for(timeout=120_000)
    wait_idle(page)


def test_upload_a_good_and_a_binary_file(page, editable_url):
    upload(page, editable_url, [("talks.txt", GOOD_TXT.encode()), ("scan.txt", BINARY)])
    text = main_text(page)
    assert "Added 1 article(s)" in text
    assert "scan.txt was not imported: binary file, not text" in text
    assert_clean(page)
    page.get_by_role("link", name="Lavrov and Wang hold talks in Beijing").first.click()
    page.wait_for_url("**/articles?article=*", timeout=30_000)
    wait_idle(page)
    assert page.locator("h2").first.inner_text().strip() == "Lavrov and Wang hold talks in Beijing"
    page.goto(f"{editable_url}/articles")
    wait_idle(page)
    page.get_by_role("combobox", name="Read").click()
    options = page.get_by_role("option").all_inner_texts()
    assert any(o.startswith("Lavrov and Wang hold talks in Beijing") for o in options), options
    assert_clean(page)


def first_editable_statement(corpus) -> dict:
    statements = read_snapshot(corpus["snapshot"])["statements"].dropna(subset=["start", "end"])
    statements = statements.sort_values(["article_id", "start"])
    for _, rows in statements.groupby("article_id"):
        first = rows.iloc[0]
        if first["speaker_id"] != "xi-jinping":
            return first.to_dict()
    raise AssertionError("no statement to reassign")


def test_reassign_a_speaker(page, editable_url, corpus):
    row = first_editable_statement(corpus)
    page.goto(f"{editable_url}/articles?article={row['article_id']}")
    wait_idle(page)
    page.get_by_role("button", name="Change speaker").first.click()
    popover = page.locator('[data-testid="stPopoverBody"]')
    popover.get_by_role("combobox", name="Who said it").click()
    page.keyboard.type("Xi Jinping (China)")
    page.get_by_role("option", name="Xi Jinping (China)").first.wait_for()
    page.keyboard.press("Enter")  # the first (only) match; the list may reach past the window
    popover.get_by_role("button", name="Save").click()
    page.get_by_text("Correction saved").wait_for(timeout=120_000)
    wait_idle(page)
    cards = page.locator('[data-testid="stHtml"]').filter(has_text="✎ corrected")
    assert cards.count() == 1
    assert "Xi Jinping" in cards.first.inner_text()
    assert_clean(page)


def test_text_is_never_run_as_html(page, editable_url, corpus):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    upload(page, editable_url, [("xss.txt", XSS_TXT.encode())])
    assert "Added 1 article(s)" in main_text(page)
    tables = read_snapshot(corpus["snapshot"])
    articles = tables["articles"]
    aid = articles[articles["title"].str.contains("<script>", regex=False)].iloc[0]["article_id"]
    events = tables["events"]
    eid = events[events["article_ids"].map(lambda ids: aid in list(ids))].iloc[0]["event_id"]
    for path in (f"articles?article={aid}", f"timeline?event={eid}", "statements"):
        page.goto(f"{editable_url}/{path}")
        wait_idle(page)
        assert SCRIPT in main_text(page), path  # shown as text
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.locator('[data-testid="stMain"] img[src="x"]').count() == 0, path
    assert dialogs == []
    assert_clean(page)


def test_the_first_start_build_box_is_below_the_navigation_bar(page, chromium, tmp_path_factory):
    base = tmp_path_factory.mktemp("fresh-install")  # a new one on a rerun too
    paths = make_corpus(base, build=False)  # no snapshot: the app builds it on its first start
    with serve_app(corpus_env(paths), base) as url:
        page.goto(url)
        label = page.get_by_text("Built 5 articles")
        label.wait_for(timeout=180_000)
        wait_idle(page)
        header = page.locator('[data-testid="stHeader"]').bounding_box()
        assert page.get_by_role("link", name="Import").is_visible()  # the bar is there
        assert label.bounding_box()["y"] >= header["y"] + header["height"]
        assert label.evaluate(UNCOVERED)
        assert_clean(page)


def test_an_upload_is_imported_with_the_outlet_and_date_typed(page, editable_url, corpus):
    page.goto(f"{editable_url}/import")
    wait_idle(page)
    assert page.locator('[data-testid="stSidebar"]').get_by_text("Countries").count() == 0
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [{"name": "envoys.txt", "mimeType": "text/plain", "buffer": NO_DATE_TXT.encode()}]
    )
    page.get_by_text("Not found in the text: outlet, date published, web address").wait_for()
    title = page.get_by_role("textbox", name="Title")
    # The notice can render a frame before the field's value: wait for it (up to 10 s).
    expect(title).to_have_value("Envoys agree to meet again over grain shipments", timeout=10000)
    date_box = page.get_by_role("textbox", name="Date published")
    date_box.fill("2025-31-12")
    date_box.press("Enter")
    page.get_by_text("Cannot read the date '2025-31-12'").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Import 1 item(s)").is_disabled()
    date_box.fill("2025-03-27")
    date_box.press("Enter")
    outlet = page.get_by_role("textbox", name="Outlet")
    outlet.fill("Example Herald")
    outlet.press("Enter")
    button = page.get_by_role("button", name="Import 1 item(s)")
    page.wait_for_function(
        "() => !document.body.innerText.includes('Cannot read the date')", timeout=30_000
    )
    wait_idle(page)
    button.click()
    page.get_by_text("Last import").wait_for(timeout=120_000)
    wait_idle(page)
    assert "Envoys agree to meet again over grain shipments · Example Herald" in main_text(page)
    articles = read_snapshot(corpus["snapshot"])["articles"].set_index("file")
    assert tuple(articles.loc["envoys.txt", ["outlet", "published"]]) == (
        "Example Herald",
        "2025-03-27",
    )
    assert_clean(page)
