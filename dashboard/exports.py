"""Tables as a reporter downloads them: readable columns, names rather than ids. Pure.

The chart CSVs are built here from the tables behind each chart (never from its plot
traces): one row per event, per month and country, per link, with names and sources.
"""

from __future__ import annotations

import pandas as pd

from dashboard.compare import theme_matrix
from dashboard.model import precision_label
from dashboard.text import known, theme_label

EVENT_COLUMNS = [
    "date",
    "end_date",
    "date_precision",
    "when",
    "type",
    "participants",
    "countries",
    "place",
    "status",
    "n_sources",
    "sources",
    "event_id",
]


def _day(value) -> str:
    ts = pd.to_datetime(value, errors="coerce")
    return "undated" if pd.isna(ts) else ts.strftime("%-d %b %Y")


def article_citations(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> "The Moscow Times 28 Mar 2025"."""
    outlets = articles["outlet"].map(lambda o: known(o) or "Unknown outlet")
    days = articles["published_dt"].map(_day)
    return dict(zip(articles["article_id"], outlets + " " + days, strict=True))


def _cite(ids, citations: dict[str, str], published: dict[str, pd.Timestamp]) -> str:
    ordered = sorted(ids, key=lambda a: (pd.isna(published.get(a)), published.get(a), a))
    return "; ".join(dict.fromkeys(citations.get(a, a) for a in ordered))


def events_table(events: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event: when, what, who (names), where, status and the reports behind it."""
    articles = articles if articles is not None else pd.DataFrame(columns=["article_id"])
    citations = article_citations(articles) if len(articles) else {}
    published = dict(zip(articles["article_id"], articles.get("published_dt", []), strict=False))
    table = pd.DataFrame(
        {
            "date": events["date"].map(known),
            "end_date": events["end_date"].map(known),
            "date_precision": events["date_precision"].map(known),
            "when": [
                precision_label(r.start, r.end, r.date_precision) for r in events.itertuples()
            ],
            "type": events["type"].map(known),
            "participants": events["participant_names"].map(
                lambda names: "; ".join(n for n in map(known, names) if n)
            ),
            "countries": events["countries"].map(lambda cs: "; ".join(map(str, cs))),
            "place": events["place"].map(known),
            "status": events["status"].map(known),
            "n_sources": events["n_sources"],
            "sources": events["article_ids"].map(lambda ids: _cite(ids, citations, published)),
            "event_id": events["event_id"],
        },
        columns=EVENT_COLUMNS,
    )
    order = events["start"].rank(method="first", na_option="bottom").to_numpy()
    return table.iloc[order.argsort()].reset_index(drop=True)


def statements_month_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements per month and speaker's country, as the chart stacks them (reprints once)."""
    dated = statements[statements["copy_of"].isna() & statements["date_dt"].notna()]
    counts = (
        dated.assign(
            month=dated["date_dt"].dt.strftime("%Y-%m"),
            speaker_country=dated["speaker_country"].map(lambda c: known(c) or "Unknown"),
        )
        .groupby(["month", "speaker_country"])
        .size()
        .rename("count")
        .reset_index()
    )
    return counts.sort_values(["month", "count"], ascending=[True, False]).reset_index(drop=True)


def network_table(edges: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One row per link drawn: source, target (names), link type, count (events, statements
    or shared sentences behind it), first and last day."""
    columns = ["source", "target", "link_type", "count", "first_date", "last_date"]
    if edges.empty:
        return pd.DataFrame(columns=columns)
    frame = edges.astype({"source": str, "target": str, "type": str})
    grouped = frame.groupby(["source", "target", "type"]).agg(
        count=("type", "size"),
        first_date=("date", "min"),
        last_date=("date", "max"),
    )
    table = grouped.reset_index().rename(columns={"type": "link_type"})
    table["source"] = table["source"].map(lambda a: names.get(a, a))
    table["target"] = table["target"].map(lambda a: names.get(a, a))
    for column in ("first_date", "last_date"):
        table[column] = table[column].dt.strftime("%Y-%m-%d")
    return table.sort_values(["count", "source"], ascending=[False, True])[columns].reset_index(
        drop=True
    )


def statements_table(statements: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": statements["date"],
            "speaker": statements["speaker"],
            "country": statements["speaker_country"],
            "kind": statements["kind"],
            "statement": statements["text"],
            "sentence": statements["context"],
            "themes": statements["themes"].map("; ".join),
            "outlet": statements["outlet"],
            "title": statements["title"],
            "url": statements["url"],
            "statement_id": statements["statement_id"],
        }
    ).sort_values(["date", "statement_id"])


def outlets_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per outlet, most first (the Overview's bar chart)."""
    outlets = articles["outlet"].map(lambda o: known(o) or "Unknown outlet")
    counts = outlets.value_counts().rename_axis("outlet").rename("articles").reset_index()
    return counts.sort_values(["articles", "outlet"], ascending=[False, True], ignore_index=True)


def months_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per month, months without any included (the Overview's month chart)."""
    months = articles["published_dt"].dropna().dt.to_period("M")
    if months.empty:
        return pd.DataFrame(columns=["month", "articles"])
    every = pd.period_range(months.min(), months.max(), freq="M")
    counts = months.value_counts().reindex(every, fill_value=0)
    return pd.DataFrame({"month": every.strftime("%Y-%m"), "articles": counts.to_numpy()})


def actors_table(actors: pd.DataFrame, mentions: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """The ``n`` most-mentioned of ``actors``: name, country, mentions (as ``top_actors``)."""
    linked = mentions[mentions["actor_id"].isin(set(actors["actor_id"]))]
    counts = linked.groupby("actor_id").size().nlargest(n)
    table = actors.set_index("actor_id").reindex(counts.index)
    return pd.DataFrame(
        {
            "name": table["name"].to_numpy(),
            "country": table["country"].map(lambda c: known(c) or "Unknown").to_numpy(),
            "mentions": counts.to_numpy(),
            "actor_id": counts.index,
        }
    )


def speaker_themes_table(statements: pd.DataFrame) -> pd.DataFrame:
    """The "who talks about what" matrix as rows: speaker, theme, statements (reprints once)."""
    matrix = theme_matrix(statements[statements["copy_of"].isna()])  # the chart's counting
    table = pd.DataFrame(
        {
            "speaker": matrix["speaker"],
            "theme": matrix["theme"].map(theme_label),
            "count": matrix["n"],
        }
    )
    return table.sort_values(["speaker", "count"], ascending=[True, False], ignore_index=True)
