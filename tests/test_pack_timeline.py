"""The briefing pack's Timeline is the page's Timeline: the same most-reported events, drawn
by the same function (``pages.timeline.timeline_lead`` calls the page's own view model)."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from components.data import clear_caches
from dashboard.briefing import store as briefings
from dashboard.briefing.pack import pack_html
from dashboard.briefing.store import Briefing, View
from dashboard.model import prepare
from dashboard.pages import timeline
from dashboard.pages.saved import view_chart
from readout import ROOT
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture

LIMIT = 2  # fewer than the fixture's events, so the choice of the drawn ones matters


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("pack_timeline") / "snapshot")


@pytest.fixture(scope="module")
def full(snapshot_dir):
    return prepare(read_snapshot(snapshot_dir), read_manifest(snapshot_dir))


@pytest.fixture
def few(monkeypatch):
    monkeypatch.setattr(timeline, "MAX_DRAWN_EVENTS", LIMIT)
    clear_caches()
    yield
    clear_caches()


def event_ids(figure) -> set[str]:
    """The events a timeline figure marks (each mark's customdata is its event id)."""
    return {e for t in figure.data if t.customdata is not None for e in t.customdata}


def reports(full, event: str) -> set[str]:
    """The articles reporting ``event``."""
    return set(full.events.set_index("event_id").loc[event, "article_ids"])


def most_reported(full, n: int) -> set[str]:
    return set(full.events.nlargest(n, "n_sources", keep="first")["event_id"])


@pytest.mark.parametrize("lanes", ["Type", "Country"])
def test_the_pack_draws_the_pages_events(full, few, lanes):
    assert len(full.events) > LIMIT
    chart = view_chart(full, "timeline", {"lanes": [lanes]})
    page = timeline.timeline_view(full, full, lanes.lower(), None)
    assert event_ids(chart.figure) == event_ids(page.events.figure) == most_reported(full, LIMIT)
    assert (
        json.loads(chart.figure.to_json())["data"]
        == json.loads(page.events.figure.to_json())["data"]
    )
    cited = {a for e in event_ids(page.events.figure) for a in reports(full, e)}
    assert set(chart.articles["article_id"]) == cited


def test_a_chosen_event_is_cited_alone_and_an_undrawn_one_is_ignored(full, few):
    drawn = sorted(most_reported(full, LIMIT))
    chosen = view_chart(full, "timeline", {"event": [drawn[0]]})
    assert set(chosen.articles["article_id"]) == reports(full, drawn[0])
    hidden = next(e for e in full.events["event_id"] if e not in set(drawn))
    ignored = view_chart(full, "timeline", {"event": [hidden]})
    assert event_ids(ignored.figure) == set(drawn)
    assert set(ignored.articles["article_id"]) == set(
        view_chart(full, "timeline", {}).articles["article_id"]
    )


def test_the_pack_document_holds_only_the_drawn_events(full, few):
    document = pack_html(full, Briefing("t", "Timeline", (View("timeline", {}),)))
    drawn = most_reported(full, LIMIT)
    left_out = set(full.events["event_id"]) - drawn
    assert all(f'"{e}"' in document for e in drawn)
    assert not any(f'"{e}"' in document for e in left_out)


def test_the_page_draws_what_the_pack_draws(snapshot_dir, full, few, monkeypatch, tmp_path):
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))
    monkeypatch.setenv(briefings.ENV_FOLDER, str(tmp_path / "briefings"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("views/timeline.py").run()
    assert not at.exception, [e.message for e in at.exception]
    charts = at.get("plotly_chart")
    (spec,) = [json.loads(c.proto.spec) for c in charts if "timeline_chart" in c.proto.id]
    on_page = {e for t in spec["data"] for e in t.get("customdata") or []}
    packed = event_ids(view_chart(full, "timeline", {}).figure)
    assert on_page == packed == most_reported(full, LIMIT)
