"""What the page benchmark opens a page with (``readout.bench.pages``).

Most pages show the whole snapshot and need no query. The event dossier shows one event
(``?event=<id>&src=...``); opened bare it draws an empty state and times nothing. It is
opened on the event most articles report, the heaviest dossier of the snapshot, with the
evidence anchors a link from the Timeline carries (``dashboard.dossier.ids.dossier_query``).
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pyarrow.compute as pc
import pyarrow.parquet as pq

from readout.snapshot.store import read_table

DOSSIER_PAGE = "views/dossier.py"
REPORTED_BY = re.compile(r"\*\*Reported by (\d+) article")


def most_reported_event(snapshot: Path) -> tuple[str, int] | None:
    """(event id, distinct articles reporting it) of the most-reported event; ties go to the
    smallest id, so the choice is the same on every run. None when there is no event."""
    events = pq.read_table(Path(snapshot) / "events.parquet", columns=["event_id", "article_ids"])
    if not events.num_rows:
        return None
    per_event = [len(set(ids)) for ids in events["article_ids"].to_pylist()]
    ids = events["event_id"].to_pylist()
    best = min(range(len(ids)), key=lambda i: (-per_event[i], ids[i]))
    return ids[best], per_event[best]


def dossier_params(snapshot: Path) -> dict[str, str | list[str]]:
    """``event`` and ``src`` of the most-reported event, as the Timeline's link gives them."""
    from dashboard.dossier.ids import dossier_query

    found = most_reported_event(snapshot)
    if found is None:
        return {}
    event_id = found[0]
    # Only its own evidence rows: the query's anchors read nothing else of the snapshot, and
    # the rows keep the stored order, as in the app's snapshot (``dashboard.model.prepare``).
    sources = read_table(
        Path(snapshot),
        "event_sources",
        columns=["event_id", "article_id", "start"],
        where=pc.field("event_id") == event_id,
    )
    return dossier_query(SimpleNamespace(event_sources=sources), event_id)


def page_params(snapshot: Path, page: str) -> dict[str, str | list[str]]:
    """The query a page is opened with in the benchmark (empty for the whole-snapshot ones)."""
    return dossier_params(snapshot) if page == DOSSIER_PAGE else {}


def page_report(at, params: dict) -> dict:
    """What the timed run was opened with, and for a dossier how many reports it listed: a
    check that the heavy case really ran, not the empty state."""
    if not params:
        return {}
    out: dict = {"params": params}
    for block in at.markdown:
        if found := REPORTED_BY.search(block.value):
            out["reports"] = int(found.group(1))
            break
    return out
