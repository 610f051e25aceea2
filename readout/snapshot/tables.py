"""Records from the pipeline to the rows of the snapshot's tables."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict

import pyarrow as pa

from readout.knowledge import KnowledgeBase
from readout.snapshot.records import ArticleResult, CleanArticle, NewActor
from readout.snapshot.schema import TABLES, to_arrow

_WORD = re.compile(r"\w+")


def article_id_for(file: str) -> str:
    """Stable across rebuilds and text corrections: derived from the file name only."""
    return "a" + hashlib.sha1(file.encode("utf-8")).hexdigest()[:10]


def article_rows(articles: list[CleanArticle], duplicates: dict[str, str]) -> list[dict]:
    rows = []
    for art in articles:
        aid = article_id_for(art.file)
        rows.append(
            {
                "article_id": aid,
                "file": art.file,
                "title": art.title,
                "outlet": art.outlet,
                "url": art.url,
                "published": art.published,
                "text": art.text,
                "n_words": len(_WORD.findall(art.text)),
                "duplicate_of": duplicates.get(aid),
                "agency": art.agency,
            }
        )
    return rows


def actor_rows(kb: KnowledgeBase, new_actors: list[NewActor]) -> tuple[list[dict], list[dict]]:
    """The actors table (knowledge base plus persons found in articles) and their roles."""
    actors, roles = [], []
    for actor in kb.actors.values():
        actors.append(
            {
                "actor_id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "aliases": actor.aliases,
                "in_knowledge_base": True,
            }
        )
        roles += [
            {"actor_id": actor.id, "role": r.role, "of": r.of, "start": r.start, "end": r.end}
            for r in actor.roles
        ]
    merged: dict[str, NewActor] = {}
    for new in new_actors:
        if new.actor_id in kb.actors:
            continue
        known = merged.setdefault(new.actor_id, new)
        known.aliases = sorted(set(known.aliases) | set(new.aliases))
    for new in merged.values():
        actors.append({**asdict(new), "in_knowledge_base": False})
    return actors, roles


def mention_rows(article_id: str, result: ArticleResult) -> list[dict]:
    return [{"article_id": article_id, **asdict(m)} for m in result.mentions]


def statement_rows(article_id: str, result: ArticleResult) -> list[dict]:
    rows = []
    for i, st in enumerate(result.statements):
        rows.append({"statement_id": f"{article_id}-s{i}", "article_id": article_id, **asdict(st)})
    return rows


def sentences_table(spans: list[tuple[str, list[tuple[int, int]]]]) -> pa.Table:
    """(article_id, its sentence spans) pairs to the ``sentences`` table, built column-wise:
    a large corpus has millions of sentences (and no correction touches them)."""
    ids = [aid for aid, found in spans for _ in found]
    flat = [pair for _, found in spans for pair in found]
    columns = {"article_id": ids, "start": [s for s, _ in flat], "end": [e for _, e in flat]}
    return pa.Table.from_pydict(columns, schema=TABLES["sentences"])


def tables_from_rows(rows: dict[str, list[dict]]) -> dict[str, pa.Table]:
    return {name: to_arrow(name, table_rows) for name, table_rows in rows.items()}
