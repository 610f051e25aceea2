"""The Actor network page through AppTest: a link picked opens its contacts, each with an
"Open dossier" link to its event; a link of co-mentions alone says it has none; what an
article wrote reaches the page escaped."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.dossier.ids import anchors
from dashboard.model import prepare
from dashboard.network.links import pair_key
from readout import ROOT
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture

APP = str(ROOT / "app.py")
PAGE = "views/network.py"
WANG_LAVROV = pair_key("wang-yi", "sergei-lavrov")
HOSTILE_PLACE = "**Mos**cow [x](javascript:alert(1)) <b>hall</b>"


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("netlinkpage") / "snapshot")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    """The fixture with markup in an event's place, as an article could spell it."""

    def hostile(rows: dict) -> None:
        for event in rows["events"]:
            if event["event_id"] == "e-talks":
                event["place"] = HOSTILE_PLACE

    return write_fixture(tmp_path_factory.mktemp("netlinkhostile") / "snapshot", edit=hostile)


def run_page(folder, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("READOUT_SNAPSHOT", str(folder))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def dossier_links(at: AppTest) -> list[dict]:
    return [
        parse_qs(p.proto.query_string)
        for p in at.get("page_link")
        if p.proto.label == "Open dossier" and p.proto.page.endswith("dossier")
    ]


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(parts + [i.value for i in at.info])


def test_picking_a_link_lists_its_contacts_with_their_dossiers(snapshot_dir, monkeypatch):
    at = run_page(snapshot_dir, monkeypatch)
    assert dossier_links(at) == []  # nothing opened yet
    picker = at.selectbox(key="link_pick")
    assert "Sergei Lavrov – Wang Yi (met 1×, visited 1×)" in picker.options
    picker.set_value(WANG_LAVROV).run()
    assert not at.exception
    snap = prepare(read_snapshot(snapshot_dir), read_manifest(snapshot_dir))
    assert dossier_links(at) == [  # most recent first
        {"event": ["e-talks"], "src": anchors(snap, "e-talks"), "from": ["network"]},
        {"event": ["e-visit"], "src": anchors(snap, "e-visit"), "from": ["network"]},
    ]
    assert at.query_params["link"] == WANG_LAVROV  # a shared URL reopens it
    shown = texts(at)
    assert "#### Sergei Lavrov – Wang Yi" in shown
    assert "2 contacts" in shown and "**Talks** · 1 Apr 2025 · Moscow · 2 sources" in shown
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [t["name"] for t in figure["data"] if t.get("name") == "opened link"] == ["opened link"]


def test_a_shared_url_opens_the_link(snapshot_dir, monkeypatch):
    at = run_page(snapshot_dir, monkeypatch, link=pair_key("xi-jinping", "vladimir-putin"))
    assert [q["event"] for q in dossier_links(at)] == [["e-call"]]


def test_a_link_of_co_mentions_alone_has_no_dossier(snapshot_dir, monkeypatch):
    key = pair_key("qin-gang", "sergei-lavrov")  # named in one sentence, no event between them
    at = run_page(snapshot_dir, monkeypatch, links=["co-mentioned"], link=key)
    assert at.selectbox(key="link_pick").value == key
    assert dossier_links(at) == []
    assert "No contact behind this link" in texts(at)
    assert "1 sentence naming both" in texts(at)


def test_what_an_article_wrote_reaches_the_page_escaped(hostile_dir, monkeypatch):
    at = run_page(hostile_dir, monkeypatch, link=WANG_LAVROV)
    line = next(m.value for m in at.markdown if m.value.startswith("**Talks**"))
    assert "\\*\\*Mos\\*\\*cow" in line and "\\[x\\]\\(javascript" in line
    assert "\\<b\\>" in line
