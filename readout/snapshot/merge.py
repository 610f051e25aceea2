"""Merge events across articles (near-duplicate articles: ``readout.snapshot.wire_copies``).

Events are merged in two passes. Within one article the rules are loose, because a story
keeps returning to the same event ("the meeting", "their talks"): an undated report joins the
nearest compatible event, and an undated meeting or talks held by a visitor ("during the visit,
Wang will hold talks with Lavrov") becomes part of that visit. Across articles the rules are
strict: same type (meeting and talks are one family), overlapping participants, compatible
dates and places; an undated event only joins when the articles are published within
``UNDATED_WINDOW_DAYS`` of each other (needs ``published``).

Dates come in already resolved against each article's own publication date. Two explicit
(stated or relative) dates that cannot be the same days block a merge; a date taken from the
publication day or from an earlier sentence ("the same day") yields within ``SOFT_SLACK_DAYS``.
The merged date is chosen by basis first (stated > relative > anaphoric > publication), then by
how many sources give it, and a held event is never dated after the earliest article that
reports it. Each source keeps its own date and place in ``event_sources``; an event whose
sources disagree on either is flagged ``sources_disagree``.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from readout import KNOWLEDGE_DIR
from readout.knowledge import KnowledgeBase, fold
from readout.nlp.kb import get_knowledge
from readout.snapshot.merge_dates import (
    chosen_date,
    dates_fit,
    day,
    disagreement,
    own_date,
    places_fit,
    rank,
    reported_before_held,
    span,
)
from readout.snapshot.records import EventRecord

FAMILY = {"talks": "meeting"}
UNDATED_WINDOW_DAYS = 10
FOLDABLE = {"meeting", "talks"}


@dataclass(eq=False)  # clusters are compared by identity
class Cluster:
    reports: list[tuple[str, EventRecord, str]] = field(default_factory=list)
    order: int = 0  # position among merged clusters, for a deterministic choice

    @property
    def events(self) -> list[EventRecord]:
        return [ev for _, ev, _ in self.reports]

    @property
    def family(self) -> str:
        return _family(self.events[0].type)

    @property
    def participants(self) -> set[str]:
        return {p for ev in self.events for p in ev.participants}

    @property
    def best(self) -> EventRecord:
        return min(self.events, key=rank)

    @property
    def dated(self) -> bool:
        return any(ev.date for ev in self.events)


def _family(kind: str) -> str:
    return FAMILY.get(kind, kind)


# --- compatibility -------------------------------------------------------------------------


def _people_overlap(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    return a <= b or b <= a or len(a & b) / len(a | b) >= 0.5


def _fits(c: Cluster, ev: EventRecord, kb, *, same_article: bool) -> bool:
    if c.family != _family(ev.type):
        return False
    if not _people_overlap(c.participants, set(ev.participants)):
        summit = ev.type == "summit" and all(e.place and e.date for e in [*c.events, ev])
        if not summit:
            return False
    if not all(places_fit(e.place, ev.place, kb) for e in c.events):
        return False
    if same_article and ev.type in FOLDABLE and {e.status for e in c.events} != {ev.status}:
        return False  # one story does not report one meeting as both done and ahead
    fits = [dates_fit(e, ev) for e in c.events]
    return not any(f is False for f in fits)


def _undated_ok(c: Cluster, ev: EventRecord, aid: str, published: Mapping[str, str] | None):
    """An undated report joins another article's event only if published close to it."""
    if ev.date or ev.end_date:
        return True
    if published is None:
        return False
    mine = day(published.get(aid))
    theirs = [day(published.get(a)) for a, _, _ in c.reports]
    return mine is not None and any(
        d is not None and abs((d - mine).days) <= UNDATED_WINDOW_DAYS for d in theirs
    )


# --- the two passes ------------------------------------------------------------------------


def _within_article(reports: list[tuple[str, EventRecord, str]], kb) -> list[Cluster]:
    order = sorted(range(len(reports)), key=lambda i: (reports[i][1].date is None, i))
    clusters: list[Cluster] = []
    for i in order:
        aid, ev, _ = reports[i]
        fitting = [c for c in clusters if _fits(c, ev, kb, same_article=True)]
        # the nearest report in the text is the likeliest antecedent of "the meeting"
        target = min(
            fitting, key=lambda c: min(abs(e.start - ev.start) for e in c.events), default=None
        )
        if target is None and not ev.date:
            target = _visit_of(clusters, ev, kb) or _call_of(clusters, ev)
        if target is None:
            clusters.append(Cluster([reports[i]]))
        else:
            target.reports.append(reports[i])
    return clusters


def _visit_of(clusters: list[Cluster], ev: EventRecord, kb) -> Cluster | None:
    """An undated meeting or talks of a visitor with nobody new belongs to the visit ("during
    the visit, the talks ..."); one with a host is its own event: a visit lists the visitors,
    the host is in the meeting."""
    if ev.type not in FOLDABLE:
        return None
    for c in clusters:
        if c.family != "visit" or not set(ev.participants) <= c.participants:
            continue
        if all(places_fit(e.place, ev.place, kb) for e in c.events):
            return c
    return None


def _call_of(clusters: list[Cluster], ev: EventRecord) -> Cluster | None:
    """Undated talks between the people of a call reported in the same story, with no place
    of their own, are that call ("the two ministers discussed ..." after "spoke by phone"),
    also when told as ahead ("the spokesman said the two leaders would discuss ...")."""
    if ev.type not in FOLDABLE or ev.place:
        return None
    for c in clusters:
        same_status = ev.status == "planned" or {e.status for e in c.events} == {ev.status}
        if c.family == "call" and set(ev.participants) <= c.participants and same_status:
            return c
    return None


def _keys(c: Cluster) -> set[str]:
    """Blocking keys: only clusters sharing one are compared, so merging stays near-linear."""
    keys = {f"{c.family}|{p}" for p in c.participants}
    if c.family == "summit":
        keys |= {f"summit@{fold(ev.place)}" for ev in c.events if ev.place}
    return keys


def _across_articles(clusters: list[Cluster], kb, published) -> list[Cluster]:
    ordered = sorted(clusters, key=lambda c: rank(c.best))
    merged: list[Cluster] = []
    index: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in ordered:
        aid = cluster.reports[0][0]
        found = {id(m): m for key in sorted(_keys(cluster)) for m in index[key]}
        candidates = sorted(found.values(), key=lambda m: m.order)
        target = next(
            (
                m
                for m in candidates
                if aid not in {a for a, _, _ in m.reports}
                and all(_fits(m, ev, kb, same_article=False) for ev in cluster.events)
                and _undated_ok(m, cluster.best, aid, published)
                and not reported_before_held(m.reports, cluster.reports, published)
            ),
            None,
        )
        if target is None:
            cluster.order = len(merged)
            merged.append(cluster)
            target = cluster
        else:
            target.reports += cluster.reports
        for key in _keys(target):
            if target not in index[key]:
                index[key].append(target)
    return merged


# --- rows ----------------------------------------------------------------------------------


def _event_row(c: Cluster, kb, published=None) -> dict:
    events = c.events
    chosen = chosen_date(c.reports, published)
    kind_of = chosen or c.best
    types = Counter(ev.type for ev in events)
    kind = max(types, key=lambda t: (types[t], t == kind_of.type))
    counts = Counter(p for ev in events for p in ev.participants)
    participants = sorted(counts, key=lambda p: -counts[p])  # stable: first seen wins ties
    places = [ev.place for ev in events if ev.place]
    place = _most_specific(places, kb)
    start = chosen.date if chosen else None
    # the end comes from reports of the chosen start (or of no start: "until Thursday")
    ends = [ev.end_date for ev in events if ev.end_date and ev.date in (None, start)]
    end = max(ends) if ends and (start is None or max(ends) > start) else None
    held = span(chosen) if chosen else None
    if held is not None and end:
        held = (held[0], max(held[1], end))
    disagree_on = disagreement(c.reports, kb, held)
    return {
        "type": kind,
        "participants": participants,
        "place": place,
        "date": start,
        "end_date": end,
        "date_precision": chosen.date_precision if chosen else "unknown",
        "date_basis": chosen.date_basis if chosen else "none",
        "status": "held" if any(ev.status == "held" for ev in events) else "planned",
        "sources_disagree": bool(disagree_on),
        "disagree_on": disagree_on,
        "article_ids": list(dict.fromkeys(a for a, _, _ in c.reports)),
    }


def _most_specific(places: list[str], kb) -> str | None:
    """A city over the country it is in ("Moscow" over "Russia"), else the most named."""
    if not places:
        return None
    counts = Counter(places)
    for place in counts:
        country = kb.country_of_word(place) if kb is not None else None
        if country and country != place and country in counts:
            return place
    return counts.most_common(1)[0][0]


def _event_id(row: dict) -> str:
    """A hash of what identifies the event, so ids survive rebuilds of the same data."""
    when = row["date"] or ",".join(sorted(row["article_ids"]))
    key = "|".join([_family(row["type"]), ",".join(sorted(row["participants"])), when])
    return "e" + hashlib.sha1(key.encode()).hexdigest()[:12]


def merge_events(
    reports: list[tuple[str, EventRecord, str]],
    published: Mapping[str, str] | None = None,
    kb: KnowledgeBase | None = None,
) -> tuple[list[dict], list[dict]]:
    """(article_id, event, evidence sentence) triples -> (events rows, event_sources rows).

    ``published`` (article_id -> ISO date) lets undated events merge across articles;
    ``kb`` (default: the bundled knowledge base) lets a capital match its country as a place.
    """
    kb = kb if kb is not None else get_knowledge(str(KNOWLEDGE_DIR))
    by_article: dict[str, list] = defaultdict(list)
    for report in reports:
        by_article[report[0]].append(report)
    clusters = [c for group in by_article.values() for c in _within_article(group, kb)]
    events, sources, seen_ids = [], [], Counter()
    for cluster in _across_articles(clusters, kb, published):
        row = _event_row(cluster, kb, published)
        eid = _event_id(row)
        seen_ids[eid] += 1
        row["event_id"] = eid if seen_ids[eid] == 1 else f"{eid}-{seen_ids[eid]}"
        events.append(row)
        evidence: dict[tuple, tuple[str, list[EventRecord]]] = {}
        for aid, ev, text in cluster.reports:
            evidence.setdefault((aid, ev.start, ev.end), (text, []))[1].append(ev)
        for (aid, start, end), (text, said) in evidence.items():
            dated = min(said, key=rank)
            sources.append(
                {
                    "event_id": row["event_id"],
                    "article_id": aid,
                    "start": start,
                    "end": end,
                    "text": text,
                    "date": own_date(dated),  # what this sentence says, before merging
                    "place": next((ev.place for ev in said if ev.place), None),
                }
            )
    return events, sources
