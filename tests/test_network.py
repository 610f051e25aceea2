"""The actor network's layout: labels that never overlap or leave the plot, one layout for the
page and the pack, and what a country node opens. Pure, without Streamlit."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard.figures.network import EDGE_STYLE, network_figure, node_size
from dashboard.figures.network_layout import PLOT_WIDTH, network_layout, text_width
from dashboard.figures.presentation import for_briefing
from dashboard.model import prepare
from dashboard.network.edges import evidence_of, members
from dashboard.pages.network import network_options, whole_span
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture

SURNAMES = [
    "Trump", "Zelensky", "Putin", "Lavrov", "Wang", "Xi", "Macron", "Scholz", "Starmer",
    "Erdogan", "Modi", "Lula", "Orban", "Meloni", "Sánchez", "Tusk", "Stubb", "Fico",
    "Lukashenko", "Pezeshkian", "Netanyahu", "Guterres", "Rutte", "von der Leyen", "Kallas",
    "Barrot", "Rubio", "Witkoff", "Ushakov", "Peskov", "Sybiha", "Yermak",
]  # fmt: skip


def crowded(n: int = 32, seed: int = 4):
    """A hand-made dense graph: long names, mixed sizes, a hub and a clique."""
    rng = random.Random(seed)
    ids = [f"a{i:02d}" for i in range(n)]
    names = {a: f"{rng.choice(['Donald', 'Sergei', 'Volodymyr', 'Ursula'])} {SURNAMES[i]}"
             for i, a in enumerate(ids)}  # fmt: skip
    names["a03"] = "National Security and Defense Council of Ukraine"  # cut with "…"
    names["a04"] = "Chinese Foreign Ministry"
    rows = [("a00", a, "met", rng.randint(1, 6)) for a in ids[1:]]  # a hub
    rows += [(a, b, "co-mentioned", 1) for i, a in enumerate(ids[1:8]) for b in ids[i + 2 : 8]]
    rows += [
        (a, b, rng.choice(["called", "visited"]), 1)
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if rng.random() < 0.12
    ]
    weighted = pd.DataFrame(rows, columns=["source", "target", "type", "weight"])
    actors = pd.DataFrame(
        {
            "actor_id": ids,
            "name": [names[a] for a in ids],
            "kind": "person",
            "country": [rng.choice(["China", "Russia", "Ukraine", "France"]) for _ in ids],
        }
    )
    mentions = pd.Series({a: rng.randint(0, 40) for a in ids})
    mentions["a00"] = 60
    return weighted, actors, mentions, names


def layout_of(weighted, mentions, names):
    nodes = sorted(set(weighted["source"]) | set(weighted["target"]))
    most = int(mentions.max())
    sizes = {n: node_size(int(mentions[n]), most) for n in nodes}
    links = [(r.source, r.target, float(r.weight)) for r in weighted.itertuples()]
    short = {n: names[n] if len(names[n]) <= 32 else names[n][:31] + "…" for n in nodes}
    return network_layout(nodes, links, sizes, short)


def drawn_boxes(fig, plot_width: float) -> tuple[list, list, float, float]:
    """Label and marker boxes in pixels of the plot area (y down), from what the figure
    draws: its ranges, height and margins, and each point's size, text and textposition
    placed as plotly.js does (text offset from the centre by size / 2 / 0.8 + 1)."""
    layout = fig.layout
    height = layout.height - layout.margin.t - layout.margin.b
    (x0, x1), (y0, y1) = layout.xaxis.range, layout.yaxis.range
    labels, markers = [], []
    for trace in fig.data:
        if trace.text is None:
            continue
        font = trace.textfont.size
        for x, y, size, text, side in zip(
            trace.x, trace.y, trace.marker.size, trace.text, trace.textposition, strict=True
        ):
            px = (x - x0) / (x1 - x0) * plot_width
            py = (y1 - y) / (y1 - y0) * height
            r, w = size / 2 / 0.8 + 1, text_width(text, font)
            vertical, horizontal = side.split()
            left = {"left": px - r - w, "right": px + r}.get(horizontal, px - w / 2)
            baseline = py + {"top": -r - font / 4, "middle": font / 4}.get(
                vertical, r + 3 * font / 4
            )
            labels.append((text, left, baseline - 0.9 * font, left + w, baseline + 0.25 * font))
            half = size / 2
            markers.append((text, px - half, py - half, px + half, py + half))
    return labels, markers, plot_width, height


def overlaps(a, b) -> bool:
    return a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]


@pytest.mark.parametrize("seed", [4, 11])
@pytest.mark.parametrize("briefing", [False, True])
def test_labels_never_overlap_and_stay_inside_the_plot(seed, briefing):
    weighted, actors, mentions, names = crowded(seed=seed)
    fig = network_figure(weighted, actors, mentions, layout_of(weighted, mentions, names))
    # The page's narrowest plot; briefing mode (18-px labels) is drawn without the sidebar.
    fig, width = (for_briefing(fig), PLOT_WIDTH * 1.5) if briefing else (fig, PLOT_WIDTH)
    labels, markers, width, height = drawn_boxes(fig, width)
    assert len(labels) >= 25
    assert "National Security and Defense C…" in {t for t, *_ in labels}
    for i, box in enumerate(labels):
        assert box[1] >= 0 and box[3] <= width and box[2] >= 0 and box[4] <= height, box
        for other in labels[i + 1 :]:
            assert not overlaps(box, other), (box, other)
        for marker in markers:
            if marker[0] != box[0]:
                assert not overlaps(box, marker), (box, marker)
    for i, marker in enumerate(markers):
        assert not any(overlaps(marker, other) for other in markers[i + 1 :]), marker


def test_the_layout_is_deterministic_and_needs_no_scipy(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "scipy", None)  # importing it now fails
    weighted, _, mentions, names = crowded()
    first, again = layout_of(weighted, mentions, names), layout_of(weighted, mentions, names)
    assert first.positions == again.positions and first.sides == again.sides


def test_contacts_are_drawn_over_pale_co_mentions():
    weighted, actors, mentions, names = crowded()
    fig = network_figure(weighted, actors, mentions, layout_of(weighted, mentions, names))
    lines = [t for t in fig.data if t.mode == "lines" and t.x and t.x[0] is not None]
    order = [t.legendgroup for t in lines]
    assert order.index("met") > max(i for i, g in enumerate(order) if g == "co-mentioned")
    pale = [t.line.width for t in lines if t.legendgroup == "co-mentioned"]
    bold = [t.line.width for t in lines if t.legendgroup == "met"]
    assert max(pale) < min(bold) and EDGE_STYLE["co-mentioned"]["color"] > "#b"


def test_text_width_reads_the_characters():
    assert text_width("Wang Yi", 14) < text_width("Volodymyr Zelensky", 14)
    assert text_width("WWWW", 14) > text_width("iiii", 14)
    assert text_width("Élysée", 14) == pytest.approx(text_width("Elysee", 14))


# --- the options a URL stands for ------------------------------------------------------


def test_the_default_view_is_contacts_between_people():
    options = network_options({})
    assert options.types == ("met", "visited", "called") and options.people
    everything = network_options({"links": ["co-mentioned", "met"], "orgs": ["true"]})
    assert everything.types == ("met", "co-mentioned") and not everything.people
    assert network_options({"links": [""]}).types == ()  # ?links= : none chosen


def test_a_window_over_the_whole_snapshot_keeps_undated_links():
    bounds = (pd.Timestamp("2023-01-01").date(), pd.Timestamp("2025-04-02").date())
    assert whole_span(bounds, bounds) is None
    part = (bounds[0], pd.Timestamp("2024-01-01").date())
    assert whole_span(part, bounds) == part


# --- a country opens what its people said and did ----------------------------------------


@pytest.fixture(scope="module")
def snap(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("net") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


def test_a_country_stands_for_its_people_an_office_for_itself(snap):
    assert members(snap.actors, "russia") == {"russia", "sergei-lavrov", "vladimir-putin"}
    assert members(snap.actors, "wang-yi") == {"wang-yi"}
    actors = pd.DataFrame(
        [
            ("nato", "NATO", "organization", "NATO"),
            ("mark-rutte", "Mark Rutte", "person", "NATO"),
            ("kremlin", "Kremlin", "organization", "Russia"),
            ("vladimir-putin", "Vladimir Putin", "person", "Russia"),
        ],
        columns=["actor_id", "name", "kind", "country"],
    )
    assert members(actors, "nato") == {"nato", "mark-rutte"}
    assert members(actors, "kremlin") == {"kremlin"}


def test_russia_opens_statements_and_events_of_its_people(snap):
    said, took_part = evidence_of(snap, members(snap.actors, "russia"))
    assert set(said["speaker_id"]) == {"sergei-lavrov"}
    assert set(took_part["event_id"]) == {"e-visit", "e-talks", "e-call", "e-meet"}


def test_the_strongest_links_leave_no_actor_drawn_without_a_link():
    from dashboard.pages.network import strongest_links

    clique = [(a, b, "met", 10) for a, b in ["ab", "ac", "ad", "bc", "bd", "cd"]]
    weighted = pd.DataFrame(
        [*clique, ("e", "f", "called", 1)], columns=["source", "target", "type", "weight"]
    )
    kept = strongest_links(weighted, limit=3)
    assert {"e", "f"} <= set(kept["source"]) | set(kept["target"])
    assert len(kept) < len(weighted)
