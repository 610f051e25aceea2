"""The app's frame: which pages show the filter sidebar, and what the Countries filter offers."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.filters import country_options, options
from dashboard.model import prepare
from dashboard.pages.registry import PAGES as REGISTRY
from readout import ROOT
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture

APP = str(ROOT / "app.py")
FILTER_LABELS = {"Countries", "Actors", "Event types", "Themes", "Outlets"}
VIEWS = [page.path for page in REGISTRY if page.filtered]  # the registry's, in menu order
ELSEWHERE = [page.path for page in REGISTRY if not page.filtered and not page.hidden]


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("shell") / "snapshot")


@pytest.fixture
def app(snapshot_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))
    monkeypatch.setenv("READOUT_BRIEFINGS", str(tmp_path / "briefings"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def sidebar_filters(at: AppTest) -> set[str]:
    labels = {m.label for m in at.sidebar.multiselect} | {t.label for t in at.sidebar.text_input}
    return labels & (FILTER_LABELS | {"Search"})


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("page", VIEWS)
def test_the_views_show_the_filters(app, page):
    assert sidebar_filters(open_page(app, page)) == FILTER_LABELS | {"Search"}


@pytest.mark.parametrize("page", ELSEWHERE)
def test_import_and_briefings_show_no_filters(app, page):
    at = open_page(app, page)
    assert sidebar_filters(at) == set()
    assert not [b for b in at.sidebar.button if b.label == "Reset filters"]
    assert not at.sidebar.date_input
    note = " ".join(c.value for c in at.sidebar.caption)
    assert (
        "The filters are on the Overview, Timeline, Actor network, Statements and Articles" in note
    )


def test_filters_set_on_a_view_are_back_after_the_import_page(app):
    at = open_page(app, "views/statements.py")
    at.sidebar.multiselect(key="country").set_value(["Russia"]).run()
    shown = len(at.dataframe[0].value) if at.dataframe else None
    open_page(at, "views/import_articles.py")
    open_page(at, "views/statements.py")
    assert at.sidebar.multiselect(key="country").value == ["Russia"]
    assert (len(at.dataframe[0].value) if at.dataframe else None) == shown


# --- the Countries filter ------------------------------------------------------------------


def actors(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["name", "kind", "country"])


def test_blocs_are_not_countries():
    table = actors(
        ("Mark Rutte", "person", "NATO"),
        ("NATO", "organization", "NATO"),
        ("G20", "organization", "G20"),
        ("Wang Yi", "person", "China"),
        ("Ursula von der Leyen", "person", "European Union"),
        ("Kaja Kallas", "person", "Estonia"),  # a country of the knowledge base
        ("Someone", "person", None),
    )
    assert country_options(table, table) == ["China", "Estonia"]


def test_a_country_actor_of_the_snapshot_counts_though_the_knowledge_base_lacks_it():
    table = actors(("Ruritania", "country", "Ruritania"), ("King Rudolf", "person", "Ruritania"))
    assert country_options(table[1:], table) == ["Ruritania"]


def test_the_sidebar_offers_countries_only(snapshot_dir):
    snap = prepare(read_snapshot(snapshot_dir), read_manifest(snapshot_dir))
    bloc = pd.DataFrame(
        [
            {"actor_id": "nato", "name": "NATO", "kind": "organization", "country": "NATO"},
            {"actor_id": "g20", "name": "G20", "kind": "organization", "country": "G20"},
        ]
    )
    extra = bloc.assign(n_mentions=3)
    snap = snap.with_tables(actors=pd.concat([snap.actors, extra], ignore_index=True))
    offered = options(snap)
    assert {"nato", "g20"} <= set(offered["actor"])  # still actors to choose
    assert offered["country"] == ["China", "Russia", "Ukraine", "United States"]


# --- the first start -----------------------------------------------------------------------


def test_the_build_box_says_whether_this_is_the_first_start(tmp_path):
    from components.startup import _label

    assert _label(tmp_path).startswith("First start: building the snapshot")
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    assert _label(tmp_path).startswith("The articles or the pipeline changed")


def test_a_failed_rebuild_says_the_old_snapshot_is_shown(tmp_path):
    from components.startup import _failed

    assert _failed(tmp_path) == "The snapshot could not be built"
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    assert "the pages show the one built before" in _failed(tmp_path)
