"""An editable corpus in a temporary folder for the app's import and correction tests: a copy of
the bundled articles, its snapshot, an NLP cache and a corrections file, handed to the app
through READOUT_RAW, READOUT_SNAPSHOT, READOUT_CACHE and READOUT_CORRECTIONS (so no test
writes to the repository's data/)."""

from __future__ import annotations

import shutil
from pathlib import Path

from readout import RAW_DIR

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
