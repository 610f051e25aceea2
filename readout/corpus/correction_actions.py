"""The correction actions: which fields each takes, and how each value is checked.

``ACTIONS`` declares, per action, its required fields, its optional ones and the fields of
which at least one must be given; ``validate`` turns what a person entered into the
correction as it is stored, or raises ``CorrectionError`` saying which field is wrong and
why. Separate from ``readout.corpus.corrections`` (the file: recording, loading, applying) because
this is the schema of one line, checked the same way when recording and when loading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from readout.ingest.meta import normalize_date
from readout.snapshot.schema import EVENT_TYPES

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
