"""The Statements page and the statements-per-month chart: a month axis at any data range,
and a Periods comparison that opens on a speaker who has two periods."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.figures.statements import statements_over_time
from dashboard.pages.statements import default_split
from readout import ROOT
from tests.fixtures_snapshot import write_fixture

APP = str(ROOT / "app.py")
PAGES = {"statements": "views/statements.py", "timeline": "views/timeline.py"}


def page_runner(folder: Path, monkeypatch):
    monkeypatch.setenv("READOUT_SNAPSHOT", str(folder))

    def run(page: str, **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(PAGES.get(page, page))
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run


@pytest.fixture(scope="module")
def fixture_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("stmts") / "snapshot")


@pytest.fixture
def open_page(fixture_dir, monkeypatch):
    return page_runner(fixture_dir, monkeypatch)


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [h.proto.body for h in at.get("html")]
    return "\n".join(parts)


# --- statements per month: a month axis at any data range -------------------------------


def _statements(days: list[str], countries: tuple[str, ...] = ("China",)) -> pd.DataFrame:
    """Statements on these days, their speakers' countries taken in turn from ``countries``."""
    speakers = [countries[i % len(countries)] for i in range(len(days))]
    return pd.DataFrame({"date_dt": pd.to_datetime(days), "speaker_country": speakers})


# (statement days, the axis's first month, last month, and how many months it holds)
MONTH_CASES = {
    "one month": (["2025-04-01", "2025-04-20", "2025-04-30"], "Apr 2025", "Apr 2025", 1),
    "a few months, a gap": (["2025-01-15", "2025-03-02", "2025-03-31"], "Jan 2025", "Mar 2025", 3),
    "years": (["2023-04-14", "2024-06-01", "2025-04-01"], "Apr 2023", "Apr 2025", 25),
}


@pytest.mark.parametrize("days, first, last, n", MONTH_CASES.values(), ids=MONTH_CASES.keys())
def test_statements_per_month_is_a_month_axis(days, first, last, n):
    fig = statements_over_time(_statements(days, ("China", "Russia")))
    axis = fig.layout.xaxis
    assert axis.type == "category"  # a slot per month: no hours or weeks between them
    months = list(axis.categoryarray)  # every month of the range, gaps included, in order
    assert (months[0], months[-1], len(months), len(set(months))) == (first, last, n, n)
    assert pd.to_datetime(months, format="%b %Y").is_monotonic_increasing
    assert axis.range[0] <= -0.5 and axis.range[1] >= n - 0.5
    assert axis.range[1] - axis.range[0] >= 6  # one month is not one chart-wide bar
    assert axis.tickformat is None and axis.nticks <= 12
    bars = dict.fromkeys(months, 0)
    for trace in fig.data:
        assert trace.xperiod is None and "%{x}" in trace.hovertemplate
        assert "|" not in trace.hovertemplate  # the month as labelled: "Apr 2025"
        for x, y in zip(trace.x, trace.y, strict=True):
            bars[x] += y
    expected = pd.Series(pd.to_datetime(days).strftime("%b %Y")).value_counts()
    assert {x: k for x, k in bars.items() if k} == expected.to_dict()


def test_the_tallest_stack_sets_the_count_ticks():
    fig = statements_over_time(_statements(["2025-04-01"] * 9, ("China", "Russia", "UK")))
    assert fig.layout.yaxis.dtick is None  # nine in one month: whole-number ticks left to plotly
    fig = statements_over_time(_statements(["2025-04-01"] * 3))
    assert fig.layout.yaxis.dtick == 1


def _month_chart(at: AppTest) -> dict:
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return next(c for c in charts if "Statements per month" in json.dumps(c["layout"]))


@pytest.mark.parametrize(
    "params, months",
    [
        ({}, 25),  # Apr 2023 – Apr 2025
        ({"q": "ceasefire"}, 1),  # only the SCMP article: Apr 2023
        ({"dates": ["2025-03-01", "2025-04-30"]}, 2),
        ({"dates": ["2025-04-01", "2025-04-30"]}, 1),
    ],
)
def test_the_timeline_draws_statements_on_a_month_axis(open_page, params, months):
    chart = _month_chart(open_page("timeline", **params))
    axis = chart["layout"]["xaxis"]
    assert axis["type"] == "category" and len(axis["categoryarray"]) == months
    for trace in chart["data"]:
        assert set(trace["x"]) <= set(axis["categoryarray"])
        assert all(len(x.split()) == 2 for x in trace["x"])  # "Mar 2025"


# --- Periods ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "span, split",
    [
        ((date(2025, 3, 31), date(2025, 4, 1)), date(2025, 4, 1)),  # not 31 Mar: both hold one
        ((date(2025, 3, 28), date(2025, 4, 1)), date(2025, 3, 30)),
        ((date(2023, 9, 18), date(2025, 4, 1)), date(2024, 6, 25)),
        ((date(2025, 4, 1), date(2025, 4, 1)), date(2025, 4, 2)),
        (None, date(2025, 1, 2)),
    ],
)
def test_the_default_split_leaves_a_statement_on_each_side(span, split):
    assert default_split(span, today=date(2025, 1, 1)) == split
    if span and span[0] != span[1]:
        assert span[0] < split <= span[1]


def _wang_yi_on_one_day(rows: dict) -> None:
    """Wang Yi, the most quoted, on one day; Jake Sullivan quoted on two."""
    for row in rows["statements"]:
        if row["speaker_id"] == "wang-yi":
            row["date"] = "2025-04-01"
    sullivan = next(r for r in rows["statements"] if r["speaker_id"] == "jake-sullivan")
    rows["statements"].append({**sullivan, "statement_id": "a-ms-later", "date": "2023-10-02"})


@pytest.fixture
def one_day_speaker(tmp_path, monkeypatch):
    return page_runner(write_fixture(tmp_path / "snap", edit=_wang_yi_on_one_day), monkeypatch)


def test_periods_opens_on_the_most_quoted_speaker_with_two_periods(one_day_speaker):
    at = one_day_speaker("statements", compare="Periods")
    assert at.selectbox(key="cmp_speaker").value == "jake-sullivan"
    shown = texts(at)
    assert "**Jake Sullivan, before 25 Sep 2023** · 1 statement(s)" in shown
    assert "**Jake Sullivan, from 25 Sep 2023** · 1 statement(s)" in shown
    at.selectbox(key="cmp_speaker").select("wang-yi").run()
    shown = texts(at)
    assert "there is no second period to compare" in shown
    assert "Speakers with statements in two periods: Jake Sullivan." in shown


@pytest.mark.parametrize("url", [{}, {"cmp_split": "2023-09-20"}])
def test_another_speaker_is_split_at_their_own_halfway(one_day_speaker, url):
    at = one_day_speaker("statements", compare="Periods", **url)
    at.selectbox(key="cmp_speaker").select("wang-yi").run()
    assert at.date_input(key="cmp_split").value == date(2025, 4, 2)  # not Sullivan's date
    at.selectbox(key="cmp_speaker").select("jake-sullivan").run()
    assert at.date_input(key="cmp_split").value == date(2023, 9, 25)
    assert "**Jake Sullivan, from 25 Sep 2023** · 1 statement(s)" in texts(at)
    assert not at.warning and not at.exception


def test_periods_opens_on_the_fixture_s_most_quoted(open_page):
    at = open_page("statements", compare="Periods")
    assert at.selectbox(key="cmp_speaker").value == "wang-yi"
    assert "**Wang Yi, from" in texts(at) and "Nobody here" not in texts(at)


def test_periods_says_plainly_when_nobody_has_two(open_page):
    at = open_page("statements", compare="Periods", dates=["2025-04-01", "2025-04-30"])
    assert "Nobody here has statements in two periods." in texts(at)
    assert "Pick at least two" not in texts(at)
    assert all(s.key != "cmp_speaker" for s in at.selectbox)
