"""Add articles to the corpus (files, uploads, web pages) and rebuild the snapshot.

``add_inputs`` is the one entry point, for the command line and for the app. Its guarantee:
nothing already in the corpus changes or is lost, and an import that fails or is killed at
any point leaves ``data/raw`` as it was. It works like this, holding a lock on the folder:

1. every input is read into a staging folder beside ``data/raw`` (``.raw.staging-*``), with
   ``readout.ingest.sources`` exactly as a build reads it; a bad input is skipped with its reason;
2. exact duplicates (same normalised text) and near duplicates (wire copy, see
   ``readout.corpus.dedupe``) of the corpus or of each other are skipped;
3. the staging folder gets hard links to every file of ``data/raw`` and, when web pages or
   uploads bring metadata, a new ``metadata.csv``, and the snapshot is built from it;
4. only then a commit plan is written and the new files and ``metadata.csv`` are moved into
   ``data/raw`` with ``os.replace``. A crash during that step is completed (rolled forward)
   by the next import; a crash before it leaves only a staging folder, removed next time.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from readout import PROCESSED_DIR, RAW_DIR
from readout.corpus.add_stage import (
    MAX_UPLOAD,
    Skip,
    Staged,
    UploadedBytes,
    check_column_map,
    describe_input,
    is_web_address,
    read_path,
    stage_bytes,
    stage_url,
    unique_name,
    write_collection,
)
from readout.corpus.dedupe import Corpus, drop_duplicates
from readout.corpus.staging import (
    PLAN,
    commit,
    link_existing,
    locked,
    make_staging,
    metadata_text,
    recover,
    relabel_manifest,
)
from readout.ingest import meta_merge
from readout.ingest.fetch import TIMEOUT
from readout.ingest.sources import METADATA, read_file
from readout.snapshot.build import BuildReport, build_snapshot

__all__ = ["AddReport", "UploadedBytes", "add_inputs"]
SCRATCH = ".incoming"
Progress = Callable[[int, int, str], None]
Input = str | Path | UploadedBytes


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)  # article files, as in the snapshot
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (input or row, reason)
    duplicates: list[str] = field(default_factory=list)  # the skipped that were duplicates
    build: BuildReport | None = None


# --- reading the inputs --------------------------------------------------------------------


@dataclass
class _Options:
    scratch: Path
    mapping: dict[str, str]
    max_bytes: int
    timeout: float
    allow_private: bool


def _meta_row(values: dict | None) -> dict | None:
    row = {f: meta_merge.cell(values.get(f)) for f in meta_merge.FIELDS} if values else {}
    return {k: v for k, v in row.items() if v} or None


def _stage_one(item: Input, corpus: Corpus, opt: _Options) -> Staged:
    display = describe_input(item)
    if isinstance(item, UploadedBytes):
        return stage_bytes(
            display,
            item.name,
            item.data,
            opt.scratch,
            mapping=opt.mapping,
            row=_meta_row(item.meta),
            max_bytes=opt.max_bytes,
        )
    if is_web_address(item):
        url = str(item).strip()
        if url in corpus.urls:
            raise Skip(f"already in the corpus as {corpus.urls[url]}")
        return stage_url(
            url,
            opt.scratch,
            max_bytes=opt.max_bytes,
            timeout=opt.timeout,
            allow_private=opt.allow_private,
        )
    path = Path(item)
    if not path.exists() and str(item).startswith("www."):
        raise Skip("file not found (for a web page, write the address with https://)")
    data = read_path(path, opt.max_bytes)
    return stage_bytes(
        display,
        path.name,
        data,
        opt.scratch,
        mapping=opt.mapping,
        row=None,
        max_bytes=opt.max_bytes,
    )


def _stage_all(
    inputs: Sequence[Input], corpus: Corpus, opt: _Options, report: AddReport, say: Progress
) -> list[Staged]:
    staged = []
    for number, item in enumerate(inputs):
        display = describe_input(item)
        say(number, len(inputs), f"Reading {display}")
        try:
            one = _stage_one(item, corpus, opt)
        except Skip as exc:
            report.skipped.append((display, str(exc)))
            report.duplicates += [display] if "already in the corpus" in str(exc) else []
            continue
        except Exception as exc:  # one bad input never stops the others
            report.skipped.append((display, f"could not be read ({type(exc).__name__}: {exc})"))
            continue
        report.skipped += [(r.file, r.reason) for r in one.rejected]
        staged.append(one)
    return staged


# --- writing, building, committing ---------------------------------------------------------


def _write_staged(staged: list[Staged], staging: Path, raw_dir: Path, report: AddReport):
    """New files into the staging folder under free names, each read back as a build will;
    returns their names and their metadata.csv rows."""
    taken = {p.name.lower() for p in raw_dir.iterdir()} if raw_dir.is_dir() else set()
    taken.add(METADATA)
    files, meta_rows = [], []
    for item in staged:
        item.name = unique_name(item.name, taken)
        path = staging / item.name
        if item.rows:
            write_collection(path, item.rows)
        else:
            path.write_bytes(item.data or b"")
        overrides = {item.name: item.meta_row} if item.meta_row else {}
        found, _ = read_file(path, path.stat().st_size + 1, overrides)
        if len(found) != len(item.articles):  # cannot happen unless sources changed
            path.unlink()
            report.skipped.append((item.display, "could not be read back after staging"))
            continue
        files.append(item.name)
        report.added += [a.file for a in found]
        meta_rows += [{"file": item.name, **item.meta_row}] if item.meta_row else []
    return files, meta_rows


def _build_and_commit(
    staged: list[Staged],
    staging: Path,
    raw_dir: Path,
    out_dir: Path,
    report: AddReport,
    say: Progress,
    build_options: dict,
) -> None:
    files, meta_rows = _write_staged(staged, staging, raw_dir, report)
    shutil.rmtree(staging / SCRATCH, ignore_errors=True)
    if not files:
        return
    if meta_rows:
        (staging / METADATA).write_text(metadata_text(raw_dir, meta_rows), "utf-8")
    link_existing(raw_dir, staging, except_names={METADATA} if meta_rows else set())
    say(0, 1, f"Building the snapshot with {len(report.added)} new article(s)")
    report.build = build_snapshot(staging, out_dir, progress=say, **build_options)
    commit(staging, raw_dir, files, bool(meta_rows))
    relabel_manifest(out_dir, raw_dir)


def add_inputs(
    inputs: Sequence[Input],
    *,
    raw_dir: Path = RAW_DIR,
    out_dir: Path = PROCESSED_DIR,
    column_map: dict[str, str] | None = None,
    progress: Progress | None = None,
    max_bytes: int = MAX_UPLOAD,
    timeout: float = TIMEOUT,
    allow_private: bool = False,
    **build_options,
) -> AddReport:
    """Add files, uploads (``UploadedBytes``) and web addresses to ``raw_dir`` and rebuild
    ``out_dir``. ``column_map`` maps fields to a collection's columns ({"text": "body"});
    ``build_options`` go to ``build_snapshot`` (jobs, model, cache_dir, corrections ...).
    Raises ValueError for a bad column map; a failed build raises, changing nothing."""
    mapping = check_column_map(column_map)
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    say = progress or (lambda done, total, message: None)
    report = AddReport()
    with locked(raw_dir):
        recover(raw_dir)
        staging = make_staging(raw_dir)
        try:
            corpus = Corpus.load(raw_dir, out_dir)
            opt = _Options(staging / SCRATCH, mapping, max_bytes, timeout, allow_private)
            staged = _stage_all(list(inputs), corpus, opt, report, say)
            staged = drop_duplicates(staged, corpus, report.skipped, report.duplicates)
            if staged:
                _build_and_commit(staged, staging, raw_dir, out_dir, report, say, build_options)
        finally:
            if not (staging / PLAN).exists():  # not committing: the raw folder is untouched
                shutil.rmtree(staging, ignore_errors=True)
    return report
