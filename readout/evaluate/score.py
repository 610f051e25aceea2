"""Score a snapshot against hand annotations in the format of ``shared/seeds/gold.json``.

Every figure is a (hits, total) pair so that reports show counts, not just percentages.
Gold files written by hand have gaps (a null title, a missing list, an article the snapshot
does not hold): each is reported as a note and the rest of the file is still scored.
"""

from __future__ import annotations

import fnmatch
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from readout.evaluate.aliases import alias_keys, canonical_gold
from readout.evaluate.events import score_events
from readout.knowledge import fold
from readout.snapshot.store import read_snapshot


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


class Scores(dict):
    """Figure name -> Score, plus ``notes``: what in the gold file could not be scored."""

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__((name, Score()) for name in names)
        self.notes: list[str] = []


def _text(value) -> str:
    """A table cell or gold value as text: None, NaN and non-strings read as empty."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def norm(text) -> str:
    """Compare text modulo case, quote marks, dashes, ellipses, whitespace and end punctuation."""
    text = unicodedata.normalize("NFKC", _text(text))
    text = re.sub(r"[‘’`´]", "'", text)
    text = re.sub(r"[“”„«»]", '"', text)
    text = text.replace("…", "...").replace("—", "-").replace("–", "-")
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text.strip(" .,;:'\"")


def name_key(name) -> str:
    """A name as the gold is compared with it: case and accents folded (annotators write
    "Viktor Orban" where the knowledge base has "Viktor Orbán")."""
    return fold(_text(name))


def _names(snapshot: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Actor id -> its name as ``name_key`` compares it."""
    actors = snapshot["actors"]
    return dict(zip(actors["actor_id"], actors["name"].map(name_key), strict=True))


def _person_ids(snapshot: dict[str, pd.DataFrame]) -> frozenset[str]:
    actors = snapshot["actors"]
    return frozenset(actors.loc[actors["kind"] == "person", "actor_id"])


def _strings(gold: dict, key: str) -> list[str]:
    """A gold list of strings, with its non-string items left out."""
    items = gold.get(key) or []
    return [x for x in items if isinstance(x, str)] if isinstance(items, list) else []


def score_cleaning(gold: dict, article: pd.Series, scores: dict[str, Score]) -> None:
    title = gold.get("title")
    if isinstance(title, str) and title.strip():
        scores["titles"].add(norm(article["title"]) == norm(title))
    else:  # the page opens with the lede: the right headline is none
        scores["titles"].add(not norm(article["title"]))
        scores["untitled_right"].add(not norm(article["title"]))
    text = norm(article["text"])
    for line in _strings(gold, "boilerplate"):
        scores["furniture_removed"].add(norm(line) not in text)
    for line in _strings(gold, "keep"):
        scores["body_kept"].add(norm(line) in text)


def score_actors(gold: dict, mentions: pd.DataFrame, names: dict, scores: dict) -> None:
    """Each (actor, surface form) pair: every mention with that text links to that actor."""
    actors = gold.get("actors") or {}
    for canonical, forms in actors.items() if isinstance(actors, dict) else ():
        for form in forms if isinstance(forms, list) else [forms]:
            same = mentions[mentions["text"].map(norm) == norm(form)]
            linked = [names.get(a) for a in same["actor_id"]]
            key = name_key(canonical)
            scores["actor_links"].add(bool(linked) and all(n == key for n in linked))


def _quote_match(gold_text, found) -> bool:
    g, f = norm(gold_text), norm(found)
    if not g or not f:
        return False
    if g == f:
        return True
    short, long_ = sorted((g, f), key=len)
    return short in long_ and len(short) >= 0.8 * len(long_)


def score_quotes(
    gold: dict, statements: pd.DataFrame, names: dict, persons: frozenset, scores: dict
) -> None:
    direct = statements[statements["kind"] == "direct"]
    matched_rows: set[int] = set()
    right_rows: set[int] = set()  # matched AND credited to the annotated speaker
    quotes = [q for q in gold.get("quotes") or [] if isinstance(q, dict) and q.get("text")]
    for quote in quotes:
        hits = [i for i, row in direct.iterrows() if _quote_match(quote["text"], row["text"])]
        scores["quotes_found"].add(bool(hits))
        speakers = {name_key(s) for s in (quote.get("speaker"), *(quote.get("speaker_alt") or []))}
        right = [i for i in hits if names.get(direct.loc[i, "speaker_id"]) in speakers]
        scores["quote_speakers"].add(bool(right))
        matched_rows.update(hits)
        right_rows.update(right)
    for i in direct.index:
        scores["quote_precision"].add(i in matched_rows)
        if direct.loc[i, "speaker_id"] in persons:
            scores["person_quote_precision"].add(i in right_rows)


SCORE_NAMES = (
    "titles",
    "untitled_right",
    "furniture_removed",
    "body_kept",
    "actor_links",
    "quotes_found",
    "quote_speakers",
    "quote_precision",
    "person_quote_precision",
    "events_found",
    "event_dates_exact",
    "event_precision",
)
# What each figure is called in the issues and in docs/evaluation.md.
LABELS = {
    "titles": "headlines exact",
    "untitled_right": "  of them, gold null: none made up",
    "furniture_removed": "page furniture removed",
    "body_kept": "body sentences kept",
    "actor_links": "actor surface forms linked",
    "quotes_found": "direct quotes found",
    "quote_speakers": "quote speaker right",
    "quote_precision": "direct quote precision",
    "person_quote_precision": "precision of quotes credited to a person",
    "events_found": "events found",
    "event_dates_exact": "event dates day-exact",
    "event_precision": "event precision",
}
# Not counted for a gold article the snapshot lacks: they score what Readout extracted.
PRECISIONS = ("quote_precision", "person_quote_precision", "event_precision", "untitled_right")


def load_gold(gold_path: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """file -> annotations, and file -> why part of its entry cannot be scored as written."""
    data = json.loads(Path(gold_path).read_text("utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{gold_path}: expected an object of file -> annotations")
    gold, notes = {}, {}
    for file, entry in data.items():
        if file.startswith("_"):
            continue
        if not isinstance(entry, dict):
            notes[file] = "annotations are not an object; not scored"
            continue
        if not isinstance(entry.get("title"), str) or not entry["title"].strip():
            notes[file] = "no headline in the gold (title null): right if Readout gives none"
        gold[file] = entry
    return gold, notes


SPLITS = ("all", "open", "closed")
NUMBER = re.compile(r"\d+")


def select_files(
    files: list[str], globs: list[str] | None = None, split: str = "all", closed_from: int = 21
) -> list[str]:
    """Gold files matching any of ``globs`` and in ``split``: a corpus kept partly closed
    while rules are written numbers its files; those numbered ``closed_from`` or more are
    the closed half, the others the open half."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    chosen = [f for f in files if not globs or any(fnmatch.fnmatch(f, g) for g in globs)]
    if split == "all":
        return chosen

    def closed(file: str) -> bool:
        number = NUMBER.match(Path(file).name)
        return bool(number) and int(number.group()) >= closed_from

    return [f for f in chosen if closed(f) == (split == "closed")]


def evaluate(
    gold_path: Path, snapshot_dir: Path, *, files: list[str] | None = None,
    split: str = "all", closed_from: int = 21,
) -> Scores:  # fmt: skip
    """Score the snapshot on the gold articles chosen by ``files`` globs and ``split``."""
    gold, notes = load_gold(gold_path)
    chosen = select_files(list(dict.fromkeys([*gold, *notes])), files, split, closed_from)
    snapshot = read_snapshot(snapshot_dir)
    scores = score_snapshot({f: gold[f] for f in chosen if f in gold}, snapshot)
    scores.notes[:0] = [f"{f}: {notes[f]}" for f in chosen if f in notes]
    return scores


def score_snapshot(gold: dict[str, dict], snapshot: dict[str, pd.DataFrame]) -> Scores:
    names, persons = _names(snapshot), _person_ids(snapshot)
    aliases = alias_keys(snapshot["actors"], name_key)
    scores = Scores(SCORE_NAMES)
    articles = snapshot["articles"].set_index("file", drop=False)
    for file, notes in gold.items():
        if file not in articles.index:
            scores.notes.append(f"{file}: not in the snapshot; its items count as misses")
            for name in SCORE_NAMES:
                if name not in PRECISIONS:
                    scores[name].add(False)
            continue
        notes = canonical_gold(notes, aliases)
        article = articles.loc[file]
        aid = article["article_id"]
        score_cleaning(notes, article, scores)
        mentions = snapshot["mentions"][snapshot["mentions"]["article_id"] == aid]
        score_actors(notes, mentions, names, scores)
        statements = snapshot["statements"][snapshot["statements"]["article_id"] == aid]
        score_quotes(notes, statements.reset_index(drop=True), names, persons, scores)
        score_events(notes, aid, snapshot, names, scores)
    return scores


HEAD, CELL = 23 + 44, 22  # column widths: name, label / one score


def _cell(score: Score) -> str:
    ratio = "n/a" if score.ratio is None else f"{100 * score.ratio:5.1f}%"
    return f"{ratio:>6} ({score.hits}/{score.total})"


def format_scores(scores: Scores | dict[str, Scores]) -> str:
    """One line per figure; given several named score sets (the halves), one column each."""
    columns = {"": scores} if isinstance(scores, Scores) else scores
    lines = [f"{'':<{HEAD}}" + "".join(f"{name:<{CELL}}" for name in columns)] * (
        len(columns) > 1 or "" not in columns
    )
    for name in SCORE_NAMES:
        cells = "".join(f"{_cell(col[name]):<{CELL}}" for col in columns.values())
        lines.append(f"{name:<23}{LABELS[name]:<{HEAD - 23}}{cells}".rstrip())
    notes = [note for col in columns.values() for note in col.notes]
    lines += [f"note: {note}" for note in dict.fromkeys(notes)]  # once, though halves repeat
    return "\n".join(line.rstrip() for line in lines)


def as_json(scores: Scores) -> dict:
    return {**{name: s.as_dict() for name, s in scores.items()}, "_notes": scores.notes}
