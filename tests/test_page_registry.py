"""The app's pages are declared once, in ``dashboard.pages.registry``: the navigation, the
URL state, the briefing pack and the page benchmark all read that one tuple."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import shell
from dashboard import url_state
from dashboard.briefing.store import Briefing, View
from dashboard.pages.registry import BY_URL, DEFAULT, PAGES, SAVED
from dashboard.pages.saved import view_chart
from readout import ROOT
from readout.bench.pages import pages_of
from readout.bench.params import DOSSIER_PAGE
from tests.fixtures_snapshot import write_fixture

# Modules that once held their own copy of the page list: none may name a page script now.
FORMER_COPIES = [
    "app.py",
    "dashboard/url_state.py",
    "dashboard/pages/saved.py",
    "dashboard/briefing/pack.py",
    "readout/bench/pages.py",
    "components/shell.py",
]


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("registry") / "snapshot")


def test_every_page_has_a_script_and_a_unique_url_path_and_title():
    assert all((ROOT / page.path).is_file() for page in PAGES)
    for field in ("path", "url_path", "title"):
        values = [getattr(page, field) for page in PAGES]
        assert len(set(values)) == len(values), field
    assert DEFAULT is PAGES[0] and DEFAULT.url_path == ""
    assert all(page.url_path for page in PAGES[1:]), "only the default page has an empty path"
    assert all(page.icon.startswith(":material/") for page in PAGES)


def test_the_navigation_lists_exactly_the_registry(snapshot_dir, monkeypatch, tmp_path):
    """app.py's ``st.Page`` list, as Streamlit sees it, is the registry in its order."""
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))
    monkeypatch.setenv("READOUT_BRIEFINGS", str(tmp_path / "briefings"))
    seen: list = []
    monkeypatch.setattr(shell, "run_app", seen.extend)  # app.py calls run_app(pages)
    AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    listed = [
        (p.title, p.icon, p.url_path, p.visibility, p._default) for p in seen
    ]  # what the menu and the URLs are made of
    expected = [
        (p.title, p.icon, p.url_path, "hidden" if p.hidden else "visible", p is DEFAULT)
        for p in PAGES
    ]
    assert listed == expected
    scripts = [Path(p._page).resolve() for p in seen]
    assert scripts == [(ROOT / p.path).resolve() for p in PAGES]


def test_no_former_copy_names_a_page_script():
    for name in FORMER_COPIES:
        text = (ROOT / name).read_text("utf-8")
        assert not re.findall(r"[\"']views/\w+\.py[\"']", text), name


def test_the_url_state_and_the_filters_read_the_registry():
    assert {p.url_path: p.path for p in PAGES if p.lead is not None} == url_state.PAGE_FILES
    assert {p.url_path: p.title for p in SAVED} == url_state.PAGE_TITLES
    assert {p.url_path for p in PAGES if p.filtered} == shell.FILTER_PAGES
    assert "dossier" not in shell.FILTER_PAGES and "" in shell.FILTER_PAGES


def test_the_benchmark_times_the_registrys_pages():
    assert pages_of() == [page.path for page in PAGES]
    assert BY_URL["dossier"].path == DOSSIER_PAGE


def test_every_saved_page_packs_with_its_own_lead(snapshot_dir):
    from dashboard.model import prepare
    from readout.snapshot.store import read_manifest, read_snapshot

    full = prepare(read_snapshot(snapshot_dir), read_manifest(snapshot_dir))
    for page in SAVED:
        chart = view_chart(full, page.url_path, {})
        assert chart.name == page.name
        lead = page.lead(full, full, {})
        assert (chart.figure is None) == (lead[0] is None), page.path
        assert list(chart.articles["article_id"]) == list(lead[1]["article_id"]), page.path
    # A page that cannot be saved (or an unknown one) packs as the default page.
    assert view_chart(full, "import", {}).name == DEFAULT.name
    assert Briefing("b", "t", (View("timeline", {}),)).views[0].page in BY_URL
