"""``python -m readout bench``: how fast the build is, against bare spaCy on the same texts.

A synthetic corpus (``readout.synth.articles``) is built four ways, each in a fresh process
(``readout.bench.child``): the full Readout build (sources, clean, NLP, merge, store) and
bare ``nlp.pipe`` of the same model over the same cleaned texts, once in one process and once
on all cores (``--jobs N`` against ``n_process=N``). Throughput is in words per second,
counted as in ``articles.n_words``; memory is the peak resident set of the process tree.

Targets: Readout/bare >= 0.8, and N processes >= 0.8 * N times one process. Wall-clock figures
depend on what else runs on the machine: the load average is recorded with them, and the CPU
time of each run is reported as well.

``--pages`` also times the app's pages on synthetic snapshots (``readout.bench.pages``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 0.8


def bare_model_name(configured: str | None = None) -> str:
    """The model name Readout loads (``readout.nlp.pipeline.load_model``), for spacy.load."""
    import importlib.util

    from readout.nlp.pipeline import MODEL_CANDIDATES

    env = os.environ.get("READOUT_MODEL")
    for name in [n for n in (configured, env, *MODEL_CANDIDATES) if n]:
        if importlib.util.find_spec(name) is not None or Path(name).exists():
            return name
    raise RuntimeError("no spaCy model installed")


def cleaned_texts(source: Path) -> list[str]:
    """The texts the build analyses: read and cleaned exactly as ``build_snapshot`` does."""
    from readout.ingest.sources import read_sources
    from readout.snapshot.build import _clean_all

    raws, rejected = read_sources(source)
    return [article.text for article in _clean_all(raws, rejected)]


def measure(args: list[str]) -> dict:
    """Run ``readout.bench.child`` with ``args``; its JSON plus the tree's peak RSS."""
    import psutil

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_root(), _pythonpath()]))}
    cmd = [sys.executable, "-m", "readout.bench.child", *args]
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc))
        time.sleep(0.1)
    out = proc.stdout.read().decode() if proc.stdout else ""
    if proc.returncode:
        raise RuntimeError(f"{' '.join(args)} failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_tree_mb"] = round(peak / 2**20, 1)
    return result


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    try:
        for p in [proc, *proc.children(recursive=True)]:
            total += p.memory_info().rss
    except psutil.Error:  # a child that just ended
        pass
    return total


def _root() -> str:
    return str(Path(__file__).resolve().parents[2])  # the checkout: readout/bench/ is two down


def _pythonpath() -> str:
    return os.environ.get("PYTHONPATH", "")


def _wps(words: int, run: dict) -> dict:
    return {
        "wall": round(words / run["seconds"], 1),
        "cpu": round(words / run["cpu_seconds"], 1) if run.get("cpu_seconds") else None,
    }


def bench_build(
    n_articles: int = 200,
    *,
    seed: int = 0,
    jobs: int | None = None,
    repeat: int = 1,
    workdir: Path | None = None,
) -> dict:
    """Build throughput of Readout against bare spaCy, one process and ``jobs`` processes;
    each of the four runs ``repeat`` times, interleaved, keeping the fastest."""
    from readout.synth.articles import write_corpus

    jobs = jobs or os.cpu_count() or 1
    tries: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        corpus = write_corpus(n_articles, Path(tmp) / "corpus", seed=seed)
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(cleaned_texts(corpus)), "utf-8")
        model = bare_model_name()
        load = os.getloadavg()
        for _ in range(max(repeat, 1)):
            for n in dict.fromkeys((1, jobs)):  # interleaved: all feel the same machine load
                args = {"bare": ["bare", str(texts_file), model, str(n)],
                        "readout": ["readout", str(corpus), f"{tmp}/snap{n}", str(n)]}  # fmt: skip
                for kind, argv in args.items():
                    tries.setdefault(f"{kind}_{n}", []).append(measure(argv))
    runs = {name: min(found, key=lambda r: r["seconds"]) for name, found in tries.items()}
    report = summarise(runs, n_articles, seed, jobs, model, load)
    report["all_seconds"] = {k: [round(r["seconds"], 2) for r in v] for k, v in tries.items()}
    report["ratio_per_repeat"] = paired_ratios(tries, jobs)
    return report


def paired_ratios(tries: dict[str, list[dict]], jobs: int) -> dict[str, list[float]]:
    """Readout against the bare run made just before it, repeat by repeat: the spread shows
    how much of a difference between the fastest runs is the machine's noise."""
    return {
        str(n): [round(bare["seconds"] / ours["seconds"], 3)
                 for bare, ours in zip(tries[f"bare_{n}"], tries[f"readout_{n}"], strict=True)]
        for n in dict.fromkeys((1, jobs))
    }  # fmt: skip


def summarise(runs: dict, n_articles: int, seed: int, jobs: int, model: str, load) -> dict:
    words = runs["readout_1"]["words"]
    wps = {name: _wps(words, run) for name, run in runs.items()}
    ratio = {
        f"{n}": round(wps[f"readout_{n}"]["wall"] / wps[f"bare_{n}"]["wall"], 3)
        for n in dict.fromkeys((1, jobs))
    }
    ratio["1_cpu"] = round(wps["readout_1"]["cpu"] / wps["bare_1"]["cpu"], 3)
    scaling = {
        kind: round(wps[f"{kind}_{jobs}"]["wall"] / wps[f"{kind}_1"]["wall"], 3)
        for kind in ("readout", "bare")
    }
    memory = {name: {"tree_peak": run["peak_rss_tree_mb"], **run["max_rss_mb"]}
              for name, run in runs.items()}  # fmt: skip
    return {
        "machine": {"cpus": os.cpu_count(), "jobs": jobs, "python": platform.python_version(),
                    "loadavg_before": [round(x, 2) for x in load],
                    "loadavg_after": [round(x, 2) for x in os.getloadavg()]},
        "corpus": {"articles": n_articles, "words": words, "seed": seed, "model": model},
        "seconds": {name: round(run["seconds"], 2) for name, run in runs.items()},
        "cpu_seconds": {name: round(run["cpu_seconds"], 2) for name, run in runs.items()},
        "words_per_second": wps,
        "ratio_readout_vs_bare": {**ratio, "target": TARGET_RATIO},
        "scaling": {**scaling, "processes": jobs, "target": round(TARGET_RATIO * jobs, 2)},
        "peak_memory_mb": memory,
    }  # fmt: skip


# --- command line ------------------------------------------------------------------------------


def cmd_bench(args: argparse.Namespace) -> int:
    result = {}
    if not (args.pages_only or args.load_only):
        result["build"] = bench_build(
            args.articles, seed=args.seed, jobs=args.jobs, repeat=args.repeat
        )
    if args.pages or args.pages_only:
        from readout.bench.pages import bench_pages

        result["pages"] = bench_pages(
            sizes=args.page_sizes, seed=args.seed, timeout=args.page_timeout
        )
    if args.load:
        result["load"] = _bench_load(args)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", "utf-8")
    return 0


def _bench_load(args: argparse.Namespace) -> dict:
    """``--load N``: 20 browser sessions on a synthetic snapshot of N articles."""
    from readout.bench.load import bench_load
    from readout.synth.snapshot import write_synthetic_snapshot

    with tempfile.TemporaryDirectory() as tmp:
        snapshot = Path(tmp) / "snapshot"
        write_synthetic_snapshot(args.load, snapshot, seed=args.seed)
        return bench_load(snapshot, sessions=args.sessions, timeout=args.page_timeout)


def register(sub) -> None:
    """The ``bench`` subcommand (see ``readout.__main__``)."""
    p = sub.add_parser("bench", help="build throughput against bare spaCy (JSON)")
    p.add_argument("--articles", type=int, default=200, help="synthetic articles (default 200)")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    p.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--repeat", type=int, default=1, help="runs of each kind; the fastest counts")
    p.add_argument("--out", type=Path, help="also write the JSON to this file")
    p.add_argument("--pages", action="store_true", help="also time the app's pages")
    p.add_argument("--pages-only", action="store_true", help="only time the app's pages")
    p.add_argument("--load-only", action="store_true", help="only the --load sessions")
    p.add_argument(
        "--page-timeout", type=float, default=900, help="seconds before a page is stopped"
    )
    p.add_argument(
        "--load", type=int, metavar="N", help="browser sessions on a snapshot of N articles"
    )
    p.add_argument("--sessions", type=int, default=20, help="sessions for --load (default 20)")
    p.add_argument(
        "--page-sizes", type=int, nargs="+", default=[1000, 10000, 100000],
        help="snapshot sizes for --pages (default 1000 10000 100000)",
    )  # fmt: skip
    p.set_defaults(func=cmd_bench)
