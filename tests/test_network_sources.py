"""An exported network chart stands alone: it cites the articles behind the contacts it
draws, and its colour legend says what the colour is."""

from __future__ import annotations

import pytest

from components.chart_export import caption
from components.figures_network import COLOUR_TITLE
from components.model import prepare
from components.view_figures import view_chart
from readout.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("netsources") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


def test_contacts_cite_the_articles_that_report_them(full):
    # The default network draws contacts only (met, visited, called): events, no statements.
    chart = view_chart(full, "network", {})
    contacts = full.events[full.events["participants"].map(len) >= 2]
    expected = {a for ids in contacts["article_ids"] for a in ids}
    assert expected and set(chart.articles["article_id"]) == expected
    assert "Sources: none" not in caption(chart.articles, chart.filters, full.names)


def test_the_colour_legend_says_whose_country(full):
    figure = view_chart(full, "network", {}).figure
    titles = {t.legendgrouptitle.text for t in figure.data if t.legendgrouptitle.text}
    assert COLOUR_TITLE in titles and "Country" not in titles
