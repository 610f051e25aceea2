"""The Articles page: its list (newest first) with the columns a reader reads at a glance,
how many distinct actors an article names and which article it copies. Pure.

``articles_lead`` is what a briefing pack shows for a saved Articles view: the same list
(``article_rows``), or the statements of the article opened.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

import pandas as pd

from dashboard.cards import statement_card
from dashboard.model import Snapshot
from dashboard.pages.chart import articles_of
from dashboard.text import fmt_date, known
from dashboard.url_state import Params, first

MAX_LISTED_ARTICLES = 1000  # rows of the article list (a search narrows it)
LISTED_IN_PACK = 12  # rows of the list in a briefing pack
COLUMNS = ["title", "outlet", "Published", "n_statements", "n_events", "n_actors", "copy_of"]


@dataclass(frozen=True)
class ArticleList:
    table: pd.DataFrame  # the newest MAX_LISTED_ARTICLES matching articles, display columns
    ids: list[str]  # article_id of each table row
    labels: dict[str, str]  # article_id -> "Title — Outlet, 1 Apr 2025"
    matching: int


def article_list(full: Snapshot, snap: Snapshot) -> ArticleList:
    articles = snap.articles.sort_values(["published_dt", "title"], ascending=[False, True])
    listed = articles.head(MAX_LISTED_ARTICLES)  # read at call time (tests lower it)
    table = listed.assign(
        Published=listed["published_dt"].dt.date, Copy=listed["duplicate_of"].notna()
    )[["title", "outlet", "Published", "n_statements", "n_events", "n_mentions", "Copy"]]
    labels = {a.article_id: article_label(a) for a in listed.itertuples()}
    return ArticleList(table, list(listed["article_id"]), labels, len(articles))


def article_label(article) -> str:
    """ "Title — Outlet, 1 Apr 2025" for a row of the articles table."""
    return f"{article.title} — {article.outlet}, {_day(article.published_dt)}"


def _day(day) -> str:
    return f"{day:%-d %b %Y}" if pd.notna(day) else "no date"


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


def articles_html(full: Snapshot, listing: ArticleList, chosen: str | None, limit: int) -> str:
    """The article opened (its statements), else the newest ``limit`` of the page's list."""
    if chosen:
        said = full.statements[full.statements["article_id"] == chosen].sort_values("start")
        cards = "".join(statement_card(full, r, with_source=False) for r in said.itertuples())
        title = known(full.articles_by_id.loc[chosen, "title"]) or "Untitled"
        return f"<h3>{html.escape(str(title))}: statements ({len(said)})</h3>{cards}"
    rows = "".join(
        f"<tr><td>{html.escape(str(r.title))}</td><td>{html.escape(str(known(r.outlet) or ''))}"
        f"</td><td>{html.escape(fmt_date(r.Published))}</td></tr>"
        for r in listing.table.head(limit).itertuples()
    )
    more = listing.matching - min(limit, len(listing.table))
    extra = f"<p class='meta'>… and {more:,} more.</p>" if more > 0 else ""
    return (
        "<table class='list'><tr><th>Title</th><th>Outlet</th><th>Published</th></tr>"
        f"{rows}</table>{extra}"
    )


def articles_lead(full: Snapshot, snap: Snapshot, params: Params) -> tuple[None, pd.DataFrame, str]:
    """No chart: the page's list (newest first); the chosen article cited alone when there
    is one."""
    listing = article_rows(full, snap)
    article = first(params, "article")
    known_id = article in set(snap.articles["article_id"])
    cited = articles_of(full, [article]) if known_id else snap.articles
    return None, cited, articles_html(full, listing, article if known_id else None, LISTED_IN_PACK)
