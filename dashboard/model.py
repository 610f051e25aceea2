"""The snapshot as the app sees it: the stored tables plus derived, display-ready columns.

Pure pandas; no Streamlit. ``prepare`` runs once per snapshot (the result is cached in
``components.data``); pages and figures only read from it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from dashboard.article_texts import ArticleTexts
from dashboard.palette import UNKNOWN_COUNTRY, country_colors
from dashboard.sentences import Sentences
from readout.snapshot.schema import STATEMENT_KINDS

# What the app reads of the stored tables: unlinked mentions and their labels are never shown;
# of a sentence only where it starts (``dashboard.sentences``).
APP_COLUMNS = {
    "mentions": ["article_id", "actor_id", "start", "end", "text"],
    "sentences": ["article_id", "start"],
}
APP_WHERE = {"mentions": pc.field("actor_id").is_valid()}
APP_CATEGORIES = {"mentions": ["article_id", "actor_id"], "sentences": ["article_id"]}

TERM = STATEMENT_KINDS[-1]  # a quoted name or scare quote, kept apart from what was said


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
    texts: ArticleTexts = field(default_factory=ArticleTexts)
    # Quoted names of things and scare quotes ("a 'no limits' partnership"): the vocabulary a
    # speaker uses, never something a person said, so never among ``statements``.
    terms: pd.DataFrame = field(default_factory=pd.DataFrame)
    sentences: Sentences = field(default_factory=Sentences)  # spaCy's, from the build
    # Results derived from this very object (see ``derived``); never copied to another.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def derived(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``, once per key for this snapshot object (it is cached and shared
        read-only, so what is derived from it can be too)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def text_of(self, article_id: str) -> str:
        return self.texts.get(article_id)

    def with_tables(self, **tables: pd.DataFrame) -> Snapshot:
        return replace(self, memo={}, **tables)

    # Lookups built once per snapshot object (cards are drawn by the dozen per rerun).
    @cached_property
    def articles_by_id(self) -> pd.DataFrame:
        return self.articles.set_index("article_id")

    @cached_property
    def actors_by_id(self) -> pd.DataFrame:
        return self.actors.set_index("actor_id")

    @cached_property
    def mention_rows(self) -> dict[str, tuple[int, int]]:
        # Row range of each article's mentions: ``prepare`` keeps them grouped by article,
        # so one pass finds every range (a groupby into 100k small frames would not scale).
        ids = self.mentions["article_id"]
        if ids.empty:
            return {}
        codes, uniques = pd.factorize(ids)
        starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
        ends = np.r_[starts[1:], len(codes)]
        names = np.asarray(uniques, dtype=object)[codes[starts]]
        return {name: (int(s), int(e)) for name, s, e in zip(names, starts, ends, strict=True)}

    def mentions_of(self, article_id: str) -> pd.DataFrame:
        """The linked mentions of one article, in text order."""
        lo, hi = self.mention_rows.get(article_id, (0, 0))
        return self.mentions.iloc[lo:hi]

    @cached_property
    def edges(self) -> pd.DataFrame:
        """Every dated, typed edge of the network (``dashboard.network.edges.edge_rows``), built
        once per loaded snapshot: at newsroom scale it takes seconds."""
        from dashboard.network.edges import edge_rows  # network builds on this module

        return edge_rows(self)

    @cached_property
    def names(self) -> dict[str, str]:
        """actor_id -> display name."""
        return actor_names(self.actors)

    @cached_property
    def countries(self) -> dict[str, str]:
        """actor_id -> country (UNKNOWN_COUNTRY where none is known)."""
        return actor_countries(self.actors)

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
    """The articles with display columns; without their texts (see ``ArticleTexts``)."""
    art = tables["articles"].drop(columns="text", errors="ignore")
    art["published_dt"] = parse_day(art["published"])
    art["outlet"] = art["outlet"].fillna("Unknown outlet")
    art["title"] = art["title"].fillna(art["file"])
    for name, table in (("n_statements", "statements"), ("n_mentions", "mentions")):
        counts = tables[table]["article_id"].value_counts()
        art[name] = art["article_id"].map(counts).fillna(0).astype(int)
    sources = tables["event_sources"].groupby("article_id")["event_id"].nunique()
    art["n_events"] = art["article_id"].map(sources).fillna(0).astype(int)
    return art


def prepare_statements(
    st: pd.DataFrame, art: pd.DataFrame, actors: pd.DataFrame, texts: ArticleTexts
) -> pd.DataFrame:
    st = st.copy()
    names, countries = actor_names(actors), actor_countries(actors)
    by_article = art.set_index("article_id")[
        ["published", "outlet", "title", "url", "duplicate_of"]
    ]
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
    if "phrases" in st:  # absent only from tables made by hand without it
        st["phrases"] = _lists(st["phrases"])
    st["context"] = _contexts(st, texts)
    return st


def _contexts(st: pd.DataFrame, texts: ArticleTexts) -> list[str]:
    """Each statement's sentence, cut from its article's text. Statements come grouped by
    article, so each text is fetched once (not once per statement: a 100k-article snapshot
    has half a million statements)."""
    out, last, text = [], None, ""
    rows = zip(st["article_id"], st["sent_start"], st["sent_end"], st["text"], strict=True)
    for aid, start, end, fallback in rows:
        if aid != last:
            last, text = aid, texts.get(aid)
        out.append(_slice(text, start, end, fallback))
    return out


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
    counts = tables["mentions"]["actor_id"].value_counts()
    actors["n_mentions"] = actors["actor_id"].map(counts).fillna(0).astype(int)
    return actors


def linked_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions linked to an actor, grouped by article in text order (what the app uses:
    unlinked ones only cost memory, millions of rows at newsroom scale)."""
    columns = ["article_id", "actor_id", "start", "end", "text"]
    linked = mentions[columns]
    if linked["actor_id"].isna().any():
        linked = linked[linked["actor_id"].notna()]
    # Ids as categories: millions of rows, few values (the app reads them so already).
    linked = linked.astype({"start": "int32", "end": "int32"})
    for column in ("article_id", "actor_id"):
        if linked[column].dtype != "category":
            linked[column] = linked[column].astype("category")
    codes, _ = pd.factorize(linked["article_id"])  # codes in order of first appearance
    if len(codes) > 1 and (np.diff(codes) < 0).any():  # an article's mentions not together
        order = np.lexsort((linked["start"].to_numpy(), codes))
        linked = linked.iloc[order]
    return linked.reset_index(drop=True)


def prepare(tables: dict[str, pd.DataFrame], manifest: dict) -> Snapshot:
    """Stored tables to a Snapshot with the derived columns every page relies on."""
    actors = prepare_actors(tables)
    texts = ArticleTexts.of(tables["articles"])
    articles = prepare_articles(tables)
    stored = tables["statements"]
    is_term = (stored["kind"] == TERM).to_numpy()
    statements = prepare_statements(stored[~is_term], articles, actors, texts)
    terms = prepare_statements(stored[is_term], articles, actors, texts)
    # Colours follow how often each country is mentioned (its actors' mentions, plus one).
    weighted = actors.groupby("country")["n_mentions"].sum() + actors["country"].value_counts()
    return Snapshot(
        articles=articles,
        actors=actors,
        roles=tables["roles"].copy(),
        mentions=linked_mentions(tables["mentions"]),
        statements=statements,
        events=prepare_events(tables["events"], actors),
        event_sources=tables["event_sources"].copy(),
        manifest=manifest,
        colors=country_colors(weighted.to_dict()),
        texts=texts,
        terms=terms,
        sentences=Sentences.of(tables.get("sentences")),  # tables made by hand may lack it
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
