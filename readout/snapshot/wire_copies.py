"""Near-duplicate articles: the same wire story reprinted by several outlets.

Two articles are duplicates when 60% of the shorter one's word 5-grams are in the other.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

SHINGLE = 5
CONTAINMENT = 0.6
MIN_SHINGLES = 20
COMMON_SHINGLE = 50  # shingles in more articles than this are boilerplate, not evidence


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", (text or "").lower())
    grams = (" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
    return {zlib.crc32(g.encode()) for g in grams}  # stable across processes, unlike hash()


def find_duplicates(articles: list[dict]) -> dict[str, str]:
    """article_id -> the article_id it duplicates (wire copy reprinted by several outlets).

    Two articles are duplicates when 60% of the shorter one's word 5-grams are in the other.
    Candidate pairs come from an inverted index of shingles, so the cost grows with the
    number of shared shingles, not with all pairs; past ~100k articles, MinHash with LSH
    banding would bound it further. Duplication is transitive: a group is a connected
    component of the duplicate pairs. Its original is the earliest published (then the
    smallest id); every other member points to it.
    """
    sets = {a["article_id"]: _shingles(a.get("text")) for a in articles}
    sets = {aid: s for aid, s in sets.items() if len(s) >= MIN_SHINGLES}
    index: dict[int, list[str]] = defaultdict(list)
    for aid, shingles in sets.items():
        for s in shingles:
            index[s].append(aid)
    shared: Counter = Counter()
    for holders in index.values():
        if 1 < len(holders) <= COMMON_SHINGLE:
            shared.update(combinations(holders, 2))  # counted in C, pairs in index order
    graph = nx.Graph()
    graph.add_nodes_from(sets)  # every article is a group, alone if it duplicates nothing
    graph.add_edges_from(
        pair for pair, n in shared.items() if n / min(len(sets[x]) for x in pair) >= CONTAINMENT
    )
    rank = {aid: i for i, aid in enumerate(sets)}  # members in input order, as always
    groups = [sorted(c, key=rank.__getitem__) for c in nx.connected_components(graph)]
    when = {a["article_id"]: a.get("published") or "9999" for a in articles}
    duplicates = {}
    for members in groups:
        original = min(members, key=lambda aid: (when[aid], aid))
        duplicates.update({aid: original for aid in members if aid != original})
    return duplicates
