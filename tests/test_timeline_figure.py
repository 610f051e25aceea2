"""The timeline reads without decoding: each event once, labelled, spans, no nan, titled."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from dashboard.figures.timeline import COLOUR_TITLE, hover_text, timeline_figure
from dashboard.figures.timeline_rows import LABELLED, PLOT_PX, label_px, lane_rows
from dashboard.model import prepare
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def snap(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("timeline") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


def marks(fig) -> list[tuple[str, str]]:
    """(event_id, label) of every clickable mark."""
    return [
        (eid, label)
        for t in fig.data
        if t.customdata is not None
        for eid, label in zip(t.customdata, t.text, strict=True)
    ]


def crowd(snap, n: int, days: int = 2) -> pd.DataFrame:
    """``n`` copies of the talks, ``days`` apart, with 1..n reporting articles."""
    base = snap.events.set_index("event_id").loc["e-talks"]
    rows = []
    for i in range(n):
        row = base.copy()
        row["start"] = row["end"] = pd.Timestamp("2025-01-01") + pd.Timedelta(days=days * i)
        row["n_sources"] = i + 1
        rows.append(row.rename(f"e{i:03d}"))
    return pd.DataFrame(rows).rename_axis("event_id").reset_index()


@pytest.mark.parametrize("lanes", ["type", "country"])
def test_each_event_is_drawn_exactly_once(snap, lanes):
    ids = Counter(eid for eid, _ in marks(timeline_figure(snap.events, lanes)))
    assert ids == Counter(set(snap.events["event_id"]))


def test_every_mark_names_its_participants_and_type(snap):
    labels = dict(marks(timeline_figure(snap.events)))
    assert labels["e-talks"] == "Wang Yi – Sergei Lavrov · talks"
    assert labels["e-malta"].startswith("Wang Yi – Jake Sullivan · meeting")


def test_a_multi_day_event_is_a_bar_from_its_first_to_its_last_day(snap):
    fig = timeline_figure(snap.events)
    bars = [t for t in fig.data if t.mode == "lines" and t.x and len(t.x) >= 3]
    pairs = {
        (pd.Timestamp(t.x[i]).date().isoformat(), pd.Timestamp(t.x[i + 1]).date().isoformat())
        for t in bars
        for i in range(0, len(t.x), 3)
    }
    assert ("2025-03-31", "2025-04-02") in pairs
    assert dict(marks(fig))["e-visit"].endswith("31 Mar – 2 Apr 2025")


def test_labels_in_a_row_never_overlap(snap):
    rows = lane_rows(crowd(snap, 30), "type")
    per_px = (rows["right"].max() - rows["left"].min()) / PLOT_PX
    for _, row in rows[rows["labelled"]].groupby("y"):
        row = row.sort_values("x")
        half = row["label"].map(label_px) / 2
        gaps = row["x"].diff().iloc[1:] / per_px  # px between neighbouring marks
        assert (gaps.to_numpy() >= (half.shift().iloc[1:] + half.iloc[1:]).to_numpy()).all()
    assert rows["y"].nunique() > 1  # close events were stacked


def test_a_crowded_timeline_labels_the_most_reported_and_says_so(snap):
    fig = timeline_figure(crowd(snap, LABELLED + 10))
    labelled = {eid for eid, label in marks(fig) if label}
    assert len(labelled) == LABELLED
    assert labelled == {f"e{i:03d}" for i in range(10, LABELLED + 10)}  # the most reported
    assert f"labels on the {LABELLED} most-reported of {LABELLED + 10} events" in (
        fig.layout.title.subtitle.text
    )


def test_a_missing_value_never_prints_as_nan(snap):
    ev = snap.events.set_index("event_id").loc[["e-call"]].reset_index()
    ev["place"], ev["status"] = np.nan, None
    ev["participant_names"] = [["Vladimir Putin", None]]
    text = hover_text(next(ev.itertuples()), {})
    assert "Place: not reported" in text
    assert "nan" not in text.lower() and "None" not in text
    labels = [label for _, label in marks(timeline_figure(ev))]
    assert labels == ["Vladimir Putin · call<br>February 2025"]


def test_the_chart_says_what_it_shows_and_what_colour_means(snap):
    fig = timeline_figure(snap.events, "country")
    assert fig.layout.title.text == "Diplomatic events, Sep 2023 – Apr 2025"
    assert "Lanes: country of the first participant" in fig.layout.title.subtitle.text
    assert fig.layout.legend2.title.text == f"{COLOUR_TITLE}:"
    assert "country of the first participant" in COLOUR_TITLE
    assert {t.name for t in fig.data if t.legend == "legend2"} == {"China", "Russia"}
