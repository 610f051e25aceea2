"""Briefings: ordered lists of saved views, stored as human-readable JSON. Pure: no Streamlit.

One file per briefing in ``data/briefings/`` (``$READOUT_BRIEFINGS`` overrides the folder)::

    {"format": "readout-briefing", "version": 1, "id": "china-russia-march",
     "title": "China–Russia, March", "views": [
        {"page": "timeline", "params": {"outlet": ["EWN"], "lanes": ["Country"]},
         "title": "Wang Yi in Moscow", "note": "Three outlets report the visit."}]}

``page`` is the page's URL path ("" for the Overview); ``params`` its query parameters, a
list of values per key, with ids where the URL shows a label: ``"actor": ["wang-yi"]``, not
"Wang Yi" (``url_state.to_ids``). A briefing saved with labels still loads: ``resolved``
maps each label to its id when exactly one id has it.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from dashboard.model import Snapshot
from dashboard.text import theme_label
from dashboard.url_state import PAGE_FILES, Labels, to_ids, view_params
from readout import ROOT

FORMAT = "readout-briefing"
VERSION = 1
ENV_FOLDER = "READOUT_BRIEFINGS"
MAX_BYTES = 1_000_000


class BriefingError(ValueError):
    """A briefing file that cannot be used; the message says why, for the person importing it."""


@dataclass(frozen=True)
class View:
    page: str
    params: dict[str, list[str]] = field(default_factory=dict)
    title: str = ""
    note: str = ""


@dataclass(frozen=True)
class Briefing:
    id: str
    title: str
    views: tuple[View, ...] = ()

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "id": self.id,
            "title": self.title,
            "views": [asdict(v) for v in self.views],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def folder() -> Path:
    env = os.environ.get(ENV_FOLDER)
    return Path(env) if env else ROOT / "data" / "briefings"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "briefing"


def _params(raw, where: str) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        raise BriefingError(f"{where}: 'params' must be an object of query parameters")
    out = {}
    for key, value in raw.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str | int | float | bool) for v in values):
            raise BriefingError(f"{where}: parameter '{key}' must be a string or a list of strings")
        out[str(key)] = [str(v) for v in values]
    return view_params(out)


def _view(raw, n: int) -> View:
    where = f"view {n}"
    if not isinstance(raw, dict):
        raise BriefingError(f"{where} must be an object with 'page', 'params', 'title', 'note'")
    page = raw.get("page", "")
    if page not in PAGE_FILES:
        known = ", ".join(repr(p) for p in PAGE_FILES)
        raise BriefingError(f"{where}: unknown page {page!r} (one of {known})")
    for key in ("title", "note"):
        if not isinstance(raw.get(key, ""), str):
            raise BriefingError(f"{where}: '{key}' must be text")
    return View(
        page, _params(raw.get("params", {}), where), raw.get("title", ""), raw.get("note", "")
    )


def parse_briefing(data: bytes | str) -> Briefing:
    """A briefing from JSON text, validated; raises BriefingError saying what is wrong."""
    if len(data) > MAX_BYTES:
        raise BriefingError("The file is larger than 1 MB: not a briefing.")
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BriefingError(f"Not valid JSON: {exc}") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BriefingError(f'Not a Readout briefing: expected "format": "{FORMAT}".')
    if raw.get("version") != VERSION:
        raise BriefingError(f"Unsupported briefing version {raw.get('version')!r} (expected 1).")
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise BriefingError("The briefing has no title.")
    views = raw.get("views")
    if not isinstance(views, list):
        raise BriefingError("'views' must be a list of views.")
    ident = raw.get("id") if isinstance(raw.get("id"), str) else ""
    return Briefing(
        slug(ident or title), title.strip(), tuple(_view(v, i + 1) for i, v in enumerate(views))
    )


def load_all(where: Path | None = None) -> dict[str, Briefing]:
    """Every readable briefing in the folder, by id (unreadable files are skipped)."""
    where = where or folder()
    found = {}
    for path in sorted(where.glob("*.json")) if where.exists() else []:
        try:
            briefing = parse_briefing(path.read_bytes())
        except (OSError, BriefingError):
            continue
        found[path.stem] = replace(briefing, id=path.stem)
    return found


def save(briefing: Briefing, where: Path | None = None) -> Path:
    """Write the briefing to ``<id>.json`` (atomically: a temporary file, then a rename)."""
    where = where or folder()
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"{briefing.id}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(briefing.to_json(), encoding="utf-8")
    tmp.replace(path)
    return path


def delete(briefing_id: str, where: Path | None = None) -> None:
    (where or folder()).joinpath(f"{briefing_id}.json").unlink(missing_ok=True)


def free_id(title: str, taken) -> str:
    base = slug(title)
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def move(views: tuple[View, ...], index: int, delta: int) -> tuple[View, ...]:
    """The views with the one at ``index`` moved by ``delta`` places (clamped)."""
    items = list(views)
    target = max(0, min(len(items) - 1, index + delta))
    items.insert(target, items.pop(index))
    return tuple(items)


def remove(views: tuple[View, ...], index: int) -> tuple[View, ...]:
    return tuple(v for i, v in enumerate(views) if i != index)


def labels_of(full: Snapshot) -> Labels:
    """The labels the app's widgets show for ids (actor names, theme labels)."""

    def build() -> Labels:
        themes = {t for ts in full.statements["themes"] for t in ts}
        return {"actor": dict(full.names), "theme": {t: theme_label(t) for t in themes}}

    return full.derived("briefing_labels", build)


def resolved(briefing: Briefing, full: Snapshot) -> Briefing:
    """The briefing with every view's labels replaced by ids (for briefings saved by name)."""
    labels = labels_of(full)
    views = tuple(replace(v, params=to_ids(v.params, labels)) for v in briefing.views)
    return replace(briefing, views=views)
