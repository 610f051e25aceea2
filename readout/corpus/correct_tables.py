"""What each correction of ``readout.corpus.corrections`` does to the snapshot's tables.

Every handler takes the tables (name -> list of row dicts, already copied) and one validated
correction, changes the rows in place and returns None, or returns why it could not be
applied. Rows that a correction touched get ``corrected=True``.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable

import pandas as pd

from readout.knowledge import slugify

CORRECTABLE = ("articles", "statements", "events", "actors")
Tables = dict[str, list[dict]]


def _key(text: object) -> str:
    """Surface forms compared case-insensitively, with any script kept."""
    normal = unicodedata.normalize("NFKC", str(text or "")).replace("’", "'")
    return " ".join(normal.split()).casefold()


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _as_list(value: object) -> list:
    return [] if _missing(value) else list(value)  # type: ignore[arg-type]


def _unique(items: list) -> list:
    return list(dict.fromkeys(items))


def _mark(row: dict) -> None:
    row["corrected"] = True


def _one(rows: list[dict], column: str, value: object) -> dict | None:
    return next((r for r in rows if r.get(column) == value), None)


# --- articles and statements ---------------------------------------------------------------


def edit_article(t: Tables, e: dict) -> str | None:
    rows = [r for r in t.get("articles", []) if r.get("article_id") == e["article_id"]]
    if not rows:
        return f"article {e['article_id']} is not in the corpus"
    for row in rows:
        row.update({k: e[k] for k in ("title", "outlet", "published", "url") if k in e})
        _mark(row)
    return None


def reassign_speaker(t: Tables, e: dict) -> str | None:
    aid, where = e["article_id"], f"[{e['start']}:{e['end']}]"
    mine = [r for r in t.get("statements", []) if r.get("article_id") == aid]
    hits = [r for r in mine if r.get("start") == e["start"] and r.get("end") == e["end"]]
    if not hits and e.get("text"):  # the offsets moved (cleaning changed): match the words
        hits = [r for r in mine if _key(r.get("text")) == _key(e["text"])]
    if len(hits) != 1:
        what = "no statement" if not hits else f"{len(hits)} statements"
        return f"{what} at {where} in article {aid}"
    speaker = e["speaker_id"]
    if speaker and "actors" in t and _one(t["actors"], "actor_id", speaker) is None:
        return f"speaker {speaker} is not an actor in the snapshot"
    hits[0]["speaker_id"] = speaker
    _mark(hits[0])
    return None


# --- events --------------------------------------------------------------------------------


def event_key(row: dict) -> dict:
    """(type, sorted participants, date): how an event is found when its id changed."""
    return {
        "type": row.get("type"),
        "participants": sorted(_as_list(row.get("participants"))),
        "date": None if _missing(row.get("date")) else row.get("date"),
    }


def _event(t: Tables, e: dict) -> tuple[dict | None, str | None]:
    events = t.get("events", [])
    hits = [r for r in events if r.get("event_id") == e["event_id"]]
    if not hits and "was" in e:  # ids come from the merge and may change: match the event
        hits = [r for r in events if event_key(r) == e["was"]]
    if not hits:
        return None, f"event {e['event_id']} is no longer in the snapshot"
    if len(hits) > 1:
        return None, f"event {e['event_id']} matches {len(hits)} events; correct it again"
    return hits[0], None


def _set_date(row: dict, value: str | None, precision: str | None) -> None:
    if value is None:
        row["date"], row["date_precision"] = None, "unknown"
        return
    padded = {4: "-01-01", 7: "-01"}.get(len(value), "")
    row["date"] = value + padded
    row["date_precision"] = precision or {4: "year", 7: "month"}.get(len(value), "day")


def edit_event(t: Tables, e: dict) -> str | None:
    row, reason = _event(t, e)
    if row is None:
        return reason
    for name in ("type", "end_date", "place", "date_precision"):
        if name in e:
            row[name] = e[name]
    if "participants" in e:
        row["participants"] = list(e["participants"])
    if "date" in e:
        _set_date(row, e["date"], e.get("date_precision"))
    _mark(row)
    return None


def delete_event(t: Tables, e: dict) -> str | None:
    row, reason = _event(t, e)
    if row is None:
        return reason
    t["events"] = [r for r in t["events"] if r is not row]
    if "event_sources" in t:
        t["event_sources"] = [r for r in t["event_sources"] if r["event_id"] != row["event_id"]]
    return None


# --- actors --------------------------------------------------------------------------------


def _rename_references(t: Tables, old: str, new: str) -> None:
    """Every reference to actor ``old`` becomes ``new``."""
    for row in t.get("mentions", []):
        if row.get("actor_id") == old:
            row["actor_id"] = new
    for row in t.get("roles", []):
        if row.get("actor_id") == old:
            row["actor_id"] = new
    for row in t.get("statements", []):
        for column in ("speaker_id", "addressee_id"):
            if row.get(column) == old:
                row[column] = new
                _mark(row)
    for row in t.get("events", []):
        people = _as_list(row.get("participants"))
        if old in people:
            row["participants"] = _unique([new if p == old else p for p in people])
            _mark(row)


def merge_actors(t: Tables, e: dict) -> str | None:
    actors = t.get("actors", [])
    keep, gone = _one(actors, "actor_id", e["actor_id"]), _one(actors, "actor_id", e["other_id"])
    if keep is None:
        return f"actor {e['actor_id']} is not in the snapshot"
    if gone is None:
        return f"actor {e['other_id']} is not in the snapshot (already merged?)"
    names = [gone.get("name"), *_as_list(gone.get("aliases")), *_as_list(keep.get("aliases"))]
    keep["aliases"] = _unique([n for n in names if n and n != keep.get("name")])
    t["actors"] = [r for r in actors if r is not gone]
    _rename_references(t, e["other_id"], e["actor_id"])
    _mark(keep)
    return None


def _add_alias_to(row: dict, alias: str) -> None:
    if alias != row.get("name"):
        row["aliases"] = _unique([*_as_list(row.get("aliases")), alias])
    _mark(row)


def split_actor(t: Tables, e: dict) -> str | None:
    actors = t.get("actors", [])
    source = _one(actors, "actor_id", e["actor_id"])
    if source is None:
        return f"actor {e['actor_id']} is not in the snapshot"
    new_id = e.get("new_id") or slugify(e.get("name") or e["text"])
    if new_id == e["actor_id"]:
        return f"the new actor needs an id other than {new_id} (give new_id)"
    text, where = _key(e["text"]), set(e["article_ids"])

    def moves(row: dict, column: str, surface: str) -> bool:
        chosen = row.get("article_id") in where and row.get(column) == e["actor_id"]
        return chosen and _key(row.get(surface)) == text

    mentions = [m for m in t.get("mentions", []) if moves(m, "actor_id", "text")]
    said = [s for s in t.get("statements", []) if moves(s, "speaker_id", "speaker_text")]
    if not mentions and not said:
        return f"no mention '{e['text']}' of {e['actor_id']} in {', '.join(sorted(where))}"
    for row in mentions:
        row["actor_id"] = new_id
    for row in said:
        row["speaker_id"] = new_id
        _mark(row)
    target = _one(actors, "actor_id", new_id)
    if target is None:
        target = {column: None for column in source} | {
            "actor_id": new_id,
            "name": e.get("name") or e["text"],
            "kind": e.get("kind") or source.get("kind"),
            "country": e.get("country"),
            "aliases": [],
            "in_knowledge_base": False,
        }
        actors.append(target)
    _add_alias_to(target, e["text"])
    return None


def add_alias(t: Tables, e: dict) -> str | None:
    row = _one(t.get("actors", []), "actor_id", e["actor_id"])
    if row is None:
        return f"actor {e['actor_id']} is not in the snapshot"
    _add_alias_to(row, e["alias"])
    alias = _key(e["alias"])
    for mention in t.get("mentions", []):  # unlinked mentions of the alias now link
        if _missing(mention.get("actor_id")) and _key(mention.get("text")) == alias:
            mention["actor_id"] = e["actor_id"]
    for said in t.get("statements", []):
        if _missing(said.get("speaker_id")) and _key(said.get("speaker_text")) == alias:
            said["speaker_id"] = e["actor_id"]
            _mark(said)
    return None


HANDLERS: dict[str, Callable[[Tables, dict], str | None]] = {
    "edit_article": edit_article,
    "reassign_speaker": reassign_speaker,
    "edit_event": edit_event,
    "delete_event": delete_event,
    "merge_actors": merge_actors,
    "split_actor": split_actor,
    "add_alias": add_alias,
}


# --- tables in, tables out -----------------------------------------------------------------


def _target(e: dict) -> str:
    names = ("article_id", "event_id", "actor_id", "other_id", "start", "end")
    return " ".join(f"{k}={e[k]}" for k in names if k in e)


def _rows(table: object) -> list[dict]:
    if isinstance(table, pd.DataFrame):
        records = table.to_dict("records")
        return [{k: None if _missing(v) else v for k, v in r.items()} for r in records]
    return [dict(row) for row in table]  # type: ignore[union-attr]


def _back(rows: list[dict], like: object, name: str) -> object:
    if not isinstance(like, pd.DataFrame):
        return rows
    columns = list(like.columns)
    if name in CORRECTABLE and "corrected" not in columns:
        columns.append("corrected")
    return pd.DataFrame(rows, columns=columns)


def apply_all(tables: dict, corrections: list[dict]) -> tuple[dict, list[dict]]:
    """See ``readout.corpus.corrections.apply_corrections``."""
    rows: Tables = {name: _rows(table) for name, table in tables.items()}
    for name in CORRECTABLE:
        for row in rows.get(name, []):
            row["corrected"] = bool(row.get("corrected") or False)
    skipped = []
    for entry in corrections:
        handler = HANDLERS.get(str(entry.get("action")))
        try:
            reason = entry.get("_error") or (handler(rows, entry) if handler else "unknown action")
        except Exception as exc:  # a correction must never break a build
            reason = f"could not be applied ({type(exc).__name__}: {exc})"
        if reason:
            skipped.append(
                {
                    "line": entry.get("_line"),
                    "action": entry.get("action"),
                    "target": _target(entry),
                    "reason": reason,
                }
            )
    return {name: _back(rows[name], tables[name], name) for name in tables}, skipped
