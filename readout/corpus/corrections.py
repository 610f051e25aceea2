"""Human corrections: an append-only JSON Lines file, applied after every build.

Each line of ``data/corrections.jsonl`` is one correction a person made, for example::

    {"at": "2025-04-02T09:30:00+00:00", "action": "reassign_speaker", "article_id": "a1b2",
     "start": 120, "end": 188, "speaker_id": "wang-yi", "note": "Wang, not Lavrov"}

Corrections are keyed on ids that survive rebuilds: an article by ``article_id`` (a hash of
its file name), a statement by its article and character offsets (with its text as a
fallback), an event by ``event_id`` with ``was`` (type, participants, date) as a fallback, an
actor by ``actor_id``. A correction whose target is gone is reported, never fatal.

The actions, their target fields and new values are declared in
``readout.corpus.correction_actions.ACTIONS``; the effect of each on the tables is in
``readout.corpus.correct_tables``. API for the app: ``record_correction`` (which raises
``readout.corpus.correction_actions.CorrectionError``), ``load_corrections``, ``apply_corrections``,
``event_was``.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path

from readout import DATA_DIR
from readout.corpus.correction_actions import ARTICLE_FIELDS, CorrectionError, validate
from readout.snapshot.records import CleanArticle

CORRECTIONS_FILE = DATA_DIR / "corrections.jsonl"

# --- the file -------------------------------------------------------------------------------


def record_correction(action: str, *, path: Path | None = None, **fields) -> dict:
    """Validate one correction and append it as one line; returns what was stored."""
    entry = validate(action, fields)
    path = Path(path or CORRECTIONS_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    # one write() of one line in append mode: concurrent writers never interleave a line
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        if os.fstat(fd).st_size and not _ends_with_newline(path):
            line = "\n" + line  # a hand edit left the last line open
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return entry


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def load_corrections(path: Path | None = None) -> list[dict]:
    """Every line, in order, each with ``_line``; a line that is not a valid correction
    comes back as ``{"_line": n, "_error": why}`` so that applying reports it."""
    path = Path(path or CORRECTIONS_FILE)
    if not path.is_file():
        return []
    entries = []
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        entries.append({**_parse_line(line), "_line": number})
    return entries


def _parse_line(line: str) -> dict:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"_error": f"not valid JSON ({exc.msg} at column {exc.colno})"}
    if not isinstance(data, dict):
        return {"_error": "not a JSON object"}
    fields = {k: v for k, v in data.items() if k != "action"}
    try:
        return validate(str(data.get("action")), fields)
    except CorrectionError as exc:
        return {"_error": str(exc), "action": data.get("action")}


def corrections_fingerprint(path: Path | None) -> str:
    """Changes whenever the file does, so that a new correction triggers a rebuild."""
    if path is None or not Path(path).is_file():
        return "none"
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def export_corrections(out: Path, path: Path | None = None) -> int:
    """Copy the corrections file (the export is the file itself); returns lines copied."""
    source = Path(path or CORRECTIONS_FILE)
    data = source.read_bytes() if source.is_file() else b""
    tmp = Path(out).with_name(f".{Path(out).name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    return sum(1 for line in data.splitlines() if line.strip())


def describe(entry: dict) -> str:
    """One line for people: ``12  2025-04-02T09:30  merge_actors  actor_id=... (note)``."""
    if "_error" in entry:
        return f"{entry['_line']:>4}  invalid: {entry['_error']}"
    skip = {"_line", "at", "action", "note"}
    values = "  ".join(
        f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in entry.items() if k not in skip
    )
    note = f"  ({entry['note']})" if entry.get("note") else ""
    return f"{entry['_line']:>4}  {entry['at'][:16]}  {entry['action']}  {values}{note}"


# --- applying --------------------------------------------------------------------------------


def event_was(row: dict) -> dict:
    """The fallback key of an event row, to pass as ``was`` when correcting it."""
    from readout.corpus.correct_tables import event_key

    return event_key(dict(row))


def correct_articles(articles: list[CleanArticle], corrections: list[dict]) -> list[CleanArticle]:
    """Article metadata corrections, applied before the NLP stage so that relative dates
    ("on Tuesday") resolve against a corrected publication date."""
    from readout.snapshot.tables import article_id_for

    edits: dict[str, dict] = {}
    for entry in corrections:
        if entry.get("action") == "edit_article" and "_error" not in entry:
            values = {k: entry[k] for k in ARTICLE_FIELDS if k in entry}
            edits.setdefault(entry["article_id"], {}).update(values)
    if not edits:
        return articles
    return [replace(a, **edits.get(article_id_for(a.file), {})) for a in articles]


def apply_corrections(tables: dict, corrections: list[dict] | None = None) -> tuple[dict, list]:
    """Tables (lists of row dicts or DataFrames) with every correction applied in order,
    and the corrections that could not be applied, with why. The input is not modified;
    rows that a correction touched get ``corrected=True``."""
    from readout.corpus.correct_tables import apply_all

    if corrections is None:
        corrections = load_corrections()
    return apply_all(tables, corrections)
