"""Briefings: storage and validation, the pack (HTML and PDF), briefing mode in AppTest."""

from __future__ import annotations

import io
import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.briefing import store as briefings
from dashboard.briefing.pack import pack_html, pack_pdf
from dashboard.briefing.store import Briefing, BriefingError, View
from dashboard.chart_export import chrome_path
from dashboard.model import prepare
from dashboard.url_state import filters_from_params
from readout import ROOT
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture

APP = str(ROOT / "app.py")
VIEWS = (
    View("", {}, "The corpus", "Six articles, five outlets."),
    View("timeline", {"outlet": ["EWN"], "lanes": ["Country"]}, "EWN's timeline", "One visit."),
    View("network", {"links": ["met", "called"]}, "Who met whom", ""),
    View("statements", {"theme": ["peace_talks"]}, "On peace talks", "Compare the wording."),
    View("articles", {"article": ["a-mt"]}, "The Moscow Times", "The first report."),
)
BRIEFING = Briefing("march", "China–Russia, March", VIEWS)


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("briefing") / "snapshot")


@pytest.fixture(scope="module")
def full(snapshot_dir):
    return prepare(read_snapshot(snapshot_dir), read_manifest(snapshot_dir))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(briefings.ENV_FOLDER, str(tmp_path))
    briefings.save(BRIEFING)
    return tmp_path


# --- storage and validation ------------------------------------------------------------


def test_saved_briefing_is_readable_json_and_loads_back(folder):
    text = (folder / "march.json").read_text(encoding="utf-8")
    assert "China–Russia, March" in text and '\n  "views": [' in text  # human-readable
    assert briefings.load_all() == {"march": BRIEFING}


def test_reorder_and_remove():
    moved = briefings.move(VIEWS, 0, 1)
    assert [v.title for v in moved[:2]] == ["EWN's timeline", "The corpus"]
    assert briefings.move(VIEWS, 0, -1) == VIEWS
    assert len(briefings.remove(VIEWS, 2)) == 4


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "Not valid JSON"),
        (b"[]", "Not a Readout briefing"),
        (json.dumps({"format": "readout-briefing", "version": 1, "title": "x"}), "'views'"),
        (json.dumps({"format": "readout-briefing", "version": 7, "title": "x"}), "version 7"),
        (
            json.dumps(
                {"format": "readout-briefing", "version": 1, "title": "x", "views": [{"page": "?"}]}
            ),
            "view 1: unknown page '?'",
        ),
    ],
)
def test_malformed_briefings_are_rejected_with_a_reason(data, message):
    with pytest.raises(BriefingError, match=message.replace("?", r"\?").replace("(", r"\(")):
        briefings.parse_briefing(data)


def test_export_import_round_trip_drops_presentation_state():
    raw = BRIEFING.to_dict()
    raw["views"][0]["params"] = {"mode": ["briefing"], "slide": "3", "outlet": "EWN"}
    back = briefings.parse_briefing(json.dumps(raw))
    assert back.views[0].params == {"outlet": ["EWN"]}
    assert back.views[1:] == VIEWS[1:]


def test_filters_from_the_url():
    f = filters_from_params({"dates": ["2025-03-01", "2025-04-01"], "outlet": ["EWN"], "q": ["x"]})
    assert (str(f.start), str(f.end), f.outlets, f.text) == (
        "2025-03-01",
        "2025-04-01",
        ("EWN",),
        "x",
    )


# --- the briefing pack -----------------------------------------------------------------


def test_html_pack_has_every_view_note_and_citation(full):
    page = pack_html(full, BRIEFING)
    assert page.count("<section>") == len(VIEWS)
    for view in VIEWS:
        assert view.title.replace("'", "&#x27;") in page
        assert not view.note or view.note in page
    assert "https://www.themoscowtimes.com/2025/03/28/wang-visit" in page
    charts = [v for v in VIEWS if v.page != "articles"]  # the Articles page leads with a list
    assert "<script src=" not in page and page.count("Plotly.newPlot") == len(charts)


def test_pdf_pack_has_one_page_per_view(full):
    if not chrome_path():
        pytest.skip("no Chromium to print the PDF")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pack_pdf(full, BRIEFING)))
    assert len(reader.pages) == len(VIEWS)
    for page, view in zip(reader.pages, VIEWS, strict=True):
        text = " ".join(page.extract_text().split())
        assert view.title in text
        assert "Cited articles" in text


# --- briefing mode in the app ----------------------------------------------------------


@pytest.fixture
def app(snapshot_dir, folder, monkeypatch):
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))

    def run(page: str = "views/overview.py", **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        if page != "views/overview.py":
            at.switch_page(page)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run


def css(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


@pytest.mark.parametrize(
    "page",
    [
        "views/overview.py",
        "views/timeline.py",
        "views/network.py",
        "views/statements.py",
        "views/articles.py",
        "views/briefings.py",
    ],
)
def test_briefing_mode_renders_every_page_without_sidebar_or_exports(app, page):
    at = app(page, mode="briefing")
    assert at.title and not at.error
    assert '[data-testid="stSidebar"]' in css(at)  # hidden by the briefing CSS
    assert not [b for b in at.get("download_button") if str(b.proto.id).find("dl_") >= 0]
    assert at.button(key="exit_mode")
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        assert spec["layout"]["font"]["size"] >= 18


def test_normal_mode_has_export_buttons_on_every_chart(app):
    at = app("views/overview.py")
    labels = [b.proto.label for b in at.get("download_button")]
    assert len(at.get("plotly_chart")) == 4
    for fmt in ("HTML", "CSV"):
        assert labels.count(fmt) == 4
    if chrome_path():
        for fmt in ("PNG", "SVG", "PDF"):
            assert labels.count(fmt) == 4


def slide_of(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_next_and_previous_step_through_a_saved_briefing(app):
    at = app(mode="briefing", briefing="march", slide="1")
    assert "1 / 5" in slide_of(at) and "The corpus" in slide_of(at)
    assert at.button(key="briefing_prev").disabled
    at.button(key="briefing_next").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "2 / 5" in slide_of(at) and "EWN's timeline" in slide_of(at)
    assert at.title[0].value == "Timeline"
    assert at.query_params["slide"] in ("2", ["2"])
    assert at.session_state["outlet"] == ["EWN"] and at.session_state["lanes"] == "Country"
    at.button(key="briefing_next").click().run()
    assert at.title[0].value == "Actor network" and "3 / 5" in slide_of(at)
    at.button(key="briefing_prev").click().run()
    assert at.title[0].value == "Timeline" and "2 / 5" in slide_of(at)
    assert at.session_state["outlet"] == ["EWN"]


def test_speaker_note_shows_on_request(app):
    at = app(mode="briefing", briefing="march", slide="1")
    assert not at.info or "Six articles" not in at.info[0].value
    at.button(key="briefing_note").click().run()  # a button: it lets ← → through
    assert "Six articles, five outlets." in [i.value for i in at.info]
    at.button(key="briefing_note").click().run()
    assert "Six articles, five outlets." not in [i.value for i in at.info]


def test_start_presenting_from_the_briefings_page(app):
    at = app("views/briefings.py")
    assert "China–Russia, March" in at.selectbox(key="briefing_pick").format_func("march")
    at.button(key="present").click().run()
    assert not at.exception
    assert at.title[0].value == "Readout" and "1 / 5" in slide_of(at)
