"""An exported network chart stands alone: it cites the articles behind the contacts it
draws, and its colour legend says what the colour is."""

from __future__ import annotations

import pytest

from dashboard.chart_export import caption
from dashboard.model import prepare
from dashboard.pages.saved import view_chart
from dashboard.palette import ACTOR_COLOUR_TITLE as COLOUR_TITLE
from readout.snapshot.store import read_manifest, read_snapshot
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


def test_a_bottom_legend_stays_above_the_caption_on_export(full):
    from dashboard.chart_export import with_caption

    figure = view_chart(full, "", {}).figure  # the Overview's people chart: legend at the foot
    assert figure.layout.legend.yref == "container"
    text = "Sources: " + "; ".join(["Some Outlet 1 Apr 2025"] * 30)  # a caption of several lines
    out = with_caption(figure, text)
    caption_top = out.layout.margin.b - figure.layout.margin.b - 40  # px above the bottom edge
    legend_bottom = out.layout.legend.y * out.layout.height
    assert legend_bottom >= caption_top > 0
    assert out.layout.legend.title.text == COLOUR_TITLE
