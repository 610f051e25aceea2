"""One measurement of ``readout.bench.build_speed``, run in a fresh process so that each
starts cold and its peak memory is its own. Prints one JSON line on stdout.

    python -m readout.bench.child readout SOURCE OUT JOBS
    python -m readout.bench.child bare TEXTS.json MODEL N_PROCESS
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def cpu_seconds() -> float:
    """User and system time of this process and of its children that have finished."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def max_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process, and of its largest finished child (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self": round(own, 1), "children": round(children, 1)}


def run_readout(source: Path, out: Path, jobs: int) -> dict:
    """The full build: sources, clean, NLP, merge, store (no result cache, no corrections)."""
    import spacy  # noqa: F401  imported before the clock, as in run_bare

    from readout.snapshot.build import build_snapshot
    from readout.snapshot.store import read_table

    started, cpu = time.perf_counter(), cpu_seconds()
    report = build_snapshot(source, out, jobs=jobs, cache_dir=None, corrections=None)
    seconds = time.perf_counter() - started
    words = int(read_table(out, "articles")["n_words"].sum())
    return {"seconds": seconds, "cpu_seconds": cpu_seconds() - cpu, "words": words,
            "counts": report.counts}  # fmt: skip


def run_bare(texts_file: Path, model: str, n_process: int) -> dict:
    """``spacy.load`` of the same model and ``nlp.pipe`` over the same cleaned texts."""
    import spacy

    texts = json.loads(texts_file.read_text("utf-8"))
    started, cpu = time.perf_counter(), cpu_seconds()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    docs = sum(1 for _ in nlp.pipe(texts, n_process=n_process, batch_size=16))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "load_seconds": loaded - started, "docs": docs,
            "cpu_seconds": cpu_seconds() - cpu}  # fmt: skip


def main(argv: list[str]) -> int:
    kind, first, second, third = argv
    if kind == "readout":
        result = run_readout(Path(first), Path(second), int(third))
    elif kind == "bare":
        result = run_bare(Path(first), second, int(third))
    else:
        raise SystemExit(f"unknown measurement {kind!r}")
    result["max_rss_mb"] = max_rss_mb()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
