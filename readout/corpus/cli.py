"""Command line for importing and corrections: ``python -m readout add | corrections``.

Registered on the main parser by ``readout.__main__`` with ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from readout import PROCESSED_DIR, RAW_DIR


def _progress(done: int, total: int, message: str) -> None:
    print(f"[{done}/{total}] {message}", file=sys.stderr, flush=True)


def parse_map(text: str) -> dict[str, str]:
    """``text=body,published=date`` -> {"text": "body", "published": "date"}."""
    mapping = {}
    for pair in filter(None, (p.strip() for p in text.split(","))):
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise argparse.ArgumentTypeError(f"'{pair}' is not FIELD=COLUMN")
        mapping[field.strip()] = column.strip()
    return mapping


def cmd_add(args: argparse.Namespace) -> int:
    from readout.corpus.add import add_inputs
    from readout.corpus.staging import StagingError

    try:
        report = add_inputs(
            args.inputs,
            raw_dir=args.raw,
            out_dir=args.out,
            column_map=args.map,
            progress=_progress,
            timeout=args.timeout,
            allow_private=args.allow_private_urls,
            jobs=args.jobs,
            cache_dir=None if str(args.cache) == "none" else args.cache,
            corrections=args.corrections,
        )
    except (ValueError, StagingError) as exc:  # a bad --map, an unreadable metadata.csv
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name in report.added:
        print(f"added {name}")
    for name, reason in report.skipped:
        print(f"skipped {name}: {reason}")
    if report.build is None:
        print("nothing new to add; the corpus and the snapshot are unchanged")
    else:
        _print_build(report.build)
    broken = [name for name, _ in report.skipped if name not in report.duplicates]
    return 1 if broken else 0


def _print_build(report) -> None:
    counts = ", ".join(f"{n} {name}" for name, n in report.counts.items())
    print(f"built {report.out} in {report.seconds:.1f}s: {counts}")
    print(f"analysed {report.analysed} article(s), reused {report.reused} from the cache")
    for skipped in report.corrections_skipped:
        print(f"correction on line {skipped['line']} not applied: {skipped['reason']}")


def cmd_corrections(args: argparse.Namespace) -> int:
    from readout.corpus.corrections import describe, export_corrections, load_corrections

    if args.action == "list":
        entries = load_corrections(args.file)
        for entry in entries:
            print(describe(entry))
        if not entries:
            print("no corrections")
        return 0
    if args.out is None:
        path = args.file
        sys.stdout.write(path.read_text("utf-8") if path and path.is_file() else "")
        return 0
    lines = export_corrections(args.out, args.file)
    print(f"exported {lines} correction(s) to {args.out}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    from readout.corpus.corrections import CORRECTIONS_FILE
    from readout.snapshot.cache import CACHE_DIR

    add = sub.add_parser("add", help="add articles (files or web addresses) and rebuild")
    add.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help="files or http(s) URLs")
    add.add_argument("--raw", type=Path, default=RAW_DIR, help="corpus folder (data/raw)")
    add.add_argument("--out", type=Path, default=PROCESSED_DIR, help="snapshot folder")
    add.add_argument(
        "--map",
        type=parse_map,
        default=None,
        metavar="FIELD=COLUMN,...",
        help="columns of CSV/JSONL inputs, e.g. text=body,published=date",
    )
    add.add_argument("--timeout", type=float, default=20.0, help="seconds per web page")
    add.add_argument("--jobs", type=int, default=1, help="worker processes for the NLP stage")
    add.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="also fetch addresses on this machine or a private network",
    )
    add.add_argument("--cache", type=Path, default=CACHE_DIR, help="NLP cache ('none': off)")
    add.add_argument("--corrections", type=Path, default=CORRECTIONS_FILE, help="corrections")
    add.set_defaults(func=cmd_add)
    fix = sub.add_parser("corrections", help="list or export the corrections file")
    fix.add_argument("action", choices=["list", "export"])
    fix.add_argument("--file", type=Path, default=CORRECTIONS_FILE, help="corrections.jsonl")
    fix.add_argument("--out", type=Path, default=None, help="export to FILE (default: stdout)")
    fix.set_defaults(func=cmd_corrections)
