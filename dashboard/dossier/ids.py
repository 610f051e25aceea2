"""Dossier links that survive a rebuild. Pure pandas.

An event id is a hash of its type, participants and date (``readout.snapshot.merge``): a
rebuild that merges two events, or dates one anew, gives it another id. A dossier link
therefore also carries a few of the event's evidence sentences (``src=<article id>:<start>``);
when the id is gone, the event that now holds most of those sentences opens instead, and the
page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.model import Snapshot

ANCHORS = 3  # sentences a link carries: enough to find the event again, a short URL


@dataclass(frozen=True)
class Resolved:
    event_id: str | None  # the event to open, or None
    note: str | None = None  # why it is not the one the link named


def anchors(snap: Snapshot, event_id: str, n: int = ANCHORS) -> list[str]:
    """``article_id:start`` of the event's first ``n`` evidence sentences (different articles
    first: a merge keeps sentences, a split may part articles)."""
    src = snap.event_sources[snap.event_sources["event_id"] == event_id]
    src = src.assign(nth=src.groupby("article_id").cumcount()).sort_values(
        ["nth", "article_id", "start"], kind="stable"
    )
    return [f"{a}:{int(s)}" for a, s in zip(src["article_id"], src["start"], strict=True)][:n]


def _parse(keys: list[str]) -> pd.DataFrame:
    rows = []
    for key in keys:
        article, _, start = str(key).rpartition(":")
        if article and start.isdigit():
            rows.append({"article_id": article, "start": int(start)})
    return pd.DataFrame(rows, columns=["article_id", "start"])


def resolve(snap: Snapshot, event_id: str | None, keys: list[str]) -> Resolved:
    """The event a link (id and anchors) stands for in this snapshot."""
    if event_id and (snap.events["event_id"] == event_id).any():
        return Resolved(event_id)
    wanted = _parse(keys)
    if wanted.empty:
        return Resolved(None)
    src = snap.event_sources[["event_id", "article_id", "start"]].astype({"start": "int64"})
    found = wanted.merge(src, on=["article_id", "start"])
    if found.empty:
        return Resolved(None)
    counts = found.groupby("event_id").size().sort_values(ascending=False, kind="stable")
    best = str(counts.index[0])
    others = [str(e) for e in counts.index[1:]]
    note = (
        "The event this link named is no longer in the snapshot (a rebuild merged, split or "
        "re-dated it): this is the event that now holds its reports."
    )
    if others:
        note += f" {len(others)} other event(s) hold some of them too."
    return Resolved(best, note)


ORIGINS = ("network",)  # url paths of the pages besides the Timeline that open dossiers
HOME = "timeline"  # where a dossier link comes from by default


def dossier_query(snap: Snapshot, event_id: str, origin: str | None = None) -> dict:
    """The query of a link to an event's dossier: its id, its anchors, and the page it is
    opened from when that is not the Timeline (the dossier's back link returns there)."""
    query: dict = {"event": event_id, "src": anchors(snap, event_id)}
    if origin in ORIGINS:
        query["from"] = origin
    return query


def back_to(origin: str | None) -> tuple[str, str]:
    """(page script, label) of the dossier's back link."""
    from dashboard.pages.registry import BY_URL  # the registry draws dossiers: import late

    page = BY_URL[origin if origin in ORIGINS else HOME]
    return page.path, f"Back to the {page.title}"
