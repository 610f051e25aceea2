"""Merge events across articles and group near-duplicate articles.

Placeholder until the merge lands (issue 3): every reported event stays its own event.
"""

from __future__ import annotations

from readout.records import EventRecord


def merge_events(reports: list[tuple[str, EventRecord, str]]) -> tuple[list[dict], list[dict]]:
    """(article_id, event, evidence sentence) triples -> (events rows, event_sources rows)."""
    events, sources = [], []
    for i, (aid, ev, sentence) in enumerate(reports):
        eid = f"e{i}"
        events.append(
            {
                "event_id": eid,
                "type": ev.type,
                "participants": ev.participants,
                "place": ev.place,
                "date": ev.date,
                "end_date": ev.end_date,
                "date_precision": ev.date_precision,
                "status": ev.status,
                "article_ids": [aid],
            }
        )
        sources.append(
            {"event_id": eid, "article_id": aid, "start": ev.start, "end": ev.end, "text": sentence}
        )
    return events, sources


def find_duplicates(articles: list[dict]) -> dict[str, str]:
    """article_id -> the article_id it duplicates (wire copy reprinted by several outlets)."""
    return {}
