"""Command line: ``python -m readout build | evaluate | add | corrections | synth | bench``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from readout import PROCESSED_DIR, RAW_DIR
from readout.corpus.cli import register as register_import_commands
from readout.corpus.corrections import CORRECTIONS_FILE
from readout.snapshot.cache import CACHE_DIR
from readout.snapshot.executors import EXECUTORS


def _progress(done: int, total: int, message: str) -> None:
    print(f"[{done}/{total}] {message}", file=sys.stderr, flush=True)


def cmd_build(args: argparse.Namespace) -> int:
    from readout.snapshot.build import build_snapshot

    report = build_snapshot(
        args.source, args.out, jobs=args.jobs, executor=args.executor,
        scheduler=args.scheduler, progress=_progress,
        cache_dir=None if str(args.cache) == "none" else args.cache, corrections=args.corrections,
    )  # fmt: skip
    for rejected in report.rejected:
        print(f"skipped {rejected.file}: {rejected.reason}")
    counts = ", ".join(f"{n} {name}" for name, n in report.counts.items())
    print(f"built {report.out} in {report.seconds:.1f}s: {counts}")
    print(f"analysed {report.analysed} article(s), reused {report.reused} from the cache")
    for skipped in report.corrections_skipped:
        print(f"correction on line {skipped['line']} not applied: {skipped['reason']}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    if not args.source:
        return _print_evaluation(args)
    import tempfile

    from readout.snapshot.build import build_snapshot

    # An arbitrary folder of articles (with its metadata.csv): built first, into scratch.
    with tempfile.TemporaryDirectory(prefix="readout-evaluate-") as scratch:
        args.snapshot = Path(scratch) / "snapshot"
        report = build_snapshot(
            args.source, args.snapshot, cache_dir=None, corrections=None, progress=_progress
        )
        for rejected in report.rejected:
            print(f"skipped {rejected.file}: {rejected.reason}", file=sys.stderr)
        return _print_evaluation(args)


def _print_evaluation(args: argparse.Namespace) -> int:
    from readout.evaluate.score import as_json, evaluate, format_scores

    splits = ["open", "closed", "all"] if args.split == "halves" else [args.split]
    try:
        scores = {
            split: evaluate(args.gold, args.snapshot, files=args.files, split=split,
                            closed_from=args.closed_from)
            for split in splits
        }  # fmt: skip
    except ValueError as exc:  # a gold file that is not JSON, or not file -> annotations
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out = {split: as_json(s) for split, s in scores.items()}
        print(json.dumps(out if len(out) > 1 else out[splits[0]], indent=2))
    else:
        print(format_scores(scores if len(scores) > 1 else scores[splits[0]]))
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m readout", description=__doc__)
    sub = root.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the snapshot from a folder of articles")
    build.add_argument("--source", type=Path, default=RAW_DIR, help="articles (default data/raw)")
    build.add_argument("--out", type=Path, default=PROCESSED_DIR, help="snapshot folder")
    build.add_argument("--jobs", type=int, default=1, help="worker processes for the NLP stage")
    build.add_argument(
        "--executor", choices=EXECUTORS, default="local",
        help="run the NLP stage here (local, with --jobs processes) or on dask.distributed",
    )  # fmt: skip
    build.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster of --jobs)",
    )  # fmt: skip
    build.add_argument("--cache", type=Path, default=CACHE_DIR, help="NLP cache ('none': off)")
    build.add_argument("--corrections", type=Path, default=CORRECTIONS_FILE, help="corrections")
    build.set_defaults(func=cmd_build)
    ev = sub.add_parser("evaluate", help="precision and recall against a gold file")
    ev.add_argument("--gold", type=Path, required=True, help="gold.json annotations")
    ev.add_argument("--snapshot", type=Path, default=PROCESSED_DIR, help="snapshot folder")
    ev.add_argument(
        "--source", type=Path,
        help="a folder of articles to build first (no cache, no corrections) and score",
    )  # fmt: skip
    ev.add_argument(
        "--files", action="append", metavar="GLOB",
        help="score only gold files matching this glob (repeatable), e.g. '0[1-9]_*'",
    )  # fmt: skip
    ev.add_argument(
        "--split", choices=("all", "open", "closed", "halves"), default="all",
        help="files numbered below --closed-from (open), from it on (closed), or both halves",
    )  # fmt: skip
    ev.add_argument("--closed-from", type=int, default=21, help="first closed file number")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.set_defaults(func=cmd_evaluate)
    register_import_commands(sub)  # add, corrections: readout/corpus/cli.py
    register_scale_commands(sub)  # synth and bench: readout/synth/, readout/bench/
    return root


def register_scale_commands(sub) -> None:
    from readout.bench import build_speed
    from readout.synth import articles

    articles.register(sub)
    build_speed.register(sub)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from readout.nlp.pipeline import ModelNotFound
    from readout.snapshot.store import SnapshotError

    try:
        return args.func(args)
    except (ModelNotFound, SnapshotError, FileNotFoundError, NotADirectoryError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
