"""The one fixture corpus of the unit, AppTest and browser tests, written with the real store
and schema.

Snapshot variants (``write_fixture(out, variant)``, ``fixture_rows(variant)``):

- ``full``: the main corpus (tests/fixture_corpus.py): six articles on Wang Yi's Moscow
  visit and older talks, one a wire copy; ten actors, eight statements, five events.
- ``sparse``: the same articles, actors and mentions, no statements or events yet.
- ``empty``: every table empty (a build of an empty folder).
- ``dossier``: one event whose two sides differ (tests/fixture_dossier.py).

A test that needs one odd row passes ``edit`` (a function changing the rows in place) rather
than writing tables of its own. Every variant is written with the same manifest.

The import and correction tests need raw article files the real pipeline builds: ``make_corpus``
gives an editable copy of the bundled articles with its snapshot, cache and corrections file,
handed to the app through READOUT_RAW, READOUT_SNAPSHOT, READOUT_CACHE and READOUT_CORRECTIONS
(so no test writes to the repository's data/); GOOD_TXT, XSS_TXT and BINARY are files to
import.

    python -m tests.fixtures_snapshot /tmp/fixture_snap [variant]   # write one to look at
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa

from readout import RAW_DIR
from readout.snapshot.schema import TABLE_NAMES, to_arrow
from readout.snapshot.store import write_snapshot
from tests import fixture_corpus, fixture_dossier

BUILT_AT = "2025-04-02T09:30:00+00:00"
MANIFEST = {
    "model": "en_core_web_sm",
    "model_version": "3.8.0",
    "spacy_version": "3.8.18",
    "pipeline_version": "fixture",
    "built_at": BUILT_AT,
    "source": "tests/fixtures",
    "rejected": [{"file": "broken.pdf", "reason": "not an article format Readout reads"}],
    "fingerprints": {"source": "fixture"},
}

# variant -> (corpus rows, tables left empty)
VARIANTS: dict[str, tuple[Callable[[], dict[str, list[dict]]], tuple[str, ...]]] = {
    "full": (fixture_corpus.rows, ()),
    "sparse": (fixture_corpus.rows, ("statements", "events", "event_sources")),
    "empty": (fixture_corpus.rows, TABLE_NAMES),
    "dossier": (fixture_dossier.rows, ()),
}

Edit = Callable[[dict[str, list[dict]]], None]


def fixture_rows(variant: str = "full") -> dict[str, list[dict]]:
    """A fresh copy of the variant's rows, one list per table of TABLE_NAMES."""
    make, emptied = VARIANTS[variant]
    rows = make()
    return {name: [] if name in emptied else rows.get(name, []) for name in TABLE_NAMES}


def fixture_tables(variant: str = "full", edit: Edit | None = None) -> dict[str, pa.Table]:
    """The variant as the store's tables, after ``edit(rows)`` if given."""
    rows = fixture_rows(variant)
    if edit is not None:
        edit(rows)
    return {name: to_arrow(name, rows[name]) for name in TABLE_NAMES}


def fixture_frames(variant: str = "full", edit: Edit | None = None) -> dict:
    """The variant's tables as a read snapshot gives them (pandas), for view-model tests."""
    return {name: t.to_pandas() for name, t in fixture_tables(variant, edit).items()}


def write_fixture(out: Path, variant: str = "full", edit: Edit | None = None) -> Path:
    """Write the fixture snapshot ``variant`` (after ``edit``) to ``out``; return its folder."""
    return write_snapshot(fixture_tables(variant, edit), Path(out), dict(MANIFEST))


# --- an editable corpus of raw articles, built by the real pipeline ------------------------

GOOD_TXT = (
    "Lavrov and Wang hold talks in Beijing\n\n"
    "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on "
    "Monday, the Chinese foreign ministry said. Wang Yi said China would keep working for "
    "peace talks.\n"
)
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
XSS_TXT = (
    "China and Russia hold talks <script>window.__xss=1</script> "
    '<img src=x onerror="window.__xss=2">'
    "\n\nMOSCOW, April 1 (Reuters) - Chinese Foreign Minister Wang Yi met Russian Foreign "
    'Minister Sergei Lavrov in Moscow on Tuesday. <img src=x onerror="window.__xss=2"> '
    "<script>window.__xss=1</script> Wang Yi said China was ready to play a constructive role "
    "in ending the conflict through peace talks.\n"
)


def make_corpus(base: Path, build: bool = True) -> dict[str, Path]:
    """Folders of an editable corpus under ``base``; the snapshot is built unless ``build`` is
    False (then the app builds it on its first start)."""
    paths = {
        "raw": base / "raw",
        "snapshot": base / "snapshot",
        "cache": base / "cache",
        "corrections": base / "corrections.jsonl",
    }
    shutil.copytree(RAW_DIR, paths["raw"])
    for path in paths["raw"].iterdir():
        path.chmod(0o644)
    if build:
        from readout.snapshot.build import build_snapshot

        build_snapshot(
            paths["raw"],
            paths["snapshot"],
            cache_dir=paths["cache"],
            corrections=paths["corrections"],
        )
    return paths


def corpus_env(paths: dict[str, Path]) -> dict[str, str]:
    return {
        "READOUT_RAW": str(paths["raw"]),
        "READOUT_SNAPSHOT": str(paths["snapshot"]),
        "READOUT_CACHE": str(paths["cache"]),
        "READOUT_CORRECTIONS": str(paths["corrections"]),
    }


def copy_corpus(paths: dict[str, Path], base: Path) -> dict[str, Path]:
    """A private copy (raw, snapshot, corrections; the cache is shared) for one test."""
    copy = {"cache": paths["cache"], "corrections": base / "corrections.jsonl"}
    for name in ("raw", "snapshot"):
        copy[name] = base / name
        shutil.copytree(paths[name], copy[name])
    if paths["corrections"].is_file():
        shutil.copy2(paths["corrections"], copy["corrections"])
    return copy


if __name__ == "__main__":
    where = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/fixture_snap")
    print(write_fixture(where, sys.argv[2] if len(sys.argv) > 2 else "full"))
