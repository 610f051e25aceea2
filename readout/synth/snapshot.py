"""``python -m readout synth --snapshot``: the tables of a built snapshot, without any NLP.

For testing the app at 100,000 articles. A few tens of thousands of sentences are rendered
once (``readout.synth.text``: one per world event, and per month a pool of statements and
background), each with the offsets of its mentions and quotes. Articles are then drawn as
sequences of pool sentences with numpy, and every table is assembled column-wise with
pyarrow, so no per-row Python runs for the 4 million mentions of 100k articles.

Per article, on average: about 2 events (popular events are reported by dozens of articles),
5 statements, 40 mentions and 450 words; 5% of articles are wire copies of another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from readout import KNOWLEDGE_DIR, PIPELINE_VERSION
from readout.snapshot.schema import DEFAULTS, TABLES
from readout.snapshot.store import write_snapshot
from readout.snapshot.tables import article_id_for
from readout.synth.pool import Pool, build_pool, month_of
from readout.synth.world import END, START, load_lexicon, make_world

SEP = "\n\n"
DUPLICATES = 0.05
PUBLISHED_AFTER = np.array([-6, -3, -1, 0, 0, 1, 1, 2, 3, 5, 9, 20])


# --- articles as sequences of pool sentences --------------------------------------------


def _groups(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For groups of ``counts`` rows: each row's group, and its rank within the group."""
    owner = np.repeat(np.arange(len(counts)), counts)
    first = np.cumsum(counts) - counts
    return owner, np.arange(counts.sum()) - first[owner]


def templates(rng: np.random.Generator, n: int, shape: dict, day: np.ndarray) -> dict:
    """``n`` distinct articles: anchor event, publication day and their pool sentences."""
    n_events = shape["events"]
    weight = rng.pareto(1.8, n_events) + 0.1  # a few events draw many reports
    anchor = rng.choice(n_events, size=n, p=weight / weight.sum())
    published = np.clip(
        day[anchor] + rng.choice(PUBLISHED_AFTER, n), START.toordinal(), END.toordinal()
    )
    month = np.array([month_of(date.fromordinal(int(d))) for d in published])
    near = rng.choice(np.array([-3, -2, -1, 1, 2, 3]), n)
    second = np.where(rng.random(n) < 0.85, np.clip(anchor + near, 0, n_events - 1), -1)
    parts = [
        (np.arange(n), n_events + anchor, np.zeros(n)),  # headline first
        (np.arange(n), anchor, np.ones(n)),  # then the lead
        (np.flatnonzero(second >= 0), second[second >= 0], None),
    ]
    base = 2 * n_events
    for kind, low, high in (("st", 3, 8), ("bg", 8, 17)):
        owner, _ = _groups(rng.integers(low, high, n))
        pick = rng.integers(0, shape[kind], owner.size)
        parts.append((owner, base + month[owner] * shape[kind] + pick, None))
        base += shape["months"] * shape[kind]
    owner = np.concatenate([p[0] for p in parts])
    sentence = np.concatenate([p[1] for p in parts])
    key = np.concatenate([p[2] if p[2] is not None else 2 + rng.random(p[0].size) for p in parts])
    order = np.lexsort((key, owner))
    return {"anchor": anchor, "published": published, "owner": owner[order],
            "sentence": sentence[order]}  # fmt: skip


def articles_of(rng: np.random.Generator, n: int, tpl_count: int) -> tuple[np.ndarray, ...]:
    """Which template each article copies, and the article it duplicates (or -1)."""
    copies = rng.integers(0, tpl_count, n - tpl_count)
    template = np.concatenate([np.arange(tpl_count), copies])
    duplicate_of = np.concatenate([np.full(tpl_count, -1), copies])
    return template, duplicate_of


@dataclass
class Layout:
    """Every (article, sentence) row of the corpus, in reading order."""

    article: np.ndarray  # article index of each row
    sentence: np.ndarray  # pool sentence of each row
    start: np.ndarray  # offset of the sentence in its article's text
    end: np.ndarray
    per_article: np.ndarray  # rows per article


def layout(tpl: dict, template: np.ndarray, lengths: np.ndarray) -> Layout:
    per_template = np.bincount(tpl["owner"], minlength=len(tpl["anchor"]))
    first = np.cumsum(per_template) - per_template
    per_article = per_template[template]
    article, rank = _groups(per_article)
    sentence = tpl["sentence"][first[template[article]] + rank]
    span = lengths[sentence] + len(SEP)
    before = np.cumsum(span) - span
    start = before - before[(np.cumsum(per_article) - per_article)][article]
    return Layout(article, sentence, start, start + lengths[sentence], per_article)


def expand(lay: Layout, owner: list, pool: Pool) -> tuple[np.ndarray, np.ndarray]:
    """Annotations of the sentences in ``lay``: (row of lay, row of the annotation)."""
    first, count = pool.counts(owner)
    row, rank = _groups(count[lay.sentence])
    return row, first[lay.sentence[row]] + rank


STRINGS = pa.list_(pa.string())


def _take(values: list, index: np.ndarray, kind: pa.DataType | None = None) -> pa.Array:
    return pa.array(values, type=kind or pa.string()).take(pa.array(index))


def files(n: int, seed: int) -> list[str]:
    return [f"synth-{seed}/{i:07d}.txt" for i in range(n)]


def mentions_table(lay: Layout, pool: Pool, ids: pa.Array) -> dict:
    row, m = expand(lay, pool.mentions[0], pool)
    _, start, end, text, label, actor = pool.mentions
    return {
        "article_id": ids.take(pa.array(lay.article[row])),
        "start": lay.start[row] + np.asarray(start)[m],
        "end": lay.start[row] + np.asarray(end)[m],
        "text": _take(text, m), "label": _take(label, m), "actor_id": _take(actor, m),
    }  # fmt: skip


def statements_table(lay: Layout, pool: Pool, ids: pa.Array, published: pa.Array) -> dict:
    row, q = expand(lay, pool.quotes[0], pool)
    _, start, end, text, kind, speaker, speaker_text, themes, phrases = pool.quotes
    article = lay.article[row]
    first = np.flatnonzero(np.r_[True, article[1:] != article[:-1]]) if article.size else article
    rank = np.arange(article.size) - np.repeat(first, np.diff(np.r_[first, article.size]))
    article_id = ids.take(pa.array(article))
    return {
        "statement_id": pc.binary_join_element_wise(article_id, pc.cast(rank, pa.string()), "-s"),
        "article_id": article_id, "speaker_id": _take(speaker, q),
        "speaker_text": _take(speaker_text, q), "text": _take(text, q), "kind": _take(kind, q),
        "start": lay.start[row] + np.asarray(start)[q], "end": lay.start[row] + np.asarray(end)[q],
        "date": published.take(pa.array(article)), "themes": _take(themes, q, STRINGS),
        "sent_start": lay.start[row], "sent_end": lay.end[row],
        "phrases": _take(phrases, q, STRINGS),
    }  # fmt: skip


def event_tables(lay: Layout, pool: Pool, world, ids: pa.Array, published: np.ndarray):
    event_of = np.asarray(pool.events)[lay.sentence]
    row = np.flatnonzero(event_of >= 0)
    ev = event_of[row]
    event_ids = [f"e{i:07d}" for i in range(len(world))]
    sources = {
        "event_id": _take(event_ids, ev), "article_id": ids.take(pa.array(lay.article[row])),
        "start": lay.start[row], "end": lay.end[row], "text": _take(pool.texts, lay.sentence[row]),
    }  # fmt: skip
    grouped = (
        pa.table({"e": ev, "a": sources["article_id"]}).group_by("e").aggregate([("a", "distinct")])
    )
    used = grouped["e"].to_numpy()
    latest = np.zeros(len(world), dtype=np.int64)
    np.maximum.at(latest, ev, published[lay.article[row]])
    events = [world[i] for i in used]
    return _event_columns(events, event_ids, latest, grouped["a_distinct"]), sources


def _event_columns(events, event_ids: list[str], latest: np.ndarray, article_ids) -> dict:
    def end(ev) -> str | None:
        last = date.fromordinal(ev.day.toordinal() + ev.days - 1)
        return last.isoformat() if ev.days > 1 else None

    return {
        "event_id": [event_ids[e.index] for e in events],
        "type": [e.type for e in events],
        "participants": [[e.a.person.id, e.b.person.id] for e in events],
        "place": [e.place for e in events],
        "date": [e.day.isoformat() for e in events],
        "end_date": [end(e) for e in events],
        "date_precision": ["day"] * len(events),
        "status": ["held" if latest[e.index] >= e.day.toordinal() else "planned" for e in events],
        "article_ids": article_ids,
    }


def articles_table(lay: Layout, pool: Pool, ids: pa.Array, art: dict, rng) -> dict:
    from readout.synth.articles import AGENCIES, OUTLETS, slug

    n = len(ids)
    lengths = pa.array(np.r_[0, np.cumsum(lay.per_article)].astype(np.int32))
    sentences = pa.array(pool.texts).take(pa.array(lay.sentence))
    text = pc.binary_join(pa.ListArray.from_arrays(lengths, sentences), SEP)
    words = np.fromiter((len(t.split()) for t in pool.texts), np.int64, len(pool.texts))
    outlet = rng.integers(0, len(OUTLETS), n)
    title = [pool.texts[i] for i in art["headline"]]
    url = [
        f"https://{OUTLETS[o][1]}/{p.replace('-', '/')}/{slug(t)}-{i}"
        for i, (o, p, t) in enumerate(zip(outlet, art["published"].to_pylist(), title, strict=True))
    ]
    duplicate = art["duplicate_of"]
    return {
        "article_id": ids, "file": files(n, art["seed"]), "title": title,
        "outlet": [OUTLETS[o][0] for o in outlet], "url": url, "published": art["published"],
        "text": text, "n_words": np.bincount(lay.article, words[lay.sentence], n).astype(int),
        "duplicate_of": pc.if_else(
            pa.array(duplicate >= 0), ids.take(pa.array(np.maximum(duplicate, 0))), None
        ),
        "agency": [AGENCIES[i] for i in rng.integers(0, len(AGENCIES), n)],
    }  # fmt: skip


def conform(name: str, columns: dict, rows: int) -> pa.Table:
    """Columns to a table of the declared schema; columns left out get their default."""
    arrays = []
    for f in TABLES[name]:
        if f.name in columns:
            arrays.append(pa.array(columns[f.name], type=f.type))
        elif DEFAULTS.get(f.name) is not None:
            arrays.append(pa.array([DEFAULTS[f.name]] * rows, type=f.type))
        else:
            arrays.append(pa.nulls(rows, type=f.type))
    return pa.Table.from_arrays(arrays, schema=TABLES[name])


def synthetic_tables(n_articles: int, seed: int = 0, knowledge_dir: Path = KNOWLEDGE_DIR):
    """All tables of a snapshot of ``n_articles`` synthetic articles, and pool statistics."""
    from readout.snapshot.tables import actor_rows

    lex = load_lexicon(Path(knowledge_dir))
    world = make_world(max(n_articles // 3, 1), seed, lex)
    pool, shape = build_pool(lex, world, n_articles, seed)
    rng = np.random.default_rng(seed)
    n_templates = max(n_articles - int(n_articles * DUPLICATES), min(n_articles, 1))
    day = np.array([ev.day.toordinal() for ev in world])
    tpl = templates(rng, n_templates, shape, day)
    template, duplicate_of = articles_of(rng, n_articles, n_templates)
    lengths = np.fromiter(map(len, pool.texts), np.int64, len(pool.texts))
    lay = layout(tpl, template, lengths)
    published = tpl["published"][template] + (duplicate_of >= 0) * rng.integers(0, 2, n_articles)
    published = np.minimum(published, END.toordinal())
    iso = pa.array([date.fromordinal(int(d)).isoformat() for d in published])
    art = {"headline": shape["events"] + tpl["anchor"][template], "published": iso,
           "duplicate_of": duplicate_of, "seed": seed}  # fmt: skip
    ids = pa.array([article_id_for(f) for f in files(n_articles, seed)])
    columns = {
        "articles": articles_table(lay, pool, ids, art, rng),
        "mentions": mentions_table(lay, pool, ids),
        "statements": statements_table(lay, pool, ids, iso),
        # every pool sentence is one sentence: the layout already holds their spans
        "sentences": {"article_id": ids.take(pa.array(lay.article)), "start": lay.start,
                      "end": lay.end},
    }  # fmt: skip
    columns["events"], columns["event_sources"] = event_tables(lay, pool, world, ids, published)
    actors, roles = actor_rows(lex.kb, [])
    columns["actors"] = {k: [r[k] for r in actors] for k in actors[0]} if actors else {}
    columns["roles"] = {k: [r[k] for r in roles] for k in roles[0]} if roles else {}
    tables = {name: conform(name, cols, _rows(cols)) for name, cols in columns.items()}
    return tables, {**shape, "pool_sentences": len(pool.texts)}


def _rows(columns: dict) -> int:
    return len(next(iter(columns.values()))) if columns else 0


def write_synthetic_snapshot(
    n_articles: int, out: Path, *, seed: int = 0, knowledge_dir: Path = KNOWLEDGE_DIR
) -> dict[str, int]:
    """Write the snapshot to ``out`` (atomically, like a build); returns the row counts."""
    tables, shape = synthetic_tables(n_articles, seed, knowledge_dir)
    manifest = {
        "model": "synthetic", "model_version": "", "spacy_version": "",
        "pipeline_version": PIPELINE_VERSION,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": f"synth --snapshot --articles {n_articles} --seed {seed}",
        "rejected": [], "fingerprints": {"synthetic": f"{n_articles}-{seed}"},
        "synthetic": shape,
    }  # fmt: skip
    write_snapshot(tables, Path(out), manifest)
    return {name: table.num_rows for name, table in tables.items()}
