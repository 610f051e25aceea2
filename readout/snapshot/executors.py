"""Where the NLP stage runs: in this process, in a pool of forked processes, or on dask.

Every executor returns one ``ArticleResult`` per article, in input order, so a build gives the
same snapshot whichever runs it. Articles travel in batches; each process (pool worker or
dask worker) builds the spaCy pipeline once and keeps it in ``_NLP``, keyed by model name,
knowledge folder and knowledge fingerprint, so an edited knowledge base gets a fresh pipeline.

* ``local``: this process, or with ``jobs`` > 1 a ``multiprocessing`` pool (fork).
* ``dask``: a ``dask.distributed`` cluster: the one at ``scheduler`` ("tcp://host:8786"),
  whose workers must be able to import ``readout`` and load the model, or else a
  ``LocalCluster`` of ``jobs`` (default: all cores) single-threaded worker processes on
  127.0.0.1. At most a few batches per worker are in flight, so memory stays bounded.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from readout import KNOWLEDGE_DIR
from readout.snapshot.records import ArticleResult, CleanArticle

if TYPE_CHECKING:
    from distributed import Client, LocalCluster
    from spacy.language import Language

EXECUTORS = ("local", "dask")
BATCH = 16  # articles per task: nlp.pipe is fastest at about this batch size on this model
IN_FLIGHT = 3  # dask batches queued per worker

_NLP: dict[tuple[str | None, str, str], Language] = {}


def get_nlp(model: str | None, knowledge_dir: str | Path) -> Language:
    """This process's Readout pipeline for ``model`` and ``knowledge_dir``, built once."""
    from readout.knowledge import knowledge_fingerprint

    key = (model, str(knowledge_dir), knowledge_fingerprint(Path(knowledge_dir)))
    if key not in _NLP:
        from readout.nlp.pipeline import build_nlp

        if _NLP:  # one pipeline per process is enough; the old one may be collected again
            _NLP.clear()
            gc.unfreeze()
            gc.collect()
        _NLP[key] = build_nlp(model, Path(knowledge_dir))
        # The pipeline lives as long as the process. Frozen, its million objects are left out
        # of every later collection: a full collection walked them all, a few times a build.
        gc.freeze()
    return _NLP[key]


def analyse_batch(
    articles: Sequence[CleanArticle], model: str | None, knowledge_dir: str
) -> list[ArticleResult]:
    """Run the pipeline over a batch (``nlp.pipe``; results equal one-by-one analysis)."""
    from readout.nlp.pipeline import make_doc, result_from_doc

    nlp = get_nlp(model, knowledge_dir)
    docs = (make_doc(nlp, article) for article in articles)
    try:
        return [result_from_doc(doc) for doc in nlp.pipe(docs, batch_size=max(len(articles), 1))]
    except Exception:  # one article the pipeline fails on must not stop the build
        return [_analyse_one(nlp, article) for article in articles]


def _analyse_one(nlp, article: CleanArticle) -> ArticleResult:
    """One article on its own; a failure is reported in the result, not raised."""
    from readout.nlp.pipeline import make_doc, result_from_doc

    try:
        return result_from_doc(nlp(make_doc(nlp, article)))
    except Exception as exc:
        return ArticleResult([], [], [], error=f"{type(exc).__name__}: {exc}")


def batches(items: Sequence[CleanArticle], size: int) -> list[list[CleanArticle]]:
    size = max(size, 1)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


# --- local: this process, or a pool of forked processes ------------------------------------

_POOL_ARGS: tuple[str | None, str] = (None, str(KNOWLEDGE_DIR))


def _init_pool(model: str | None, knowledge_dir: str) -> None:
    global _POOL_ARGS
    _POOL_ARGS = (model, knowledge_dir)
    get_nlp(model, knowledge_dir)


def _pool_batch(chunk: list[CleanArticle]) -> list[ArticleResult]:
    return analyse_batch(chunk, *_POOL_ARGS)


def run_local(
    articles: Sequence[CleanArticle],
    *,
    jobs: int = 1,
    model: str | None = None,
    knowledge_dir: Path = KNOWLEDGE_DIR,
    batch: int = BATCH,
) -> Iterator[ArticleResult]:
    chunks = batches(articles, batch)
    if jobs <= 1 or len(chunks) < 2:
        for chunk in chunks:
            yield from analyse_batch(chunk, model, str(knowledge_dir))
        return
    args = (model, str(knowledge_dir))
    with mp.get_context("fork").Pool(jobs, initializer=_init_pool, initargs=args) as pool:
        for results in pool.imap(_pool_batch, chunks):
            yield from results


# --- dask.distributed ------------------------------------------------------------------------


def local_cluster(workers: int) -> LocalCluster:
    """A new LocalCluster: ``workers`` single-threaded processes, listening on 127.0.0.1."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )


def _client(stack: ExitStack, scheduler: str | None, jobs: int) -> Client:
    from distributed import Client

    if scheduler:
        return stack.enter_context(Client(scheduler))
    cluster = stack.enter_context(local_cluster(jobs if jobs > 1 else os.cpu_count() or 1))
    return stack.enter_context(Client(cluster))


def run_on_client(
    client: Client,
    articles: Sequence[CleanArticle],
    *,
    model: str | None = None,
    knowledge_dir: Path = KNOWLEDGE_DIR,
    batch: int = BATCH,
) -> Iterator[ArticleResult]:
    """Batches mapped over the cluster's workers; results gathered in input order."""
    chunks = iter(batches(articles, batch))
    workers = max(len(client.scheduler_info().get("workers", {})), 1)
    first = [c for _, c in zip(range(IN_FLIGHT * workers), chunks, strict=False)]
    args = {"model": model, "knowledge_dir": str(knowledge_dir)}
    pending = deque(client.map(analyse_batch, first, pure=False, **args))
    while pending:
        future = pending.popleft()
        results = future.result()
        future.release()
        following = next(chunks, None)
        if following is not None:  # keep the workers busy, never the whole corpus in flight
            pending.append(client.submit(analyse_batch, following, pure=False, **args))
        yield from results


def run_dask(
    articles: Sequence[CleanArticle],
    *,
    scheduler: str | None = None,
    jobs: int = 1,
    model: str | None = None,
    knowledge_dir: Path = KNOWLEDGE_DIR,
    batch: int = BATCH,
) -> Iterator[ArticleResult]:
    if not articles:
        return
    with ExitStack() as stack:
        client = _client(stack, scheduler, jobs)
        yield from run_on_client(
            client, articles, model=model, knowledge_dir=knowledge_dir, batch=batch
        )


def analyse_articles(
    articles: Sequence[CleanArticle],
    *,
    executor: str = "local",
    jobs: int = 1,
    model: str | None = None,
    knowledge_dir: Path = KNOWLEDGE_DIR,
    scheduler: str | None = None,
    batch: int = BATCH,
) -> Iterator[ArticleResult]:
    """One result per article, in input order, computed by ``executor``."""
    if executor == "dask" or scheduler:
        return run_dask(
            articles, scheduler=scheduler, jobs=jobs, model=model,
            knowledge_dir=knowledge_dir, batch=batch,
        )  # fmt: skip
    if executor != "local":
        raise ValueError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    return run_local(articles, jobs=jobs, model=model, knowledge_dir=knowledge_dir, batch=batch)
