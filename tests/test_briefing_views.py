"""A saved view is the page at its URL: in the app, presented (Next / Previous, reload), packed.

Each case opens a page at a URL as the app writes it (labels such as "Wang Yi" where a widget
shows names), saves it with "Add this view to briefing", then compares what is drawn (the
chart's marks, the statement cards, the article list) in three places: the page opened at
the URL, the page presented from the briefing, and the briefing pack's section.
"""

from __future__ import annotations

import html
import json

import pytest
from streamlit.testing.v1 import AppTest

from components.data import clear_caches
from dashboard.briefing import store as briefings
from dashboard.briefing.pack import pack_html
from dashboard.briefing.store import Briefing, View
from dashboard.model import prepare
from dashboard.pages import timeline as page_views
from dashboard.pages.saved import view_chart
from dashboard.pages.saved_quotes import statements_part
from dashboard.url_state import PAGE_FILES, to_ids, to_url
from readout import ROOT
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture

APP = str(ROOT / "app.py")
# (page, URL parameters as the app's widgets write them)
CASES = [
    ("", {"outlet": ["EWN", "France 24", "The Moscow Times"]}),
    ("", {"actor": ["Wang Yi"]}),
    ("timeline", {"lanes": ["Country"], "actor": ["Wang Yi"]}),
    ("network", {"links": ["met", "called"]}),
    ("statements", {"cmp_speakers": ["Wang Yi", "Sergei Lavrov"]}),
    ("statements", {"cmp_speakers": ["Sergei Lavrov", "Qin Gang", "Wang Yi"]}),
    ("statements", {"theme": ["Peace talks"], "cmp_speakers": ["Wang Yi", "Guo Jiakun"]}),
    ("statements", {"compare": ["Countries"], "cmp_countries": ["Russia", "China"]}),
    ("statements", {"compare": ["Periods"], "cmp_speaker": ["Wang Yi"]}),
    (
        "statements",
        {"compare": ["Periods"], "cmp_speaker": ["Wang Yi"], "cmp_split": ["2025-01-01"]},
    ),
    ("statements", {"cmp_speakers": ["Wang Yi", "Sergei Lavrov"], "cell": ["wang-yi|peace_talks"]}),
    ("articles", {"outlet": ["EWN", "Morning Star"]}),
    ("articles", {"article": ["a-mt"]}),
]
LEAD = {"": "overview_people", "timeline": "timeline_chart", "network": "network_chart"}
LEAD["statements"] = "matrix_chart"
MARKS = ("type", "x", "y", "z", "text", "customdata", "name")


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("briefing_views") / "snapshot")


@pytest.fixture(scope="module")
def full(snapshot_dir):
    return prepare(read_snapshot(snapshot_dir), read_manifest(snapshot_dir))


@pytest.fixture
def app(snapshot_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))
    monkeypatch.setenv(briefings.ENV_FOLDER, str(tmp_path / "briefings"))

    def run(page: str, params: dict[str, list[str]] | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        if page != "views/overview.py":
            at.switch_page(page)
        at.run()
        ok(at)
        return at

    return run


def ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


def marks(spec: dict) -> list[tuple]:
    """What a figure draws: each trace's type, coordinates, labels and ids (not its fonts,
    which briefing mode enlarges)."""
    return [tuple(json.dumps(t.get(k), sort_keys=True) for k in MARKS) for t in spec["data"]]


def drawn(at: AppTest, page: str) -> dict:
    """What the page shows: its lead chart's marks, statement cards and headings, the list."""
    charts = {
        c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("plotly_chart")
    }
    lead = charts.get(LEAD.get(page, ""))
    bodies = [h.proto.body for h in at.get("html") if "<style>" not in h.proto.body]
    heads = [m.value for m in at.markdown if "statement(s)" in m.value]
    tables = [d.value.to_dict("list") for d in at.dataframe]
    return {"lead": marks(lead) if lead else None, "html": bodies, "heads": heads, "tables": tables}


def save(at: AppTest, title: str) -> None:
    """ "Add this view to briefing" in the sidebar, into the first briefing (or a new one)."""
    at.sidebar.button[-1].click().run()
    ok(at)
    at.text_input(key="add_title").input(title)
    at.button(key="add_view").click().run()
    ok(at)


@pytest.fixture
def saved(app, full):
    """Every case opened at its URL and saved to one briefing; what each page drew."""
    pages = []
    for n, (page, params) in enumerate(CASES):
        at = app(PAGE_FILES[page], params)
        pages.append(drawn(at, page))
        save(at, f"view {n}")
    (briefing,) = briefings.load_all().values()
    return briefing, pages


def test_saved_views_hold_ids_not_names(saved, full):
    briefing, _ = saved
    assert len(briefing.views) == len(CASES)
    names = set(full.names.values())
    for view, (page, _) in zip(briefing.views, CASES, strict=True):
        assert view.page == page
        stored = {v for values in view.params.values() for v in values}
        assert not stored & names - {"China", "Russia"}, view.params  # countries are names
    assert briefing.views[4].params["cmp_speakers"] == ["wang-yi", "sergei-lavrov"]
    assert briefing.views[6].params["theme"] == ["peace_talks"]


def test_statements_compare_the_speakers_chosen(saved):
    _, pages = saved
    assert pages[4]["heads"] == [
        "**Wang Yi** · 3 statement(s)",
        "**Sergei Lavrov** · 1 statement(s)",
    ]


def present(app, briefing: Briefing, slide: int) -> AppTest:
    at = app("views/briefings.py")
    at.button(key=f"go_{briefing.id}_{slide - 1}").click().run()
    ok(at)
    return at


def test_presenting_with_next_previous_and_reload_draws_the_saved_page(app, saved, full):
    briefing, pages = saved
    at = present(app, briefing, 1)
    for slide in range(1, len(CASES) + 1):
        page = CASES[slide - 1][0]
        assert drawn(at, page) == pages[slide - 1], f"slide {slide} ({page or 'overview'})"
        # The slide's URL: the frontend writes the widgets' labels (AppTest has no frontend;
        # tests/browser/test_briefing_browser.py reloads a real one).
        url = {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}
        url |= to_url(briefing.views[slide - 1].params, briefings.labels_of(full))
        reloaded = app(PAGE_FILES[page], url)
        assert drawn(reloaded, page) == pages[slide - 1], f"slide {slide} reloaded"
        if slide < len(CASES):
            at.button(key="briefing_next").click().run()
            ok(at)
    for slide in range(len(CASES) - 1, len(CASES) - 4, -1):
        at.button(key="briefing_prev").click().run()
        ok(at)
        assert drawn(at, CASES[slide - 1][0]) == pages[slide - 1], f"back to slide {slide}"


def test_the_pack_draws_what_the_page_draws(saved, full):
    briefing, pages = saved
    document = pack_html(full, briefing)
    for view, shown in zip(briefing.views, pages, strict=True):
        chart = view_chart(full, view.page, view.params)
        if view.page in LEAD:
            assert marks(json.loads(chart.figure.to_json())) == shown["lead"], view
        if view.page == "statements":
            cards = [b for b in shown["html"] if b != "<p style='color:#555'>—</p>"]
            assert cards and all(card in chart.html for card in cards), view
            assert all(card in document for card in cards)
        if view.page == "articles" and "article" not in view.params:
            for title in shown["tables"][0]["Title"]:
                assert html.escape(title) in chart.html


def test_the_pack_draws_the_timelines_most_reported_events(app, full, monkeypatch):
    """The page draws the MAX_DRAWN_EVENTS most-reported events; so does the pack."""
    monkeypatch.setattr(page_views, "MAX_DRAWN_EVENTS", 2)
    clear_caches()
    try:
        at = app("views/timeline.py")
        page = drawn(at, "timeline")["lead"]
        chart = view_chart(full, "timeline", {})
        assert marks(json.loads(chart.figure.to_json())) == page
        ids = {e for t in chart.figure.data if t.customdata is not None for e in t.customdata}
        assert len(ids) == 2 < len(full.events)
    finally:
        clear_caches()


def test_a_briefing_saved_with_names_presents_and_packs_by_id(app, full, saved):
    _, pages = saved
    by_name = Briefing(
        "old",
        "Saved by name",
        (View("statements", {"cmp_speakers": ["Wang Yi", "Sergei Lavrov"]}),),
    )
    briefings.save(by_name)
    at = present(app, by_name, 1)
    assert drawn(at, "statements") == pages[4]
    part = statements_part(full, full, briefings.resolved(by_name, full).views[0].params)
    assert part.view.heads == pages[4]["heads"]


def test_a_name_two_actors_share_stays_as_written():
    labels = {"actor": {"a-1": "Li Wei", "a-2": "Li Wei", "a-3": "Wang Yi"}}
    assert to_ids({"actor": ["Li Wei", "Wang Yi", "a-2"]}, labels) == {
        "actor": ["Li Wei", "a-3", "a-2"]
    }
    assert to_url({"actor": ["a-3"], "outlet": ["EWN"]}, labels) == {
        "actor": ["Wang Yi"],
        "outlet": ["EWN"],
    }


def test_briefing_style_enlarges_every_legend():
    import plotly.graph_objects as go

    from dashboard.figures.presentation import TEXT, for_briefing

    fig = go.Figure(go.Scatter(x=[1], y=[1], legend="legend2"))
    fig.update_layout(legend2={"font": {"size": 13}, "title": {"text": "Colour"}})
    shown = for_briefing(fig).layout.legend2
    assert (shown.font.size, shown.title.font.size) == (TEXT, TEXT)
