"""Chart CSVs are the tables behind the charts: a reporter's columns, names, sources."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard import chart_export
from dashboard.exports import (
    EVENT_COLUMNS,
    actors_table,
    months_table,
    network_table,
    outlets_table,
    statements_month_table,
)
from dashboard.figures.base import articles_per_outlet
from dashboard.model import prepare
from dashboard.network.edges import CONTACT_TYPES, select_edges
from dashboard.pages.overview import overview_view
from dashboard.pages.timeline import timeline_view
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("csv") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


def read(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), keep_default_na=False)


def timeline_csv(full, lanes: str = "type") -> pd.DataFrame:
    chart = timeline_view(full, full, lanes, None).events
    return read(chart_export.render(chart.figure, "csv", "x", "timeline", chart.table))


@pytest.mark.parametrize("lanes", ["type", "country"])
def test_timeline_csv_has_one_row_per_event_with_a_reporters_columns(full, lanes):
    table = timeline_csv(full, lanes)
    assert list(table.columns) == EVENT_COLUMNS
    assert sorted(table["event_id"]) == sorted(full.events["event_id"])  # once each
    visit = table.set_index("event_id").loc["e-visit"]
    assert (visit["type"], visit["date"], visit["end_date"]) == (
        "visit",
        "2025-03-31",
        "2025-04-02",
    )
    assert visit["participants"] == "Wang Yi; Sergei Lavrov"  # names, not ids
    assert (visit["place"], visit["status"], visit["n_sources"]) == ("Moscow", "held", 2)
    assert visit["sources"] == "The Moscow Times 28 Mar 2025; imp.news 31 Mar 2025"


def test_a_missing_place_is_blank_not_nan(full):
    call = timeline_csv(full).set_index("event_id").loc["e-call"]
    assert call["place"] == "" and call["end_date"] == ""
    assert call["date_precision"] == "month"


def test_the_table_is_built_only_when_the_csv_is_asked_for(full):
    calls = []

    def table():
        calls.append(1)
        return pd.DataFrame({"a": [1]})

    fig = articles_per_outlet(full.articles)
    chart_export.render(fig, "html", "x", "outlets", table)
    assert calls == []
    assert read(chart_export.render(fig, "csv", "x", "outlets", table)).to_dict("list") == {
        "a": [1]
    }
    assert calls == [1]


def test_without_a_table_the_csv_lists_the_plotted_points(full):
    fig = articles_per_outlet(full.articles)
    columns = list(read(chart_export.render(fig, "csv", "x", "outlets")).columns)
    assert columns[:3] == ["trace", "x", "y"]


def test_statements_per_month_table_counts_each_statement_once(full):
    table = statements_month_table(full.statements)
    assert list(table.columns) == ["month", "speaker_country", "count"]
    originals = full.statements[full.statements["copy_of"].isna()]
    assert table["count"].sum() == originals["date_dt"].notna().sum()
    april = table[table["month"] == "2025-04"].set_index("speaker_country")["count"]
    assert april["China"] == len(
        originals[(originals["speaker_country"] == "China") & (originals["date"] >= "2025-04")]
    )


def test_network_table_names_both_ends_and_counts_each_link(full):
    edges = select_edges(full.edges, full, CONTACT_TYPES)
    table = network_table(edges, full.names)
    assert list(table.columns) == [
        "source",
        "target",
        "link_type",
        "count",
        "first_date",
        "last_date",
    ]
    assert table["count"].sum() == len(edges)
    names = set(table["source"]) | set(table["target"])
    assert "Wang Yi" in names and "wang-yi" not in names
    assert set(table["link_type"]) <= set(CONTACT_TYPES)


def test_overview_tables_match_their_charts(full):
    view = overview_view(full, full)
    outlets = chart_export.table_csv(view.outlets.table)
    assert read(outlets)["articles"].sum() == len(full.articles)
    assert list(outlets_table(full.articles).columns) == ["outlet", "articles"]
    assert (
        months_table(full.articles)["articles"].sum() == full.articles["published_dt"].notna().sum()
    )
    people = actors_table(full.actors[full.actors["kind"] == "person"], full.mentions)
    chart_names = [n for t in view.people.figure.data for n in t.y]
    assert set(people["name"]) == set(chart_names)
    assert people.iloc[0]["name"] == "Wang Yi"


def test_speaker_themes_table_counts_as_the_matrix(full):
    from dashboard.exports import speaker_themes_table

    table = speaker_themes_table(full.statements)
    assert list(table.columns) == ["speaker", "theme", "count"]
    wang = table[table["speaker"] == "Wang Yi"].set_index("theme")["count"]
    assert wang.sum() >= 2 and "wang-yi" not in set(table["speaker"])
