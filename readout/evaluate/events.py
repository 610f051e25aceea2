"""Event scoring against gold: type, participants and dates must agree."""

from __future__ import annotations

import pandas as pd

from readout.knowledge import fold

# "talks" and "meeting" name the same kind of contact; gold uses "meeting" for both.
TYPE_FAMILY = {"talks": "meeting"}


def _family(kind: str) -> str:
    return TYPE_FAMILY.get(kind, kind)


def _dates_compatible(gold: dict, event: pd.Series) -> bool:
    date = event["date"] if isinstance(event["date"], str) else None
    precision = event["date_precision"]
    if gold.get("date"):
        if not date:
            return False
        if precision == "day":
            last = gold.get("end") or gold["date"]
            return gold["date"] <= date <= last
        return date[:7] == gold["date"][:7]
    if gold.get("month"):
        return not date or date[:7] == gold["month"]
    return True


def _matches(gold: dict, event: pd.Series, names: dict[str, str]) -> bool:
    if _family(event["type"]) != _family(gold["type"]):
        return False
    found = {names.get(a) for a in event["participants"]}  # names as name_key folds them
    if not found & {fold(p) for p in gold["participants"] if isinstance(p, str)}:
        return False
    return _dates_compatible(gold, event)


def score_events(gold: dict, article_id: str, snapshot: dict, names: dict, scores: dict) -> None:
    events = snapshot["events"]
    reported = events[events["article_ids"].map(lambda ids: article_id in list(ids))]
    matched: set[int] = set()
    for gold_event in gold.get("events", []):
        hits = [i for i, ev in reported.iterrows() if _matches(gold_event, ev, names)]
        scores["events_found"].add(bool(hits))
        matched.update(hits)
        if gold_event.get("date"):
            exact = any(
                reported.loc[i, "date"] == gold_event["date"]
                and reported.loc[i, "date_precision"] == "day"
                for i in hits
            )
            scores["event_dates_exact"].add(exact)
    for i in reported.index:
        scores["event_precision"].add(i in matched)
