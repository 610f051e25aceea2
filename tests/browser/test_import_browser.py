"""Importing and correcting in a real browser, on a temporary corpus; article text and user
input are shown as text, never run as HTML or script."""

from __future__ import annotations

import pytest

from readout.store import read_snapshot
from tests.app_corpus import BINARY, GOOD_TXT, XSS_TXT, corpus_env, make_corpus
from tests.browser.conftest import serve_app
from tests.browser.support import wait_idle

SCRIPT = "<script>window.__xss=1</script>"


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
