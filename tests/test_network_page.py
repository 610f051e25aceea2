"""The Actor network page through AppTest: its defaults, its URL, what a country opens, and
the same node positions as the briefing pack draws for the same view."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from components.data import load_snapshot
from dashboard.pages.saved import view_chart
from dashboard.url_state import WIDGET_KINDS, widget_value
from readout import ROOT
from tests.fixtures_snapshot import write_fixture

APP = str(ROOT / "app.py")
EVERY_LINK = ["met", "visited", "called", "addressed", "co-mentioned"]


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("netpage") / "snapshot")


@pytest.fixture
def open_network(snapshot_dir, monkeypatch):
    """open_network(links=[...], orgs="true") -> the run page with that URL."""
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))

    def run(state: dict | None = None, **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        for key, value in (state or {}).items():
            at.session_state[key] = value
        at.switch_page("views/network.py")
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run


def values(data) -> list:
    """A plotly JSON array, plain or typed ({"dtype": "f8", "bdata": base64})."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return list(data)


def node_positions(figure: dict) -> dict[str, tuple[float, float]]:
    return {
        c: (x, y)
        for t in figure["data"]
        if t.get("customdata") and "markers" in t.get("mode", "")
        for c, x, y in zip(t["customdata"], values(t["x"]), values(t["y"]), strict=True)
    }


def page_figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def test_by_default_contacts_between_people(open_network):
    at = open_network()
    links = at.get("button_group")[0]
    assert links.key == "links" and links.value == ["met", "visited", "called"]
    assert at.toggle(key="orgs").value is False
    nodes = set(node_positions(page_figure(at)))
    assert {"wang-yi", "sergei-lavrov", "vladimir-putin"} <= nodes
    assert not nodes & {"china", "russia"}
    kinds = {t.get("legendgroup") for t in page_figure(at)["data"] if t.get("mode") == "lines"}
    assert kinds <= {"met", "visited", "called"}


def test_countries_and_co_mentions_are_a_click_away(open_network):
    at = open_network(links=EVERY_LINK, orgs="true")
    assert {"china", "russia"} <= set(node_positions(page_figure(at)))
    hint = open_network(orgs="true")  # countries but only contacts: say why none shows
    assert "Pick those links to see them" in texts(hint)


def test_the_controls_sit_in_one_container_briefing_mode_hides(open_network):
    at = open_network()
    controls = next(b for b in at.main.children.values() if b.key == "controls_network")
    keys = set()

    def walk(node):
        for child in getattr(node, "children", {}).values():
            keys.add(getattr(child, "key", None))
            walk(child)

    walk(controls)
    assert {"links", "orgs", "window", "focus_pick"} <= keys


def test_clicking_russia_opens_its_peoples_statements_and_events(open_network):
    at = open_network(links=EVERY_LINK, orgs="true", node="russia")
    shown = texts(at)
    assert "#### Russia" in shown
    assert "**Statements (1)**" in shown and "**Events (4)**" in shown
    assert "Statements (0)" not in shown


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"links": EVERY_LINK, "orgs": ["true"]},
        {"focus": ["wang-yi"]},
        {"window": ["2025-01-01", "2025-04-02"]},
        {"links": ["co-mentioned", "met"], "orgs": ["true"], "focus": ["russia"]},
    ],
)
def test_the_pack_draws_the_page_nodes_where_the_page_does(open_network, snapshot_dir, params):
    at = open_network(**params)
    pack = view_chart(load_snapshot(snapshot_dir), "network", params).figure
    page = page_figure(at)
    assert node_positions(page) == node_positions(json.loads(pack.to_json()))
    assert page["layout"]["xaxis"]["range"] == list(pack.layout.xaxis.range)
    assert page["layout"]["height"] == pack.layout.height


def test_a_saved_view_restored_as_briefings_do_draws_the_same(open_network, snapshot_dir):
    """A briefing restores a view by setting the widgets' session state from its params."""
    params = {"links": ["met", "addressed", "co-mentioned"], "orgs": ["true"]}
    state = {k: widget_value(k, v) for k, v in params.items() if k in WIDGET_KINDS}
    at = open_network(state=state)
    pack = view_chart(load_snapshot(snapshot_dir), "network", params).figure
    assert node_positions(page_figure(at)) == node_positions(json.loads(pack.to_json()))
    assert "russia" in node_positions(page_figure(at))
