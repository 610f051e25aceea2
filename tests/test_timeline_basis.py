"""The timeline shows a day that was worked out (not stated) differently from a stated one,
and says in the hover how each date was found and whether the sources disagree."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.figures.timeline import timeline_figure
from dashboard.figures.timeline_hover import BASIS_WORDS, hover_text, worked_out
from dashboard.model import prepare
from readout.snapshot.schema import DATE_BASES
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def snap(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("basis") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


def _with_basis(snap, basis: str | None, disagree: bool = False) -> pd.DataFrame:
    events = snap.events[snap.events["event_id"] == "e-talks"].copy()
    events["date_basis"] = basis
    events["sources_disagree"] = disagree
    return events


def _marker_colour(fig, event_id: str) -> str:
    for trace in fig.data:
        if trace.customdata is not None and event_id in list(trace.customdata):
            return trace.marker.color
    raise AssertionError(f"{event_id} is not drawn")


@pytest.mark.parametrize(
    ("basis", "inferred"),
    [("stated", False), ("relative", True), ("anaphoric", True), ("publication", True)],
)
def test_a_worked_out_day_is_drawn_pale_and_a_stated_one_solid(snap, basis, inferred):
    fig = timeline_figure(_with_basis(snap, basis))
    colour = _marker_colour(fig, "e-talks")
    assert colour.startswith("rgba(") is inferred  # a pale tint of the country colour
    assert worked_out(basis) is inferred


@pytest.mark.parametrize("basis", ["stated", "relative", "anaphoric", "publication"])
def test_the_hover_says_how_the_date_was_found(snap, basis):
    row = next(_with_basis(snap, basis).itertuples())
    assert BASIS_WORDS[basis].capitalize() in hover_text(row, {})


def test_no_basis_sentence_for_an_unknown_basis_and_disagreement_is_called_out(snap):
    quiet = hover_text(next(_with_basis(snap, None).itertuples()), {})
    assert not any(words.capitalize() in quiet for words in BASIS_WORDS.values())
    assert "disagree" not in quiet
    loud = hover_text(next(_with_basis(snap, "stated", disagree=True).itertuples()), {})
    assert "Sources disagree on the date or place" in loud


def test_the_key_explains_the_pale_marks(snap):
    names = {t.name for t in timeline_figure(_with_basis(snap, "relative")).data}
    assert "Day worked out, not stated" in names


def test_every_basis_but_none_has_words():
    assert set(BASIS_WORDS) == set(DATE_BASES) - {"none"}
