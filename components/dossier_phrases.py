"""What only one side says, per theme, in words: the phrases of one side's statements on a
theme that no statement of the other side uses at all ("only Russia: root causes"). Pure.

A phrase is two adjacent content words ("political settlement", "root causes"): pairs that
skip a stopword ("settlement … Ukraine") read as noise, single words as too little.
"""

from __future__ import annotations

from components.compare import NO_THEME
from components.dossier import Dossier
from components.text import STOPWORDS, words

MAX_PHRASES = 4  # per side and theme: the telling ones, not the whole quote again


def phrases(text: str) -> list[str]:
    """Adjacent pairs of content words (nothing but a space between them: no pair across a
    comma or a dash), in order of appearance, each once."""
    text = str(text)
    ws = words(text)
    content = [w not in STOPWORDS and len(w) > 1 and not w.isdigit() for w, _, _ in ws]
    pairs = [
        f"{ws[i][0]} {ws[i + 1][0]}"
        for i in range(len(ws) - 1)
        if content[i] and content[i + 1] and not text[ws[i][2] : ws[i + 1][1]].strip()
    ]
    return list(dict.fromkeys(pairs))


def _all(texts) -> set[str]:
    return {p for t in texts for p in phrases(t)}


def only_phrases(d: Dossier) -> dict[str, dict[str, tuple[str, ...]]]:
    """theme -> side country -> phrases only that side uses (themes both sides raise, and
    only where one side has such phrases)."""
    if len(d.sides) < 2:
        return {}
    used = [_all(s.statements["text"]) for s in d.sides]
    # A pair that runs into both sides' wording ("partnership keeps") tells nothing one-sided.
    common = {w for p in d.shared for w in p.split()}
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for row in d.rows:
        if len(row.speaking) < 2 or row.theme == NO_THEME:
            continue  # a theme one side alone raises is in ``Dossier.only`` already
        for i, cell in enumerate(row.cells):
            others = set().union(*(u for j, u in enumerate(used) if j != i))
            mine = [
                p
                for t in cell["text"]
                for p in phrases(t)
                if p not in others and not common.intersection(p.split())
            ]
            mine = list(dict.fromkeys(mine))[:MAX_PHRASES]
            if mine:
                out.setdefault(row.theme, {})[d.sides[i].country] = tuple(mine)
    return out
