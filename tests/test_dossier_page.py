"""The Event dossier page through Streamlit's AppTest: the fixture snapshot, and its dossier
variant (two sides that differ) that tests/test_dossier.py checks the view model on."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.dossier.ids import anchors
from dashboard.model import prepare
from dashboard.text import md_escape
from readout import ROOT
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture

APP = str(ROOT / "app.py")
PAGE = "views/dossier.py"


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("dossier") / "snapshot")


@pytest.fixture
def open_dossier(snapshot_dir, monkeypatch):
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))

    def run(**params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(PAGE)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(parts + [h.proto.body for h in at.get("html")])


def test_the_talks_open_as_a_dossier_with_each_sides_account(open_dossier):
    at = open_dossier(event="e-talks")
    assert [t.value for t in at.title] == ["Talks: Wang Yi – Sergei Lavrov, Moscow, 1 Apr 2025"]
    text = _text(at)
    # the wire copy is listed under its original, its statement not counted again
    assert "wire copies: " + md_escape("France 24 1 Apr 2025") in text
    assert "**Only China:** Peace talks" in text
    assert "**Only Russia:** Sanctions" in text
    assert [m.value for m in at.markdown if m.value.startswith("#### ")] == [
        "#### China",
        "#### Russia",
    ]
    cards = "".join(h.proto.body for h in at.get("html"))
    assert cards.count("ready to play a constructive role") == 1
    assert "welcomed the Chinese position" in cards
    assert len(at.get("plotly_chart")) == 1  # the theme table, with its exports


def test_the_theme_table_exports_with_a_csv(open_dossier):
    at = open_dossier(event="e-talks")
    labels = [b.proto.label for b in at.get("download_button")]
    assert "CSV" in labels


@pytest.mark.parametrize(
    ("params", "message"),
    [({"event": "e-gone"}, "No event with this id"), ({}, "No event chosen")],
)
def test_unknown_or_missing_id_says_so_and_links_back(open_dossier, params, message):
    at = open_dossier(**params)
    assert message in _text(at)
    assert not at.get("plotly_chart")
    links = [p.proto for p in at.get("page_link")]
    assert any(link.label == "Back to the Timeline" for link in links)


def test_a_link_whose_id_a_rebuild_changed_opens_the_event_now_holding_it(
    open_dossier, snapshot_dir
):
    snap = prepare(read_snapshot(snapshot_dir), read_manifest(snapshot_dir))
    at = open_dossier(event="e-renamed", src=anchors(snap, "e-talks"))
    assert [t.value for t in at.title] == ["Talks: Wang Yi – Sergei Lavrov, Moscow, 1 Apr 2025"]
    assert "no longer in the snapshot" in _text(at)


def test_each_sides_wording_and_the_sources_disagreement_are_on_the_page(tmp_path, monkeypatch):
    folder = write_fixture(tmp_path / "snapshot", "dossier")
    monkeypatch.setenv("READOUT_SNAPSHOT", str(folder))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["event"] = "e-call"
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    text = _text(at)
    assert "**Only China:** “political settlement” · **Only Russia:** “root causes”" in text
    assert "**Only Russia:** NATO" in text
    assert "**Both sides say:** “comprehensive strategic”" in text
    assert [w.value for w in at.warning] == [
        md_escape("Dates differ: Global Times: 8 May; France 24: 7 May; TASS: 7 May"),
        md_escape("Places differ: Global Times: Beijing; France 24: Moscow; TASS: Moscow"),
    ]
    cards = "".join(h.proto.body for h in at.get("html"))
    assert "<mark" in cards and "comprehensive strategic partnership</mark>" in cards


def test_the_timelines_evidence_panel_opens_the_dossier(snapshot_dir, monkeypatch):
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["event"] = "e-talks"
    at.switch_page("views/timeline.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    (link,) = [p.proto for p in at.get("page_link") if p.proto.label == "Open dossier"]
    assert link.page.endswith("dossier")
    query = parse_qs(link.query_string)
    snap = prepare(read_snapshot(snapshot_dir), read_manifest(snapshot_dir))
    assert query == {"event": ["e-talks"], "src": anchors(snap, "e-talks")}


def test_an_actors_card_lists_its_contacts_as_dossier_links(snapshot_dir, monkeypatch):
    """The actor card (a click on a network node) links each of its events to its dossier."""
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["node"] = "sergei-lavrov"
    at.switch_page("views/network.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    links = {
        parse_qs(p.proto.query_string)["event"][0]: p.proto.label
        for p in at.get("page_link")
        if p.proto.page.endswith("dossier")
    }
    assert links == {  # labels are markdown: article text in them is escaped
        "e-visit": md_escape("31 Mar – 2 Apr 2025: visit with Wang Yi in Moscow"),
        "e-talks": md_escape("1 Apr 2025: talks with Wang Yi in Moscow"),
    }


@pytest.mark.parametrize(
    ("origin", "page", "label"),
    [
        (None, "timeline", "Back to the Timeline"),
        ("network", "network", "Back to the Actor network"),
    ],
)
def test_the_back_link_returns_to_the_page_the_dossier_was_opened_from(
    open_dossier, origin, page, label
):
    at = open_dossier(event="e-talks", **({"from": origin} if origin else {}))
    (back,) = [p.proto for p in at.get("page_link") if p.proto.label.startswith("Back to")]
    assert (back.label, back.page.endswith(page)) == (label, True)
