"""What only one side says, per theme, in words: the noun phrases of one side's statements on a
theme that no statement of the other side uses ("only Russia: root causes"). Pure.

The phrases come from the parser at build time (``readout/nlp/quotes/phrases.py``: noun chunks
trimmed of articles and pronouns, two words or a proper noun). A phrase is one side's when no
statement of another side contains it, it holds none of the phrases both sides use, and it is
not merely a side's own name ("China", "Lavrov"). Each is listed once per side, under the
first theme row it occurs in (a statement sits in every row of its themes).
"""

from __future__ import annotations

from collections import Counter

from dashboard.compare import NO_THEME
from dashboard.dossier.build import Dossier, Side
from dashboard.text import words

MAX_PHRASES = 4  # per side and theme: the telling ones, not the whole quote again


def _norm(text: str) -> str:
    return " ".join(w for w, _, _ in words(str(text)))


def _names(sides: tuple[Side, ...]) -> set[str]:
    """Words that only name a side: its country and its participants' names."""
    out = {_norm(s.country) for s in sides}
    for side in sides:
        for person in side.people:
            out |= {_norm(person), *_norm(person).split()}
    return out


def _ranked(cell) -> list[str]:
    """The cell's phrases, the most used first (counted once per statement), then in order."""
    counts: Counter[str] = Counter()
    for phrases in cell.get("phrases", ()):
        counts.update(list(dict.fromkeys(phrases or ())))
    order = {p: n for n, p in enumerate(counts)}
    return sorted(counts, key=lambda p: (-counts[p], order[p]))


def only_phrases(d: Dossier) -> dict[str, dict[str, tuple[str, ...]]]:
    """theme -> side country -> phrases only that side uses (themes both sides raise, and
    only where one side has such phrases)."""
    if len(d.sides) < 2:
        return {}
    said = [" ".join(_norm(t) for t in s.statements["text"]) for s in d.sides]
    shared = [_norm(p) for p in d.shared]
    names = _names(d.sides)
    listed: list[set[str]] = [set() for _ in d.sides]
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for row in d.rows:
        if len(row.speaking) < 2 or row.theme == NO_THEME:
            continue  # a theme one side alone raises is in ``Dossier.only`` already
        for i, cell in enumerate(row.cells):
            mine = []
            for phrase in _ranked(cell):
                key = _norm(phrase)
                others = (said[j] for j in range(len(d.sides)) if j != i)
                if key in listed[i] or key in names or any(s in key for s in shared):
                    continue
                if not any(f" {key} " in f" {o} " for o in others):
                    mine.append(phrase)
                    listed[i].add(key)
                if len(mine) == MAX_PHRASES:
                    break
            if mine:
                out.setdefault(row.theme, {})[d.sides[i].country] = tuple(mine)
    return out
