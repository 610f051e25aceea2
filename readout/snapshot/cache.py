"""Per-article cache of the NLP stage, so that a rebuild only runs spaCy on what changed.

One JSON file per article result, ``<cache_dir>/<key[:2]>/<key>.json``. The key is a hash of
everything the result depends on: the cleaned text and publication date of the article, the
knowledge base, ``readout.PIPELINE_VERSION``, the spaCy model and its version, and the source
of the extractors themselves (``readout/nlp``, records, knowledge loader), so that a changed
extractor never serves stale results even when nobody bumped the pipeline version.

Entries are written atomically (temporary file + ``os.replace``); an unreadable entry is a
miss, never an error. Entries are never pruned automatically: delete the folder to reset it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path

from readout import DATA_DIR, PIPELINE_VERSION
from readout.snapshot.records import (
    ArticleResult,
    CleanArticle,
    EventRecord,
    MentionRecord,
    NewActor,
    StatementRecord,
)

CACHE_DIR = DATA_DIR / "cache"
PACKAGE = Path(__file__).resolve().parent.parent  # readout/
# What makes the tables: reading, the NLP, the snapshot stages, corrections. Benchmarks,
# synthetic data and the evaluator do not, so editing them leaves a snapshot current.
PIPELINE = ("__init__.py", "knowledge.py", "name_variants.py", "ingest", "nlp", "snapshot",
            "corpus")  # fmt: skip
log = logging.getLogger(__name__)

Analyser = Callable[[list[CleanArticle]], Iterable[ArticleResult]]


def _hash_sources(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in paths if p.is_file()):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the extractor source: an edit to readout/nlp, the records, the knowledge
    loader or the executors invalidates every entry."""
    modules = ["snapshot/records.py", "knowledge.py", "name_variants.py", "snapshot/executors.py"]
    return _hash_sources([*(PACKAGE / "nlp").rglob("*.py"), *(PACKAGE / m for m in modules)])


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """A hash of the pipeline's code (``PIPELINE``): a change to it makes a snapshot stale,
    so the app never shows tables an older pipeline wrote."""
    paths = [PACKAGE / part for part in PIPELINE]
    return _hash_sources(f for p in paths for f in ([p] if p.suffix == ".py" else p.rglob("*.py")))


def article_key(article: CleanArticle, context: str) -> str:
    """The cache key of one article under a build ``context`` (see ``build_context``)."""
    payload = json.dumps([context, article.text, article.published], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def build_context(model: dict[str, str], knowledge: str) -> str:
    """What every result of one build depends on, besides the article itself."""
    parts = [
        PIPELINE_VERSION,
        model.get("model", ""),
        model.get("model_version", ""),
        model.get("spacy_version", ""),
        knowledge,
        code_fingerprint(),
    ]
    return "|".join(parts)


# --- (de)serialising results ------------------------------------------------------------


def result_to_json(result: ArticleResult) -> dict:
    return asdict(result)


def _records(cls: type, items: list[dict]) -> list:
    names = {f.name for f in fields(cls)}
    if any(set(item) - names for item in items):
        raise ValueError(f"cached {cls.__name__} has unknown fields")
    return [cls(**item) for item in items]


def result_from_json(data: dict) -> ArticleResult:
    """The inverse of ``result_to_json``; raises on any mismatch (treated as a miss)."""
    return ArticleResult(
        mentions=_records(MentionRecord, data["mentions"]),
        statements=_records(StatementRecord, data["statements"]),
        events=_records(EventRecord, data["events"]),
        new_actors=_records(NewActor, data.get("new_actors", [])),
        # required: an entry without sentences would silently drop the article's co-mentions
        sentences=[(int(start), int(end)) for start, end in data["sentences"]],
    )


# --- the cache ----------------------------------------------------------------------------


@dataclass
class ResultCache:
    """Results on disk for one build context; ``folder=None`` caches nothing."""

    folder: Path | None
    context: str
    analysed: int = 0
    reused: int = 0

    def path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> ArticleResult | None:
        if self.folder is None:
            return None
        try:
            return result_from_json(json.loads(self.path(key).read_text("utf-8")))
        except FileNotFoundError:
            return None
        except Exception as exc:  # a corrupt or outdated entry is simply analysed again
            log.warning("ignoring cache entry %s: %s", key, exc)
            return None

    def put(self, key: str, result: ArticleResult) -> None:
        if self.folder is None:
            return
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(result_to_json(result), handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as exc:  # a read-only or full disk only costs speed
            log.warning("could not write cache entry %s: %s", path, exc)

    def results(
        self, articles: list[CleanArticle], analyse: Analyser
    ) -> Iterator[tuple[ArticleResult, bool]]:
        """(result, reused) per article, in input order. Only the misses are passed to
        ``analyse`` (once, lazily, so progress is reported as results arrive)."""
        keys = [article_key(a, self.context) for a in articles]
        hits = {i: r for i, k in enumerate(keys) if (r := self.get(k)) is not None}
        misses = [a for i, a in enumerate(articles) if i not in hits]
        fresh = iter(analyse(misses)) if misses else iter(())
        for i, key in enumerate(keys):
            if i in hits:
                self.reused += 1
                yield hits[i], True
                continue
            result = next(fresh)
            if result.error is None:  # a failure is tried again next build
                self.put(key, result)
            self.analysed += 1
            yield result, False
        next(fresh, None)  # let the analyser finish (a worker pool shuts down)

    @property
    def counts(self) -> dict[str, int]:
        return {"analysed": self.analysed, "reused": self.reused}


def open_cache(folder: Path | None, model: dict[str, str], knowledge: str) -> ResultCache:
    return ResultCache(
        Path(folder) if folder is not None else None, build_context(model, knowledge)
    )
