"""Chart exports: PNG pixel size, SVG parses with its title, PDF, HTML offline, CSV round-trip."""

from __future__ import annotations

import io
import re
import struct
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from dashboard import chart_export
from dashboard.figures.base import articles_per_outlet, top_actors
from dashboard.figures.presentation import for_briefing
from dashboard.figures.statements import statements_over_time
from dashboard.figures.timeline import timeline_figure
from dashboard.filtering import Filters
from dashboard.model import prepare
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("export") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


@pytest.fixture
def needs_chrome():
    if not chrome_export_available():
        pytest.skip("no Chrome/Chromium for kaleido")


def chrome_export_available() -> bool:
    return chart_export.chrome_path() is not None


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_filename_names_the_chart_and_day():
    from datetime import date

    assert chart_export.filename("timeline", "png", date(2025, 3, 28)) == (
        "readout-timeline-2025-03-28.png"
    )


def test_caption_names_sources_and_filters(full):
    text = chart_export.caption(full.articles, Filters(outlets=("EWN",), text="Malta"))
    assert text.startswith("Sources: ")
    assert "EWN 1 Apr 2025" in text and "The Moscow Times 28 Mar 2025" in text
    assert 'outlets EWN; search "Malta"' in text
    assert "Filters: none" in chart_export.caption(full.articles, Filters())


@pytest.mark.parametrize("make", ["outlets", "actors", "timeline", "statements"])
def test_csv_round_trips_to_the_plotted_data(full, make):
    fig = {
        "outlets": lambda: articles_per_outlet(full.articles),
        "actors": lambda: top_actors(full.actors, full.mentions, colors=full.colors),
        "timeline": lambda: timeline_figure(full.events, "type", full.colors),
        "statements": lambda: statements_over_time(full.statements, full.colors),
    }[make]()
    back = pd.read_csv(io.BytesIO(chart_export.render(fig, "csv", "ignored", make)))
    drawn = [t for t in fig.data if t.x is not None and any(v is not None for v in t.x)]
    drawn = [t for t in drawn if not (t.type == "scatter" and t.mode == "lines")]
    points = [(x, y) for t in drawn for x, y in zip(t.x, t.y, strict=True) if x is not None]
    assert len(back) == len(points) > 0
    if make == "timeline":
        assert list(pd.to_datetime(back["x"])) == [pd.Timestamp(x) for x, _ in points]
        assert set(back["id"]) == set(full.events.dropna(subset=["start"])["event_id"])
        points = [(0, y) for _, y in points]
        back["x"] = 0
    assert [(norm(r.x), norm(r.y)) for r in back.itertuples()] == [
        (norm(x), norm(y)) for x, y in points
    ]


def norm(value) -> str:
    """The same value read from a CSV or from the figure: numbers as numbers, else text."""
    try:
        return f"{float(value):g}"
    except (TypeError, ValueError):
        pass
    if hasattr(value, "year") or re.match(r"\d{4}-\d{2}-\d{2}", str(value)):
        return str(pd.Timestamp(value))
    return str(value)


def test_html_is_self_contained_with_caption(full):
    fig = articles_per_outlet(full.articles)
    page = chart_export.render(fig, "html", "Sources: EWN 1 Apr 2025. Filters: none.", "x").decode()
    assert not re.search(r"<script[^>]*\bsrc=", page)  # nothing fetched from a CDN
    assert "Plotly.newPlot" in page and len(page) > 1_000_000  # plotly.js inlined
    assert "Sources: EWN 1 Apr 2025" in page


def test_png_has_the_requested_pixel_size(full, needs_chrome):
    fig = articles_per_outlet(full.articles)
    data = chart_export.to_image(fig, "png", width=800, height=500, scale=2)
    assert png_size(data) == (1600, 1000)


def test_exported_png_is_report_sized_and_scaled(full, needs_chrome):
    fig = articles_per_outlet(full.articles)
    text = chart_export.caption(full.articles, Filters())
    width, height = png_size(chart_export.render(fig, "png", text, "x"))
    assert width == chart_export.WIDTH * chart_export.SCALE
    # As tall as the exported figure (grown for its title and this caption), at the same scale.
    exported = chart_export.export_figure(fig, text, "x")
    assert height == int(exported.layout.height) * chart_export.SCALE
    assert exported.layout.height > (fig.layout.height or 400)


def test_svg_parses_and_contains_title_and_caption(full, needs_chrome):
    fig = articles_per_outlet(full.articles)
    data = chart_export.render(fig, "svg", "Sources: EWN 1 Apr 2025. Filters: none.", "x")
    root = ET.fromstring(data)
    assert root.tag.endswith("svg")
    words = " ".join(t for t in root.itertext())
    assert "Articles per outlet" in words
    assert "Sources: EWN 1 Apr 2025" in words


def test_pdf_is_one_page(full, needs_chrome):
    from pypdf import PdfReader

    fig = top_actors(full.actors, full.mentions, colors=full.colors)
    data = chart_export.render(fig, "pdf", "Sources: x. Filters: none.", "x")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert "Top actors by mentions" in reader.pages[0].extract_text()


def test_briefing_template_makes_every_text_at_least_18px(full):
    for fig in (
        timeline_figure(full.events, "type", full.colors),
        top_actors(full.actors, full.mentions, colors=full.colors),
    ):
        big = for_briefing(fig)
        assert big.layout.font.size >= 18 and big.layout.legend.font.size >= 18
        assert big.layout.xaxis.tickfont.size >= 18 and big.layout.yaxis.tickfont.size >= 18
        assert big.layout.title.font.size > big.layout.font.size
        for trace in big.data:
            if trace.textfont and trace.textfont.size is not None:
                assert trace.textfont.size >= 18
        assert fig.layout.font.size == 14  # the original is untouched


def test_an_untitled_chart_is_titled_when_exported(full):
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[0, 1], y=[0, 1], name="link"))  # like the network figure
    out = chart_export.export_figure(fig, "Sources: x. Filters: none.", "network")
    assert out.layout.title.text == chart_export.TITLES["network"]
    assert out.layout.height > chart_export.with_caption(fig, "Sources: x.").layout.height
    page = chart_export.render(fig, "html", "Sources: x. Filters: none.", "network").decode()
    assert chart_export.TITLES["network"] in page and "Sources: x" in page
    titled = articles_per_outlet(full.articles)  # a figure's own title is kept
    assert chart_export.export_figure(titled, "x", "outlets").layout.title.text == (
        "Articles per outlet"
    )


def test_exported_timeline_svg_names_participants_title_and_caption(full, needs_chrome):
    fig = timeline_figure(full.events, "type", full.colors)
    data = chart_export.render(fig, "svg", "Sources: EWN 1 Apr 2025. Filters: none.", "timeline")
    words = " ".join(ET.fromstring(data).itertext())
    assert "Diplomatic events" in words and "Sources: EWN 1 Apr 2025" in words
    assert "Wang Yi – Sergei Lavrov · talks" in words
    assert "Colour: country of the first participant" in words
