"""Build a snapshot: read, clean, analyse, merge, store.

One broken file never stops a build: it is reported in the manifest and the rest is built.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from readout import KNOWLEDGE_DIR, PIPELINE_VERSION, PROCESSED_DIR, RAW_DIR
from readout.corpus.corrections import (
    CORRECTIONS_FILE,
    apply_corrections,
    correct_articles,
    corrections_fingerprint,
    load_corrections,
)
from readout.ingest.clean import clean_article
from readout.ingest.sources import read_sources
from readout.knowledge import knowledge_fingerprint
from readout.snapshot.cache import CACHE_DIR, open_cache, package_fingerprint
from readout.snapshot.merge import merge_events
from readout.snapshot.records import ArticleResult, CleanArticle, Rejected
from readout.snapshot.schema import SCHEMA_VERSION
from readout.snapshot.store import read_manifest, write_snapshot
from readout.snapshot.tables import (
    actor_rows,
    article_id_for,
    article_rows,
    mention_rows,
    sentences_table,
    statement_rows,
    tables_from_rows,
)
from readout.snapshot.wire_copies import find_duplicates

Progress = Callable[[int, int, str], None]  # (done, total, message)


@dataclass
class BuildReport:
    out: Path
    counts: dict[str, int]
    rejected: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0
    analysed: int = 0  # articles run through spaCy (the rest came from the cache)
    reused: int = 0
    corrections_skipped: list[dict] = field(default_factory=list)


def source_fingerprint(source: Path) -> str:
    """Names, sizes and modification times of the raw files: cheap, and changes on any edit."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(source).iterdir() if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def fingerprints(
    source: Path, knowledge_dir: Path, corrections: Path | None = CORRECTIONS_FILE
) -> dict[str, str]:
    return {
        "source": source_fingerprint(source),
        "knowledge": knowledge_fingerprint(knowledge_dir),
        "pipeline_version": PIPELINE_VERSION,
        "pipeline_code": package_fingerprint(),
        "schema_version": str(SCHEMA_VERSION),
        "corrections": corrections_fingerprint(corrections),
    }


def snapshot_is_current(
    source: Path,
    out: Path,
    knowledge_dir: Path = KNOWLEDGE_DIR,
    corrections: Path | None = CORRECTIONS_FILE,
) -> bool:
    """True when ``out`` was built from the same raw data, knowledge base, corrections and
    pipeline."""
    try:
        manifest = read_manifest(out)
    except Exception:  # a missing or corrupt manifest simply means: rebuild
        return False
    return manifest.get("fingerprints") == fingerprints(source, knowledge_dir, corrections)


# --- the NLP stage: in this process, a pool of workers or a dask cluster (snapshot.executors)


def analyse_all(
    articles: list[CleanArticle],
    *,
    jobs: int,
    model: str | None,
    knowledge_dir: Path,
    executor: str = "local",
    scheduler: str | None = None,
) -> Iterator[ArticleResult]:
    """Results in input order; ``jobs`` > 1 spreads articles over worker processes (local),
    ``executor="dask"`` over a dask.distributed cluster (``scheduler``, else a local one)."""
    from readout.snapshot.executors import analyse_articles

    yield from analyse_articles(
        articles, executor=executor, jobs=jobs, model=model, knowledge_dir=knowledge_dir,
        scheduler=scheduler,
    )  # fmt: skip


def model_manifest(
    model: str | None, *, executor: str = "local", knowledge_dir: Path = KNOWLEDGE_DIR
) -> dict[str, str]:
    from readout.nlp.pipeline import load_model, model_info
    from readout.snapshot.executors import get_nlp

    # A local build needs the pipeline here (or in its forked workers) anyway: build it once.
    nlp = get_nlp(model, knowledge_dir) if executor == "local" else load_model(model)
    info = model_info(nlp)
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


def _progress_line(article: CleanArticle, result: ArticleResult, reused: bool) -> str:
    name = article.title or article.file
    if result.error is not None:
        return f"Could not analyse {name}: {result.error} (left out; the build goes on)"
    return f"{'Reused (cached)' if reused else 'Analysed'} {name}"


def build_snapshot(
    source: Path = RAW_DIR,
    out: Path = PROCESSED_DIR,
    *,
    jobs: int = 1,
    executor: str = "local",  # or "dask" (readout.snapshot.executors)
    scheduler: str | None = None,  # dask scheduler address; None: a local cluster
    model: str | None = None,
    knowledge_dir: Path = KNOWLEDGE_DIR,
    progress: Progress | None = None,
    cache_dir: Path | None = CACHE_DIR,  # None: analyse every article
    corrections: Path | None = CORRECTIONS_FILE,  # None: apply no corrections
) -> BuildReport:
    started = time.perf_counter()
    say = progress or (lambda done, total, msg: None)
    say(0, 1, f"Reading articles from {source}")
    # Fails early, with a clear message, if no model is installed.
    model_meta = model_manifest(model, executor=executor, knowledge_dir=knowledge_dir)
    prints = fingerprints(Path(source), Path(knowledge_dir), corrections)  # before reading
    raws, rejected = read_sources(Path(source))
    articles = _clean_all(raws, rejected)
    fixes = load_corrections(corrections) if corrections else []  # corrections (1/2)
    articles = correct_articles(articles, fixes)  # corrected dates anchor relative dates
    from readout.nlp.kb import get_knowledge

    kb = get_knowledge(str(knowledge_dir))
    rows: dict[str, list[dict]] = {"mentions": [], "statements": []}
    reports, new_actors = [], []
    sentences: list[tuple[str, list[tuple[int, int]]]] = []
    cache = open_cache(cache_dir, model_meta, knowledge_fingerprint(Path(knowledge_dir)))
    analyse = partial(
        analyse_all, jobs=jobs, model=model, knowledge_dir=knowledge_dir, executor=executor,
        scheduler=scheduler,
    )  # fmt: skip
    results = cache.results(articles, analyse)  # only new or changed articles meet spaCy
    analysed: list[CleanArticle] = []
    for i, (article, (result, reused)) in enumerate(zip(articles, results, strict=True)):
        say(i + 1, len(articles), _progress_line(article, result, reused))
        if result.error is not None:
            rejected.append(Rejected(article.file, f"could not be analysed: {result.error}"))
            continue
        analysed.append(article)
        aid = article_id_for(article.file)
        rows["mentions"] += mention_rows(aid, result)
        rows["statements"] += statement_rows(aid, result)
        sentences.append((aid, result.sentences))
        reports += [(aid, ev, article.text[ev.start : ev.end]) for ev in result.events]
        new_actors += result.new_actors
    articles = analysed
    rows["articles"] = article_rows(articles, {})
    rows["articles"] = article_rows(articles, find_duplicates(rows["articles"]))
    published = {row["article_id"]: row["published"] for row in rows["articles"]}
    rows["events"], rows["event_sources"] = merge_events(reports, published=published, kb=kb)
    rows["actors"], rows["roles"] = actor_rows(kb, new_actors)
    rows, skipped = apply_corrections(rows, fixes)  # corrections (2/2)
    manifest = {
        **model_meta,
        "pipeline_version": PIPELINE_VERSION,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": str(source),
        "rejected": [{"file": r.file, "reason": r.reason} for r in rejected],
        "fingerprints": prints,
        "nlp": cache.counts,  # articles analysed vs reused from the cache
        "corrections_applied": len(fixes) - len(skipped),
        "corrections_skipped": skipped,
    }
    tables = tables_from_rows(rows)
    tables["sentences"] = sentences_table(sentences)  # after corrections, which never edit text
    write_snapshot(tables, Path(out), manifest)
    counts = {name: table.num_rows for name, table in tables.items()}
    seconds = time.perf_counter() - started
    say(len(articles), len(articles), f"Analysed {cache.analysed}, reused {cache.reused}")
    return BuildReport(Path(out), counts, rejected, seconds, cache.analysed, cache.reused, skipped)


def ensure_snapshot(
    source: Path = RAW_DIR, out: Path = PROCESSED_DIR, progress: Progress | None = None
) -> BuildReport | None:
    """Build unless the snapshot is current; returns the report of a build, else None."""
    if snapshot_is_current(source, out):
        return None
    return build_snapshot(source, out, progress=progress)
