"""Who reported an event and how each source read it: the reports (originals with their wire
copies) and the disagreement notes of the dossier ("Dates differ: EWN: 1 April; imp.news: 31
March"). Pure pandas.

A note is written only for what the build found the sources to read apart (``disagree_on``):
a month and a day inside it, or a city and its country, are one reading at two precisions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from dashboard.model import Snapshot
from dashboard.text import fmt_date, known

NOTES = (("date", "Dates"), ("place", "Places"))


@dataclass(frozen=True)
class Report:
    """An article reporting the event, with the wire copies that repeat it."""

    article_id: str
    outlet: str
    published: str
    agency: str | None
    title: str
    url: str | None
    copies: tuple[str, ...] = ()  # "France 24 1 Apr 2025"


def _day(value, with_year: bool = True) -> str:
    """A source's reading at its precision: "1 April", "March" (a month), "2025"."""
    value = str(value)
    if re.fullmatch(r"\d{4}", value):
        return value
    month = re.fullmatch(r"\d{4}-\d{2}", value) is not None
    ts = pd.to_datetime(value + "-01" if month else value, errors="coerce")
    if pd.isna(ts):
        return value
    if month:
        return ts.strftime("%B %Y" if with_year else "%B")
    return ts.strftime("%-d %B %Y" if with_year else "%-d %B")


def reports_of(snap: Snapshot, article_ids: list[str]) -> tuple[Report, ...]:
    """Originals in publication order, each with its wire copies among the reports."""
    arts = snap.articles_by_id
    ids = [a for a in dict.fromkeys(article_ids) if a in arts.index]
    ids.sort(key=lambda a: (str(arts.at[a, "published"]), a))
    copy_of = {a: known(arts.at[a, "duplicate_of"]) for a in ids}
    reported = set(ids)

    def cite(a: str) -> str:
        return f"{arts.at[a, 'outlet']} {fmt_date(arts.at[a, 'published'])}"  # as charts cite

    out = []
    for a in ids:
        if copy_of[a] in reported:
            continue  # listed under its original
        copies = tuple(cite(c) for c in ids if copy_of[c] == a)
        row = arts.loc[a]
        out.append(
            Report(
                article_id=a,
                outlet=str(row["outlet"]),
                published=known(row["published"]) or "",
                agency=known(row["agency"]),
                title=str(row["title"]),
                url=known(row["url"]),
                copies=copies,
            )
        )
    return tuple(out)


def readings_of(snap: Snapshot, event_id: str) -> pd.DataFrame:
    src = snap.event_sources[snap.event_sources["event_id"] == event_id]
    outlets = src["article_id"].map(snap.articles_by_id["outlet"]).fillna("Unknown outlet")
    published = src["article_id"].map(snap.articles_by_id["published"])
    frame = pd.DataFrame(
        {"outlet": outlets, "published": published, "date": src["date"], "place": src["place"]}
    )
    return frame.sort_values(["published", "outlet"], kind="stable").reset_index(drop=True)


def _note(readings: pd.DataFrame, column: str, what: str) -> str | None:
    """ "Dates differ: EWN: 1 April; imp.news: 31 March" when the sources read it apart."""
    given = readings.dropna(subset=[column])
    if given[column].nunique() < 2:
        return None
    years = given[column].astype(str).str[:4].unique()
    fmt = (lambda v: _day(v, len(years) > 1)) if column == "date" else str
    parts = [
        f"{outlet}: " + ", ".join(dict.fromkeys(fmt(v) for v in sorted(rows[column])))
        for outlet, rows in given.groupby("outlet", sort=False)
    ]
    return f"{what} differ: " + "; ".join(parts)


def _disagree_on(ev: pd.Series) -> set[str]:
    """What the build found the sources to read apart; a flagged row made without the list
    (by hand, or by a correction) may differ on either."""
    if not (pd.notna(ev.get("sources_disagree")) and ev.get("sources_disagree")):
        return set()
    on = ev.get("disagree_on")
    if on is None or not hasattr(on, "__len__"):
        return {column for column, _ in NOTES}
    return set(on)


def disagreement_notes(readings: pd.DataFrame, ev: pd.Series) -> tuple[str, ...]:
    on = _disagree_on(ev)
    notes = (_note(readings, column, what) for column, what in NOTES if column in on)
    return tuple(n for n in notes if n)
