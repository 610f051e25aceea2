"""What the Articles page lists: ``page_views.article_list`` with the columns a reader can
read at a glance: how many distinct actors an article names, and which article it copies."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from dashboard.model import Snapshot
from dashboard.pages.views import ArticleList, article_list
from dashboard.text import known

COLUMNS = ["title", "outlet", "Published", "n_statements", "n_events", "n_actors", "copy_of"]


def actors_per_article(full: Snapshot) -> pd.Series:
    """article_id -> how many distinct actors its linked mentions name (not how many
    mentions: an article naming 16 actors 64 times names 16)."""

    def count() -> pd.Series:
        mentions = full.mentions.dropna(subset=["actor_id"])
        return mentions.groupby("article_id", observed=True)["actor_id"].nunique()

    return full.derived("actors_per_article", count)


def copy_label(full: Snapshot, original) -> str:
    """ "EWN, 1 Apr 2025": the article a wire copy or near-duplicate copies; "" for none."""
    if known(original) is None:
        return ""
    articles = full.articles_by_id
    if original not in articles.index:
        return "an article not in this snapshot"
    row = articles.loc[original]
    day = row["published_dt"]
    outlet = known(row["outlet"]) or "Unknown outlet"
    return f"{outlet}, {day:%-d %b %Y}" if pd.notna(day) else outlet


def article_rows(full: Snapshot, snap: Snapshot) -> ArticleList:
    """The article list with distinct actors and the copied article as columns."""
    listing = article_list(full, snap)
    articles = snap.articles_by_id.loc[listing.ids]
    counts = actors_per_article(full)
    table = listing.table.assign(
        n_actors=[int(counts.get(a, 0)) for a in listing.ids],
        copy_of=[copy_label(full, d) for d in articles["duplicate_of"]],
    )
    return replace(listing, table=table[COLUMNS].reset_index(drop=True))
