"""What the sources of one event read apart (``disagree_on``), each source's date at its own
precision, and the dossier's notes in words, which say only what really differs."""

from __future__ import annotations

import pandas as pd
import pytest
from test_merge import KB

from dashboard.dossier.sources import disagreement_notes
from readout.snapshot.merge import merge_events
from readout.snapshot.records import EventRecord

WHO = ("wang-yi", "sergei-lavrov")


def ev(date, precision="day", basis="stated", place="Moscow", end=None) -> EventRecord:
    return EventRecord("meeting", list(WHO), place, date, end, precision, "held", 0, 40, "", basis)


def merged(*reports):
    return merge_events([(a, e, f"sentence {a}") for a, e in reports], kb=KB)


MERGES = [
    # what, reports, disagree_on, each source's date
    ("a day and its month are one reading",
     [("a1", ev("2025-04-01")), ("a2", ev("2025-04-01", "month", "relative"))],
     [], ["2025-04-01", "2025-04"]),
    ("a city and its country are one place",
     [("a1", ev("2025-04-01")), ("a2", ev("2025-04-01", place="Russia"))],
     [], ["2025-04-01", "2025-04-01"]),
    ("two days", [("a1", ev("2025-04-01")), ("a2", ev("2025-04-02", basis="publication"))],
     ["date"], ["2025-04-01", "2025-04-02"]),
    ("a day inside the days of a visit is no other date",
     [("a1", ev("2025-03-31", end="2025-04-02")), ("a2", ev("2025-04-01", basis="relative"))],
     [], ["2025-03-31", "2025-04-01"]),
    ("a year reading is kept as a year",
     [("a1", ev("2025-04-01")), ("a2", ev("2025-01-01", "year", "relative"))],
     [], ["2025-04-01", "2025"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "reports", "on", "dates"), MERGES, ids=[m[0] for m in MERGES])
def test_what_the_sources_read_apart(what, reports, on, dates):
    rows, sources = merged(*reports)
    [row] = rows
    assert (row["disagree_on"], row["sources_disagree"]) == (on, bool(on))
    assert [s["date"] for s in sorted(sources, key=lambda s: s["article_id"])] == dates


def test_two_capitals_are_two_meetings_not_one_with_a_disagreement():
    rows, _ = merged(("a1", ev("2025-04-01")), ("a2", ev("2025-04-01", place="Beijing")))
    assert [r["disagree_on"] for r in rows] == [[], []]


READINGS = pd.DataFrame(
    {
        "outlet": ["EWN", "imp.news", "The Moscow Times"],
        "published": ["2025-04-01", "2025-03-31", "2025-03-28"],
        "date": ["2025-04-01", "2025-03-31", "2025-03"],
        "place": ["Moscow", "Moscow", "Russia"],
    }
)

NOTES = [
    ("nothing read apart: no note", {"sources_disagree": False, "disagree_on": []}, ()),
    ("dates apart: only the dates note, a month read as a month",
     {"sources_disagree": True, "disagree_on": ["date"]},
     ("Dates differ: EWN: 1 April; imp.news: 31 March; The Moscow Times: March",)),
    ("places apart: only the places note", {"sources_disagree": True, "disagree_on": ["place"]},
     ("Places differ: EWN: Moscow; imp.news: Moscow; The Moscow Times: Russia",)),
    ("a flagged row made by hand, without the list, may differ on either",
     {"sources_disagree": True, "disagree_on": None}, 2),
]  # fmt: skip


@pytest.mark.parametrize(("what", "event", "expected"), NOTES, ids=[n[0] for n in NOTES])
def test_disagreement_notes(what, event, expected):
    notes = disagreement_notes(READINGS, pd.Series(event))
    assert (len(notes) if isinstance(expected, int) else notes) == expected
