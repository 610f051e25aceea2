"""Every page through Streamlit's AppTest on the fixture snapshot: renders, filters, URLs."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages.registry import PAGES as REGISTRY
from readout import ROOT
from tests.fixtures_snapshot import write_fixture

APP = str(ROOT / "app.py")
# Every page the sidebar filters apply to, as the registry declares them (a page added there
# is tested here without another list to keep).
PAGES = {page.name: page.path for page in REGISTRY if page.filtered}


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("app") / "snapshot")


@pytest.fixture
def open_page(snapshot_dir, monkeypatch):
    """open_page("timeline", event="e-visit") -> a run AppTest of that page with that URL."""
    monkeypatch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))

    def run(page: str = "overview", **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        if page != "overview":
            at.switch_page(PAGES[page])
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at: AppTest) -> str:
    """Everything a reader sees as text: markdown, headings, captions, infos and HTML cards."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [i.value for i in at.info] + [h.proto.body for h in at.get("html")]
    return "\n".join(parts)


def figures(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def clickable_ids(figure: dict) -> set[str]:
    return {str(c) for t in figure["data"] for c in (t.get("customdata") or [])}


# --- every page renders ----------------------------------------------------------------


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_without_exception(open_page, page):
    at = open_page(page)
    assert at.title, f"{page} has a title"
    assert not at.error


def test_navigation_lists_the_pages_explicitly(open_page):
    at = open_page()
    assert [t.value for t in at.title] == ["Readout"]
    for page in PAGES.values():
        assert open_page(next(k for k, v in PAGES.items() if v == page)).title


def test_a_missing_snapshot_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUT_SNAPSHOT", str(tmp_path / "nowhere"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "No usable snapshot" in at.error[0].value
    assert "python -m readout build" in at.info[0].value


# --- overview --------------------------------------------------------------------------


def test_overview_shows_the_corpus(open_page):
    at = open_page()
    shown = metrics(at)
    assert shown["Articles"] == "6" and shown["Outlets"] == "6"
    assert shown["Statements"] == "8" and shown["Events"] == "5"
    assert shown["Published"] == "2023 – 2025"
    rejected = at.expander[0]
    assert "Files the build rejected (1)" in rejected.label
    # The manifest's rejected file, with its reason, in the table inside that expander.
    assert rejected.dataframe[0].value.to_dict("records") == [
        {"file": "broken.pdf", "reason": "not an article format Readout reads"}
    ]
    assert "en_core_web_sm" in texts(at)
    people = next(f for f in figures(at) if "Most-mentioned people" in json.dumps(f["layout"]))
    assert "Wang Yi" in {n for t in people["data"] for n in t["y"]}
    orgs = next(f for f in figures(at) if "countries and org" in json.dumps(f["layout"]))
    assert "China" in {n for t in orgs["data"] for n in t["y"]}


@pytest.mark.parametrize(
    ("param", "value", "label", "expected"),
    [
        ("country", "Ukraine", "Articles", "1 of 6"),
        ("actor", "Jake Sullivan", "Articles", "1 of 6"),
        ("outlet", "EWN", "Articles", "1 of 6"),
        ("q", "Malta", "Articles", "1 of 6"),
        ("dates", ["2023-01-01", "2023-12-31"], "Articles", "2 of 6"),
        ("type", "call", "Events", "1 of 5"),
        ("theme", "Sovereignty", "Statements", "1 of 8"),
    ],
)
def test_each_filter_from_the_url_narrows_the_overview(open_page, param, value, label, expected):
    at = open_page(**{param: value})
    assert metrics(at)[label] == expected
    assert "Filtered view" in texts(at)


def test_filters_in_the_sidebar_change_the_view_and_reset(open_page):
    at = open_page()
    at.multiselect(key="outlet").select("EWN").run()
    assert metrics(at)["Articles"] == "1 of 6"
    at.text_input(key="q").input("ceasefire").run()
    assert metrics(at)["Articles"] == "0 of 6"
    at.button[0].click().run()
    assert metrics(at)["Articles"] == "6"
    assert at.multiselect(key="outlet").value == [] and at.text_input(key="q").value == ""


def test_a_filter_dropped_from_the_url_on_a_page_switch_comes_back(open_page):
    """Streamlit's frontend sometimes starts the next page with an empty query string while
    the widgets keep their values: the URL must be made to say the view is filtered again."""
    at = open_page(outlet="EWN", q="talks")
    at.query_params.clear()  # the page switch lost the query string
    at.switch_page(PAGES["timeline"]).run()
    assert at.multiselect(key="outlet").value == ["EWN"]
    assert at.query_params.get("outlet") in ("EWN", ["EWN"])
    assert at.query_params.get("q") in ("talks", ["talks"])
    assert "dates" not in at.query_params  # an untouched filter stays out of the URL


# --- timeline --------------------------------------------------------------------------


def test_timeline_draws_every_event_and_statements_over_time(open_page):
    at = open_page("timeline")
    timeline, over_time = figures(at)
    assert clickable_ids(timeline) == {"e-visit", "e-talks", "e-call", "e-meet", "e-malta"}
    assert "Statements per month" in json.dumps(over_time["layout"])


def test_an_event_in_the_url_opens_its_evidence(open_page):
    at = open_page("timeline", event="e-visit")
    shown = texts(at)
    assert "Visit · 31 Mar – 2 Apr 2025" in shown
    assert "Wang Yi (China), Sergei Lavrov (Russia)" in shown
    assert "Reported in 2 sentences" in shown
    assert ">Wang Yi</mark>" in shown  # actors highlighted in the sentence
    assert "The Moscow Times" in shown and "imp.news" in shown


def test_choosing_an_event_updates_the_url(open_page):
    at = open_page("timeline")
    at.selectbox(key="event_pick").select("e-call").run()
    assert at.query_params.get("event") == "e-call"
    assert "February 2025" in texts(at) and "month" in texts(at)


def test_timeline_filters_and_lanes(open_page):
    at = open_page("timeline", type="meeting", lanes="Country")
    assert clickable_ids(figures(at)[0]) == {"e-meet", "e-malta"}
    assert at.segmented_control(key="lanes").value == "Country"
    ticks = figures(at)[0]["layout"]["yaxis"]["ticktext"]
    assert set(ticks) == {"China", "Russia"}  # one lane per event: its first participant's


def test_timeline_empty_state_explains_itself(open_page):
    at = open_page("timeline", q="no such words anywhere")
    assert "No event matches the filters" in texts(at)


# --- network ---------------------------------------------------------------------------


def test_network_nodes_are_actors(open_page):
    at = open_page("network")
    assert {"wang-yi", "sergei-lavrov", "xi-jinping"} <= clickable_ids(figures(at)[0])
    table = at.dataframe[0].value
    assert table.iloc[0]["Actor"] == "Wang Yi"


def test_an_actor_in_the_url_opens_it(open_page):
    at = open_page("network", node="wang-yi")
    shown = texts(at)
    assert "#### Wang Yi" in shown
    assert "Statements (4)" in shown and "Events (4)" in shown
    roles = at.dataframe[0].value
    assert "foreign minister" in set(roles["Role"])


def test_network_edge_types_window_and_focus(open_page):
    everyone = clickable_ids(figures(open_page("network"))[0])
    calls = figures(open_page("network", links="called"))[0]
    assert clickable_ids(calls) == {"vladimir-putin", "xi-jinping"}
    focused = clickable_ids(figures(open_page("network", focus="jake-sullivan"))[0])
    assert "jake-sullivan" in focused and focused < everyone
    recent = clickable_ids(figures(open_page("network", window=["2025-01-01", "2025-04-02"]))[0])
    assert "jake-sullivan" not in recent


def test_network_follows_the_sidebar_filters(open_page):
    at = open_page("network", country="United States")
    assert "xi-jinping" not in clickable_ids(figures(at)[0])


# --- statements ------------------------------------------------------------------------


def test_statements_side_by_side_with_shared_wording(open_page):
    at = open_page("statements")
    shown = texts(at)
    assert "**Wang Yi** · 3 statement(s)" in shown  # the France 24 copy counts once
    assert "also in France 24" in shown
    assert "constructive role</mark>" in shown  # shared with Guo Jiakun, highlighted
    assert "shared wording with Guo Jiakun" in shown


def test_the_compared_speakers_come_from_the_url(open_page):
    at = open_page("statements", cmp_speakers=["Qin Gang", "Jake Sullivan"])
    shown = texts(at)
    assert "**Qin Gang** · 1 statement(s)" in shown
    assert "**Jake Sullivan** · 1 statement(s)" in shown


def test_compare_countries_and_periods(open_page):
    at = open_page("statements", compare="Countries")
    assert at.multiselect(key="cmp_countries").value == ["China", "Russia"]
    at = open_page("statements", compare="Periods")
    assert "before" in texts(at) and "from" in texts(at)


def test_a_matrix_cell_in_the_url_opens_its_statements(open_page):
    at = open_page("statements", cell="qin-gang|peace_talks")
    assert "create conditions for peace talks and a ceasefire" in texts(at)
    matrix = figures(at)[0]
    assert "qin-gang|peace_talks" in clickable_ids(matrix)


def test_statements_theme_filter(open_page):
    at = open_page("statements", theme="NATO")
    assert "**Wang Yi** · 1 statement(s)" in texts(at)
    assert "expansion of" in texts(at)


# --- articles --------------------------------------------------------------------------


def test_articles_list_and_reader(open_page):
    at = open_page("articles", article="a-ewn")
    assert len(at.dataframe[0].value) == 6
    shown = texts(at)
    assert "Near-duplicates" in shown and "France 24" in shown
    assert "welcomed the Chinese position" in shown
    assert "Statements (2)" in shown and "Events (1)" in shown


def test_a_copy_names_its_original(open_page):
    shown = texts(open_page("articles", article="a-f24"))
    assert "Near-duplicate of" in shown and "Beijing ready for" in shown


def test_articles_follow_the_search(open_page):
    at = open_page("articles", q="Zelensky")
    assert list(at.dataframe[0].value["Title"]) == [
        "Ukraine war: China calls for all parties to 'create conditions for peace talks'"
    ]


# --- a snapshot with little or nothing in it -------------------------------------------


@pytest.mark.parametrize("variant", ["sparse", "empty"])
@pytest.mark.parametrize("page", list(PAGES))
def test_pages_explain_what_is_missing(tmp_path, monkeypatch, variant, page):
    folder = write_fixture(tmp_path / variant, variant)
    monkeypatch.setenv("READOUT_SNAPSHOT", str(folder))
    at = AppTest.from_file(APP, default_timeout=60)
    if page != "overview":
        at.switch_page(PAGES[page])
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    expected = {
        "timeline": "No events in this snapshot",
        "statements": "No statements in this snapshot",
        "network": "Most central actors" if variant == "sparse" else "No actors",
        "articles": "The snapshot holds no articles" if variant == "empty" else "Read",
        "overview": "The snapshot holds no articles" if variant == "empty" else "Articles",
    }[page]
    shown = texts(at) + " ".join(s.label for s in at.selectbox) + str(metrics(at))
    assert expected in shown


# --- every filter changes every page it applies to ------------------------------------

FILTERS = {
    "dates": ["2025-01-01", "2025-04-02"],
    "country": "United States",
    "actor": "Qin Gang",
    "type": "meeting",
    "theme": "Sovereignty",
    "outlet": "Morning Star",
    "q": "Moscow",
}
NOT_APPLICABLE = {  # event types say nothing about statements or articles; themes about articles
    ("statements", "type"),
    ("articles", "type"),
    ("articles", "theme"),
}


def content(at: AppTest) -> str:
    """What a page shows: its text, its figures and its tables."""
    tables = [d.value.to_csv() for d in at.dataframe]
    return texts(at) + json.dumps(figures(at), sort_keys=True) + "".join(tables)


@pytest.fixture(scope="module")
def unfiltered(snapshot_dir):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READOUT_SNAPSHOT", str(snapshot_dir))
        shown = {}
        for page, path in PAGES.items():
            at = AppTest.from_file(APP, default_timeout=60)
            if page != "overview":
                at.switch_page(path)
            shown[page] = content(at.run())
    return shown


@pytest.mark.parametrize(
    ("page", "param"),
    [(page, param) for page in PAGES for param in FILTERS if (page, param) not in NOT_APPLICABLE],
)
def test_each_filter_changes_each_page(open_page, unfiltered, page, param):
    at = open_page(page, **{param: FILTERS[param]})
    assert content(at) != unfiltered[page]
