"""Human corrections: an append-only JSON Lines file, applied after every build.

Each line of ``data/corrections.jsonl`` is one correction a person made, for example::

    {"at": "2025-04-02T09:30:00+00:00", "action": "reassign_speaker", "article_id": "a1b2",
     "start": 120, "end": 188, "speaker_id": "wang-yi", "note": "Wang, not Lavrov"}

Corrections are keyed on ids that survive rebuilds: an article by ``article_id`` (a hash of
its file name), a statement by its article and character offsets (with its text as a
fallback), an event by ``event_id`` with ``was`` (type, participants, date) as a fallback, an
actor by ``actor_id``. A correction whose target is gone is reported, never fatal.

The actions, their target fields and new values are declared in ``ACTIONS``; the effect of
each on the tables is in ``readout.correct_tables``. API for the app: ``record_correction``,
``load_corrections``, ``apply_corrections``, ``event_was``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from readout import DATA_DIR
from readout.meta import normalize_date
from readout.records import CleanArticle

CORRECTIONS_FILE = DATA_DIR / "corrections.jsonl"
EVENT_TYPES = ("visit", "meeting", "talks", "call", "summit")
ARTICLE_FIELDS = ("title", "outlet", "published", "url")
EVENT_FIELDS = ("type", "date", "end_date", "place", "participants", "date_precision")
COMMON = ("at", "note")


class CorrectionError(ValueError):
    """A correction that cannot be recorded; the message says which field and why."""


# --- field checks: each returns the value to store, or raises CorrectionError -----------


def _id(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError("must be a non-empty id")
    return value.strip()


def _id_or_none(value: object) -> str | None:
    return None if value is None else _id(value)


def _offset(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CorrectionError("must be a character offset (a whole number >= 0)")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError("must be non-empty text")
    return " ".join(value.split())


def _text_or_none(value: object) -> str | None:
    return None if value is None else _text(value)


def _date_or_none(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d\d)?", value.strip()):
        return value.strip()  # a month or a year: precision is derived when applied
    iso = normalize_date(value)
    if iso is None:
        raise CorrectionError(f"cannot read the date {value!r}; write it as YYYY-MM-DD")
    return iso


def _day_or_none(value: object) -> str | None:
    iso = None if value is None else normalize_date(value)
    if value is not None and iso is None:
        raise CorrectionError(f"cannot read the date {value!r}; write it as YYYY-MM-DD")
    return iso


def _ids(value: object) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise CorrectionError("must be a list of ids")
    return list(dict.fromkeys(_id(v) for v in value))


def _nonempty_ids(value: object) -> list[str]:
    ids = _ids(value)
    if not ids:
        raise CorrectionError("must name at least one id")
    return ids


def _event_type(value: object) -> str:
    if value not in EVENT_TYPES:
        raise CorrectionError(f"must be one of {', '.join(EVENT_TYPES)}")
    return str(value)


def _precision(value: object) -> str:
    if value not in ("day", "month", "year", "unknown"):
        raise CorrectionError("must be one of day, month, year, unknown")
    return str(value)


def _was(value: object) -> dict:
    if not isinstance(value, dict):
        raise CorrectionError("must be an object with the event's type, participants and date")
    return {
        "type": _event_type(value.get("type")),
        "participants": sorted(_ids(value.get("participants") or [])),
        "date": _date_or_none(value.get("date")),
    }


def _note(value: object) -> str:
    return "" if value is None else str(value)


Check = Callable[[object], object]
# action -> (required fields, optional fields, fields of which at least one must be given)
ACTIONS: dict[str, tuple[dict[str, Check], dict[str, Check], tuple[str, ...]]] = {
    "edit_article": (
        {"article_id": _id},
        {"title": _text_or_none, "outlet": _text_or_none, "url": _text_or_none}
        | {"published": _day_or_none},
        ARTICLE_FIELDS,
    ),
    "reassign_speaker": (
        {"article_id": _id, "start": _offset, "end": _offset, "speaker_id": _id_or_none},
        {"text": _text, "statement_id": _id},
        (),
    ),
    "edit_event": (
        {"event_id": _id},
        {"was": _was, "type": _event_type, "date": _date_or_none, "end_date": _date_or_none}
        | {"place": _text_or_none, "participants": _ids, "date_precision": _precision},
        EVENT_FIELDS,
    ),
    "delete_event": ({"event_id": _id}, {"was": _was}, ()),
    "merge_actors": ({"actor_id": _id, "other_id": _id}, {}, ()),
    "split_actor": (
        {"actor_id": _id, "text": _text, "article_ids": _nonempty_ids},
        {"new_id": _id, "name": _text, "kind": _text, "country": _text_or_none},
        (),
    ),
    "add_alias": ({"actor_id": _id, "alias": _text}, {}, ()),
}


def validate(action: str, fields: dict) -> dict:
    """The correction as it will be stored (values normalised); raises CorrectionError."""
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    required, optional, one_of = ACTIONS[action]
    unknown = set(fields) - set(required) - set(optional) - set(COMMON)
    if unknown:
        allowed = ", ".join([*required, *optional, "note"])
        raise CorrectionError(
            f"{action}: unknown field(s) {', '.join(sorted(unknown))}; use {allowed}"
        )
    missing = [name for name in required if name not in fields]
    if missing:
        raise CorrectionError(f"{action}: missing {', '.join(missing)}")
    if one_of and not any(name in fields for name in one_of):
        raise CorrectionError(f"{action}: give at least one of {', '.join(one_of)}")
    entry: dict = {"at": fields.get("at") or _now(), "action": action}
    for name, check in {**required, **optional}.items():
        if name in fields:
            try:
                entry[name] = check(fields[name])
            except CorrectionError as exc:
                raise CorrectionError(f"{action}: {name} {exc}") from None
    if action == "reassign_speaker" and entry["end"] <= entry["start"]:
        raise CorrectionError(f"{action}: end must be after start")
    if action == "merge_actors" and entry["actor_id"] == entry["other_id"]:
        raise CorrectionError(f"{action}: an actor cannot be merged into itself")
    if fields.get("note"):
        entry["note"] = _note(fields["note"])
    return entry


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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
    from readout.correct_tables import event_key

    return event_key(dict(row))


def correct_articles(articles: list[CleanArticle], corrections: list[dict]) -> list[CleanArticle]:
    """Article metadata corrections, applied before the NLP stage so that relative dates
    ("on Tuesday") resolve against a corrected publication date."""
    from readout.tables import article_id_for

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
    from readout.correct_tables import apply_all

    if corrections is None:
        corrections = load_corrections()
    return apply_all(tables, corrections)
