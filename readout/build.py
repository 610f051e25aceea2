"""Build a snapshot: read, clean, analyse, merge, store.

One broken file never stops a build: it is reported in the manifest and the rest is built.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from readout import KNOWLEDGE_DIR, PIPELINE_VERSION, PROCESSED_DIR, RAW_DIR
from readout.clean import clean_article
from readout.knowledge import knowledge_fingerprint
from readout.merge import find_duplicates, merge_events
from readout.records import ArticleResult, CleanArticle, Rejected
from readout.schema import SCHEMA_VERSION
from readout.sources import read_sources
from readout.store import read_manifest, write_snapshot
from readout.tables import (
    actor_rows,
    article_id_for,
    article_rows,
    mention_rows,
    statement_rows,
    tables_from_rows,
)

Progress = Callable[[int, int, str], None]  # (done, total, message)


@dataclass
class BuildReport:
    out: Path
    counts: dict[str, int]
    rejected: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0


def source_fingerprint(source: Path) -> str:
    """Names, sizes and modification times of the raw files: cheap, and changes on any edit."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(source).iterdir() if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def fingerprints(source: Path, knowledge_dir: Path) -> dict[str, str]:
    return {
        "source": source_fingerprint(source),
        "knowledge": knowledge_fingerprint(knowledge_dir),
        "pipeline_version": PIPELINE_VERSION,
        "schema_version": str(SCHEMA_VERSION),
    }


def snapshot_is_current(source: Path, out: Path, knowledge_dir: Path = KNOWLEDGE_DIR) -> bool:
    """True when ``out`` was built from the same raw data, knowledge base and pipeline."""
    try:
        manifest = read_manifest(out)
    except Exception:  # a missing or corrupt manifest simply means: rebuild
        return False
    return manifest.get("fingerprints") == fingerprints(source, knowledge_dir)


# --- the NLP stage, in this process or in a pool of workers -----------------------------

_WORKER_NLP = None


def _init_worker(model: str | None, knowledge_dir: str) -> None:
    global _WORKER_NLP
    from readout.nlp.pipeline import build_nlp

    _WORKER_NLP = build_nlp(model, Path(knowledge_dir))


def _analyse_in_worker(article: CleanArticle) -> ArticleResult:
    from readout.nlp.pipeline import analyse

    return analyse(_WORKER_NLP, article)


def analyse_all(
    articles: list[CleanArticle], *, jobs: int, model: str | None, knowledge_dir: Path
) -> Iterator[ArticleResult]:
    """Results in input order; ``jobs`` > 1 spreads articles over worker processes."""
    if jobs <= 1 or len(articles) < 2:
        _init_worker(model, str(knowledge_dir))
        yield from (_analyse_in_worker(a) for a in articles)
        return
    ctx = mp.get_context("fork")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(model, str(knowledge_dir))) as pool:
        yield from pool.imap(_analyse_in_worker, articles, chunksize=4)


def model_manifest(model: str | None) -> dict[str, str]:
    from readout.nlp.pipeline import load_model, model_info

    info = model_info(load_model(model))
    return {"model": info.name, "model_version": info.version, "spacy_version": info.spacy_version}


# --- the build ---------------------------------------------------------------------------


def _clean_all(raws, rejected: list[Rejected]) -> list[CleanArticle]:
    cleaned = []
    for raw in raws:
        try:
            article = clean_article(raw)
        except Exception as exc:  # one bad article must not stop the build
            rejected.append(Rejected(raw.file, f"could not be cleaned: {exc}"))
            continue
        if not article.text.strip():
            reason = "no article text left after removing page furniture"
            rejected.append(Rejected(raw.file, reason))
            continue
        cleaned.append(article)
    return cleaned


def build_snapshot(
    source: Path = RAW_DIR,
    out: Path = PROCESSED_DIR,
    *,
    jobs: int = 1,
    model: str | None = None,
    knowledge_dir: Path = KNOWLEDGE_DIR,
    progress: Progress | None = None,
) -> BuildReport:
    started = time.perf_counter()
    say = progress or (lambda done, total, msg: None)
    say(0, 1, f"Reading articles from {source}")
    model_meta = model_manifest(model)  # fails early, with a clear message, if none is installed
    raws, rejected = read_sources(Path(source))
    articles = _clean_all(raws, rejected)
    from readout.nlp.kb import get_knowledge

    kb = get_knowledge(str(knowledge_dir))
    rows: dict[str, list[dict]] = {"mentions": [], "statements": []}
    reports, new_actors = [], []
    results = analyse_all(articles, jobs=jobs, model=model, knowledge_dir=knowledge_dir)
    for i, (article, result) in enumerate(zip(articles, results, strict=True)):
        aid = article_id_for(article.file)
        rows["mentions"] += mention_rows(aid, result)
        rows["statements"] += statement_rows(aid, result)
        reports += [(aid, ev, article.text[ev.start : ev.end]) for ev in result.events]
        new_actors += result.new_actors
        say(i + 1, len(articles), f"Analysed {article.title or article.file}")
    rows["articles"] = article_rows(articles, {})
    rows["articles"] = article_rows(articles, find_duplicates(rows["articles"]))
    rows["events"], rows["event_sources"] = merge_events(reports)
    rows["actors"], rows["roles"] = actor_rows(kb, new_actors)
    manifest = {
        **model_meta,
        "pipeline_version": PIPELINE_VERSION,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": str(source),
        "rejected": [{"file": r.file, "reason": r.reason} for r in rejected],
        "fingerprints": fingerprints(Path(source), Path(knowledge_dir)),
    }
    tables = tables_from_rows(rows)
    write_snapshot(tables, Path(out), manifest)
    counts = {name: table.num_rows for name, table in tables.items()}
    return BuildReport(Path(out), counts, rejected, time.perf_counter() - started)


def ensure_snapshot(
    source: Path = RAW_DIR, out: Path = PROCESSED_DIR, progress: Progress | None = None
) -> BuildReport | None:
    """Build unless the snapshot is current; returns the report of a build, else None."""
    if snapshot_is_current(source, out):
        return None
    return build_snapshot(source, out, progress=progress)
