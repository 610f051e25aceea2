"""Formal statements as events across the app: a type of the one list every form and filter
reads, and no contact in the network (two leaders signing a joint statement did not
necessarily meet; a statement draws no "met" link)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.network.edges import _event_edges
from readout.corpus.correction_actions import CorrectionError, _event_type
from readout.snapshot.schema import EVENT_TYPES


def _events(kind: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"event_id": ["e1"], "type": [kind], "participants": [["a", "b"]],
         "start": [pd.Timestamp("2025-01-02")]}
    )  # fmt: skip


@pytest.mark.parametrize(("kind", "link"), [("meeting", "met"), ("call", "called"),
                                            ("visit", "visited"), ("statement", None)])  # fmt: skip
def test_what_link_an_event_draws(kind, link):
    assert [e["type"] for e in _event_edges(_events(kind))] == ([link] if link else [])


def test_a_correction_may_set_any_declared_type_and_no_other():
    assert EVENT_TYPES[-1] == "statement"
    assert [_event_type(t) for t in EVENT_TYPES] == list(EVENT_TYPES)
    with pytest.raises(CorrectionError, match="statement"):
        _event_type("parade")
