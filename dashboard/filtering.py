"""The shared filter state and the one function that applies it to every table. Pure pandas.

What each filter means, per table:

- dates: articles by publication date, statements by their date, events that overlap the range
- actors / countries: statements whose speaker or addressee is one of them, events with such a
  participant, articles that mention one, mentions of the articles kept
- event types: events only; themes: statements only
- outlets: articles of those outlets, and the statements and events they report
- search: words in an article's title or text, a statement's sentence, an event's evidence
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.model import Snapshot, has_any


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    text: str = ""

    @property
    def active(self) -> bool:
        return self != Filters()


def narrowed(frame: pd.DataFrame, keep: pd.Series) -> pd.DataFrame:
    """``frame[keep]``, or ``frame`` itself when every row is kept: a filter that does not
    touch a table (an event type, for the statements) copies none of its rows."""
    keep = keep.astype(bool)
    return frame if keep.all() else frame[keep]


def _contains(series: pd.Series, text: str) -> pd.Series:
    return series.fillna("").str.contains(text, case=False, regex=False)


def _actor_ids(snap: Snapshot, f: Filters) -> set[str] | None:
    """Actors selected directly or through their country; None when neither filter is set."""
    if not f.actors and not f.countries:
        return None
    ids = set(f.actors)
    if f.countries:
        ids |= set(snap.actors.loc[snap.actors["country"].isin(f.countries), "actor_id"])
    return ids


def _in_range(dt: pd.Series, f: Filters) -> pd.Series:
    keep = pd.Series(True, index=dt.index)
    if f.start:
        keep &= dt >= pd.Timestamp(f.start)
    if f.end:
        keep &= dt <= pd.Timestamp(f.end)
    return keep


def filter_articles(snap: Snapshot, f: Filters, ids: set[str] | None) -> pd.DataFrame:
    art = snap.articles
    keep = _in_range(art["published_dt"], f) if (f.start or f.end) else art["outlet"].notna()
    if f.outlets:
        keep &= art["outlet"].isin(f.outlets)
    if f.text:
        keep &= _contains(art["title"], f.text) | art["article_id"].isin(
            snap.texts.matching(f.text)
        )
    if ids is not None:
        mentioned = snap.mentions.loc[snap.mentions["actor_id"].isin(ids), "article_id"]
        keep &= art["article_id"].isin(set(mentioned))
    return narrowed(art, keep)


def filter_statements(snap: Snapshot, f: Filters, ids: set[str] | None) -> pd.DataFrame:
    st = snap.statements
    keep = _in_range(st["date_dt"], f) if (f.start or f.end) else st["text"].notna()
    if f.outlets:
        keep &= st["outlet"].isin(f.outlets)
    if f.themes:
        keep &= has_any(st["themes"], f.themes)
    if f.text:
        keep &= _contains(st["text"], f.text) | _contains(st["context"], f.text)
    if ids is not None:
        keep &= st["speaker_id"].isin(ids) | st["addressee_id"].isin(ids)
    return narrowed(st, keep)


def filter_events(snap: Snapshot, f: Filters, ids: set[str] | None) -> pd.DataFrame:
    ev = snap.events
    keep = pd.Series(True, index=ev.index)
    if f.start:
        keep &= ev["end"] >= pd.Timestamp(f.start)
    if f.end:
        keep &= ev["start"] <= pd.Timestamp(f.end)
    if f.event_types:
        keep &= ev["type"].isin(f.event_types)
    if ids is not None:
        keep &= has_any(ev["participants"], ids)
    if f.outlets:
        outlets = snap.articles[snap.articles["outlet"].isin(f.outlets)]
        keep &= has_any(ev["article_ids"], outlets["article_id"])
    if f.text:
        src = snap.event_sources
        hits = set(src.loc[_contains(src["text"], f.text), "event_id"])
        names = ev["participant_names"].map(" ".join) + " " + ev["place"].fillna("")
        keep &= ev["event_id"].isin(hits) | _contains(names, f.text)
    return narrowed(ev, keep)


def apply_filters(snap: Snapshot, f: Filters) -> Snapshot:
    """The snapshot narrowed by ``f``: same tables, fewer rows. Actors and roles stay whole."""
    if not f.active:
        return snap
    ids = _actor_ids(snap, f)
    articles = filter_articles(snap, f, ids)
    events = filter_events(snap, f, ids)
    mentions = snap.mentions
    if articles is not snap.articles:  # some articles left: so do their mentions
        mentions = narrowed(mentions, mentions["article_id"].isin(set(articles["article_id"])))
    sources = snap.event_sources
    return snap.with_tables(
        articles=articles,
        mentions=mentions,
        statements=filter_statements(snap, f, ids),
        events=events,
        event_sources=narrowed(sources, sources["event_id"].isin(set(events["event_id"]))),
    )


def date_bounds(snap: Snapshot) -> tuple[date, date] | None:
    """First and last day of anything dated in the snapshot, or None when nothing is dated."""
    days = pd.concat(
        [
            snap.articles["published_dt"],
            snap.statements["date_dt"],
            snap.events["start"],
            snap.events["end"],
        ]
    ).dropna()
    if days.empty:
        return None
    return days.min().date(), days.max().date()
