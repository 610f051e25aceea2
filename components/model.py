"""The snapshot as the app sees it: the stored tables plus derived, display-ready columns.

Pure pandas; no Streamlit. ``prepare`` runs once per snapshot (the result is cached in
``components.data``); pages and figures only read from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import pandas as pd

from components.palette import UNKNOWN_COUNTRY, country_colors

TABLE_NAMES = (
    "articles",
    "actors",
    "roles",
    "mentions",
    "statements",
    "events",
    "event_sources",
)


@dataclass(frozen=True)
class Snapshot:
    articles: pd.DataFrame
    actors: pd.DataFrame
    roles: pd.DataFrame
    mentions: pd.DataFrame
    statements: pd.DataFrame
    events: pd.DataFrame
    event_sources: pd.DataFrame
    manifest: dict = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)  # country -> colour, fixed per build

    def with_tables(self, **tables: pd.DataFrame) -> Snapshot:
        return replace(self, **tables)

    # Lookups built once per snapshot object (cards are drawn by the dozen per rerun).
    @cached_property
    def articles_by_id(self) -> pd.DataFrame:
        return self.articles.set_index("article_id")

    @cached_property
    def actors_by_id(self) -> pd.DataFrame:
        return self.actors.set_index("actor_id")

    @cached_property
    def mentions_by_article(self) -> dict[str, pd.DataFrame]:
        linked = self.mentions.dropna(subset=["actor_id"])
        return {aid: rows for aid, rows in linked.groupby("article_id")}

    def actor_name(self, actor_id: str | None) -> str:
        return actor_names(self.actors).get(actor_id, actor_id or "unknown")


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"], actors["name"], strict=True))


def actor_countries(actors: pd.DataFrame) -> dict[str, str]:
    countries = actors["country"].fillna(UNKNOWN_COUNTRY)
    return dict(zip(actors["actor_id"], countries, strict=True))


def has_any(lists: pd.Series, wanted) -> pd.Series:
    """Boolean mask: which list cells share an item with ``wanted`` (a str or a collection).

    Always dtype bool, also when empty (an empty object mask would select columns instead).
    """
    wanted = {wanted} if isinstance(wanted, str) else set(wanted)
    return lists.map(lambda items: bool(wanted.intersection(items))).astype(bool)


def parse_day(values: pd.Series) -> pd.Series:
    """ISO dates (or ``YYYY-MM`` / ``YYYY``) to timestamps; anything else to NaT."""
    text = values.astype("string").str.strip()
    text = text.where(~text.str.fullmatch(r"\d{4}-\d{2}", na=False), text + "-01")
    text = text.where(~text.str.fullmatch(r"\d{4}", na=False), text + "-01-01")
    return pd.to_datetime(text, errors="coerce", format="%Y-%m-%d")


def _lists(series: pd.Series) -> pd.Series:
    return series.map(lambda v: [] if v is None or not hasattr(v, "__len__") else list(v))


def _event_span(events: pd.DataFrame) -> pd.DataFrame:
    """Start and end (inclusive day) of each event as drawn: month/year precision span it."""
    start = parse_day(events["date"])
    end = parse_day(events["end_date"])
    precision = events["date_precision"].fillna("unknown")
    month_end = start + pd.offsets.MonthEnd(0)
    year_end = start + pd.offsets.YearEnd(0)
    end = end.where(end.notna() & (end >= start), start)
    end = end.mask(precision.eq("month"), month_end).mask(precision.eq("year"), year_end)
    return pd.DataFrame({"start": start, "end": end}, index=events.index)


def prepare_articles(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    art = tables["articles"].copy()
    art["published_dt"] = parse_day(art["published"])
    art["outlet"] = art["outlet"].fillna("Unknown outlet")
    art["title"] = art["title"].fillna(art["file"])
    for name, table in (("n_statements", "statements"), ("n_mentions", "mentions")):
        counts = tables[table].groupby("article_id").size()
        art[name] = art["article_id"].map(counts).fillna(0).astype(int)
    sources = tables["event_sources"].groupby("article_id")["event_id"].nunique()
    art["n_events"] = art["article_id"].map(sources).fillna(0).astype(int)
    return art


def prepare_statements(st: pd.DataFrame, art: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    st = st.copy()
    names, countries = actor_names(actors), actor_countries(actors)
    by_article = art.set_index("article_id")
    published = st["article_id"].map(by_article["published"])
    st["date"] = st["date"].fillna(published)
    st["date_dt"] = parse_day(st["date"])
    st["outlet"] = st["article_id"].map(by_article["outlet"])
    st["title"] = st["article_id"].map(by_article["title"])
    st["url"] = st["article_id"].map(by_article["url"])
    st["copy_of"] = st["article_id"].map(by_article["duplicate_of"])  # wire copy of another
    st["speaker"] = st["speaker_id"].map(names).fillna(st["speaker_text"]).fillna("Unknown")
    st["speaker_country"] = st["speaker_id"].map(countries).fillna(UNKNOWN_COUNTRY)
    st["addressee"] = st["addressee_id"].map(names)
    st["themes"] = _lists(st["themes"])
    texts = st["article_id"].map(by_article["text"])
    st["context"] = [
        _slice(text, s, e, fallback)
        for text, s, e, fallback in zip(
            texts, st["sent_start"], st["sent_end"], st["text"], strict=True
        )
    ]
    return st


def _slice(text, start, end, fallback: str) -> str:
    if not isinstance(text, str) or pd.isna(start) or pd.isna(end) or end <= start:
        return fallback
    return text[int(start) : int(end)].strip() or fallback


def prepare_events(ev: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    ev = ev.copy()
    names, countries = actor_names(actors), actor_countries(actors)
    ev["participants"] = _lists(ev["participants"])
    ev["article_ids"] = _lists(ev["article_ids"])
    ev["date_precision"] = ev["date_precision"].fillna("unknown")
    ev["status"] = ev["status"].fillna("held")
    ev = ev.join(_event_span(ev))
    ev["participant_names"] = ev["participants"].map(lambda ids: [names.get(i, i) for i in ids])
    ev["participant_countries"] = ev["participants"].map(
        lambda ids: [countries.get(i, UNKNOWN_COUNTRY) for i in ids]
    )
    ev["countries"] = ev["participant_countries"].map(lambda cs: list(dict.fromkeys(cs)))
    ev["country"] = ev["countries"].map(lambda cs: cs[0] if cs else UNKNOWN_COUNTRY)
    ev["n_sources"] = ev["article_ids"].map(len)
    return ev


def prepare_actors(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    actors = tables["actors"].copy()
    actors["country"] = actors["country"].fillna(UNKNOWN_COUNTRY)
    counts = tables["mentions"].groupby("actor_id").size()
    actors["n_mentions"] = actors["actor_id"].map(counts).fillna(0).astype(int)
    return actors


def prepare(tables: dict[str, pd.DataFrame], manifest: dict) -> Snapshot:
    """Stored tables to a Snapshot with the derived columns every page relies on."""
    actors = prepare_actors(tables)
    articles = prepare_articles(tables)
    mentions = tables["mentions"].copy()
    names = actor_names(actors)
    mentions["name"] = mentions["actor_id"].map(names)
    countries = actor_countries(actors)
    weighted = list(mentions["actor_id"].map(countries).dropna()) + list(actors["country"])
    return Snapshot(
        articles=articles,
        actors=actors,
        roles=tables["roles"].copy(),
        mentions=mentions,
        statements=prepare_statements(tables["statements"], articles, actors),
        events=prepare_events(tables["events"], actors),
        event_sources=tables["event_sources"].copy(),
        manifest=manifest,
        colors=country_colors(weighted),
    )


def precision_label(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str:
    """How a date reads to a person: "March 2025", "31 Mar – 2 Apr 2025", "2025"."""
    if pd.isna(start):
        return "date unknown"
    if precision == "month":
        return start.strftime("%B %Y")
    if precision == "year":
        return start.strftime("%Y")
    if pd.notna(end) and end > start:
        same_year = start.year == end.year
        left = start.strftime("%-d %b" if same_year else "%-d %b %Y")
        return f"{left} – {end.strftime('%-d %b %Y')}"
    return start.strftime("%-d %b %Y")
