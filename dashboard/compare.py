"""Statement comparison as tables: groups (speakers, countries, periods), theme rows, and the
phrases that statements in different groups share. Pure pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations

import pandas as pd

from dashboard.text import common_grams, content_grams, phrase_spans

NO_THEME = "(no theme)"


@dataclass(frozen=True)
class Group:
    label: str
    rows: pd.DataFrame  # statements


def by_speaker(statements: pd.DataFrame, speaker_ids, names: dict[str, str]) -> list[Group]:
    return [Group(names.get(s, s), statements[statements["speaker_id"] == s]) for s in speaker_ids]


def by_country(statements: pd.DataFrame, countries) -> list[Group]:
    return [Group(c, statements[statements["speaker_country"] == c]) for c in countries]


def by_period(statements: pd.DataFrame, speaker_id: str, split: date, name: str) -> list[Group]:
    mine = statements[statements["speaker_id"] == speaker_id]
    cut = pd.Timestamp(split)
    return [
        Group(f"{name}, before {cut:%-d %b %Y}", mine[mine["date_dt"] < cut]),
        Group(f"{name}, from {cut:%-d %b %Y}", mine[mine["date_dt"] >= cut]),
    ]


def primary_theme(themes) -> str:
    return themes[0] if len(themes) else NO_THEME


def theme_rows(groups: list[Group]) -> list[str]:
    """Themes present in any group, most frequent first; statements without one last."""
    counts: dict[str, int] = {}
    for group in groups:
        for theme in group.rows["themes"].map(primary_theme):
            counts[theme] = counts.get(theme, 0) + 1
    return sorted(counts, key=lambda t: (t == NO_THEME, -counts[t], t))


def cell(group: Group, theme: str) -> pd.DataFrame:
    """A group's statements whose primary theme is ``theme``, oldest first."""
    rows = group.rows[group.rows["themes"].map(primary_theme) == theme]
    return rows.sort_values(["date_dt", "statement_id"])


def links(groups: list[Group], n: int = 2) -> pd.DataFrame:
    """Pairs of statements in different groups sharing a phrase of >= n content words."""
    rows = []
    grams = [  # each statement's word runs once, not once per pair it is in
        [(x, content_grams(str(x.text), n)) for x in g.rows.itertuples()] for g in groups
    ]
    for (i, a), (j, b) in combinations(enumerate(grams), 2):
        for x, x_grams in a:
            for y, y_grams in b:
                phrases = common_grams(x_grams, y_grams)
                if phrases:
                    rows.append(
                        {
                            "left": x.statement_id,
                            "right": y.statement_id,
                            "left_group": i,
                            "right_group": j,
                            "phrases": phrases,
                        }
                    )
    return pd.DataFrame(rows, columns=["left", "right", "left_group", "right_group", "phrases"])


def phrases_of(statement_id: str, linked: pd.DataFrame) -> list[str]:
    """Every shared phrase one statement takes part in."""
    mine = linked[(linked["left"] == statement_id) | (linked["right"] == statement_id)]
    return sorted({p for ps in mine["phrases"] for p in ps})


def partners(statement_id: str, linked: pd.DataFrame) -> list[str]:
    mine = linked[(linked["left"] == statement_id) | (linked["right"] == statement_id)]
    return [
        r if l_ == statement_id else l_ for l_, r in zip(mine["left"], mine["right"], strict=True)
    ]


def shared_spans(text: str, phrases: list[str], offset: int, n: int = 2) -> list[tuple[int, int]]:
    """Where the shared phrases occur in a statement's quoted text, as article offsets."""
    return [(offset + s, offset + e) for s, e in phrase_spans(text, phrases, n)]


def theme_matrix(statements: pd.DataFrame, max_speakers: int = 15) -> pd.DataFrame:
    """Counts of statements per (speaker, theme): columns speaker_id, speaker, theme, n."""
    exploded = statements.assign(theme=statements["themes"].map(lambda t: list(t) or [NO_THEME]))
    exploded = exploded.explode("theme")
    known = exploded.dropna(subset=["speaker_id"])
    top = known["speaker_id"].value_counts().head(max_speakers).index
    known = known[known["speaker_id"].isin(top)]
    grouped = known.groupby(["speaker_id", "speaker", "theme"]).size()
    return grouped.rename("n").reset_index()
