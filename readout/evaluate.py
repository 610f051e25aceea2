"""Score a snapshot against hand annotations in the format of ``shared/seeds/gold.json``.

Every figure is a (hits, total) pair so that reports show counts, not just percentages.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from readout.evaluate_events import score_events
from readout.store import read_snapshot


@dataclass
class Score:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    @property
    def ratio(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict:
        return {"hits": self.hits, "total": self.total, "ratio": self.ratio}


def norm(text: str | None) -> str:
    """Compare text modulo case, quote marks, dashes, ellipses, whitespace and end punctuation."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"[‘’`´]", "'", text)
    text = re.sub(r"[“”„«»]", '"', text)
    text = text.replace("…", "...").replace("—", "-").replace("–", "-")
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text.strip(" .,;:'\"")


def _names(snapshot: dict[str, pd.DataFrame]) -> dict[str, str]:
    actors = snapshot["actors"]
    return dict(zip(actors["actor_id"], actors["name"], strict=True))


def score_cleaning(gold: dict, article: pd.Series, scores: dict[str, Score]) -> None:
    scores["titles"].add(norm(article["title"]) == norm(gold.get("title")))
    text = norm(article["text"])
    for line in gold.get("boilerplate", []):
        scores["furniture_removed"].add(norm(line) not in text)
    for line in gold.get("keep", []):
        scores["body_kept"].add(norm(line) in text)


def score_actors(gold: dict, mentions: pd.DataFrame, names: dict, scores: dict) -> None:
    """Each (actor, surface form) pair: every mention with that text links to that actor."""
    for canonical, forms in gold.get("actors", {}).items():
        for form in forms:
            same = mentions[mentions["text"].map(norm) == norm(form)]
            linked = [names.get(a) for a in same["actor_id"]]
            scores["actor_links"].add(bool(linked) and all(n == canonical for n in linked))


def _quote_match(gold_text: str, found: str) -> bool:
    g, f = norm(gold_text), norm(found)
    if not g or not f:
        return False
    if g == f:
        return True
    short, long_ = sorted((g, f), key=len)
    return short in long_ and len(short) >= 0.8 * len(long_)


def score_quotes(gold: dict, statements: pd.DataFrame, names: dict, scores: dict) -> None:
    direct = statements[statements["kind"] == "direct"]
    matched_rows: set[int] = set()
    for quote in gold.get("quotes", []):
        hits = [i for i, row in direct.iterrows() if _quote_match(quote["text"], row["text"])]
        scores["quotes_found"].add(bool(hits))
        speakers = {quote["speaker"], *quote.get("speaker_alt", [])}
        right = any(names.get(direct.loc[i, "speaker_id"]) in speakers for i in hits)
        scores["quote_speakers"].add(right)
        matched_rows.update(hits)
    for i in direct.index:
        scores["quote_precision"].add(i in matched_rows)


SCORE_NAMES = (
    "titles",
    "furniture_removed",
    "body_kept",
    "actor_links",
    "quotes_found",
    "quote_speakers",
    "quote_precision",
    "events_found",
    "event_dates_exact",
    "event_precision",
)


def evaluate(gold_path: Path, snapshot_dir: Path) -> dict[str, Score]:
    gold = json.loads(Path(gold_path).read_text("utf-8"))
    snapshot = read_snapshot(snapshot_dir)
    names = _names(snapshot)
    scores = {name: Score() for name in SCORE_NAMES}
    articles = snapshot["articles"].set_index("file", drop=False)
    for file, notes in gold.items():
        if file.startswith("_"):
            continue
        if file not in articles.index:
            for name in SCORE_NAMES:  # a gold article missing from the snapshot counts as misses
                if name != "quote_precision" and name != "event_precision":
                    scores[name].add(False)
            continue
        article = articles.loc[file]
        aid = article["article_id"]
        score_cleaning(notes, article, scores)
        mentions = snapshot["mentions"][snapshot["mentions"]["article_id"] == aid]
        score_actors(notes, mentions, names, scores)
        statements = snapshot["statements"][snapshot["statements"]["article_id"] == aid]
        score_quotes(notes, statements.reset_index(drop=True), names, scores)
        score_events(notes, aid, snapshot, names, scores)
    return scores


def format_scores(scores: dict[str, Score]) -> str:
    lines = []
    for name, score in scores.items():
        ratio = "n/a" if score.ratio is None else f"{100 * score.ratio:5.1f}%"
        lines.append(f"{name:<20} {ratio:>7}  ({score.hits}/{score.total})")
    return "\n".join(lines)
