"""Pure helpers of the Import page: what was uploaded, which columns map to which field, and
the import's report sorted for people. No Streamlit here, so all of it is unit-tested.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath

from readout.corpus.add_stage import MAX_UPLOAD, TARGETS, safe_name
from readout.ingest.file_text import bytes_text
from readout.ingest.meta import normalize_date
from readout.ingest.sources import csv_delimiter
from readout.snapshot.records import Rejected

EXTENSIONS = ("txt", "html", "htm", "csv", "jsonl")
COLLECTIONS = (".csv", ".jsonl")
# Common column names of news exports, tried when a field has no column of its own name.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("body", "content", "article", "article_text", "full_text", "story", "maintext"),
    "title": ("headline", "heading", "name"),
    "outlet": ("source", "publication", "publisher", "site", "newspaper", "media"),
    "url": ("link", "href", "address", "original_url", "web_url"),
    "published": ("date", "pubdate", "publish_date", "published_at", "datetime", "time"),
    "agency": ("wire", "news_agency", "byline_agency"),
}
FIELD_HELP = {
    "text": "the article body (required)",
    "title": "headline",
    "outlet": "newspaper or site",
    "url": "address of the original",
    "published": "publication date",
    "agency": "news agency (AFP, Reuters ...)",
}


# What the page asks of each single article (a .txt or .html upload, or pasted text).
ARTICLE_FIELDS = ("title", "outlet", "published", "url")
FIELD_LABELS = {
    "title": "Title",
    "outlet": "Outlet",
    "published": "Date published",
    "url": "Web address",
}
EARLIEST_DAY = date(1945, 1, 1)  # older than any story this dashboard reads


def is_collection(name: str) -> bool:
    return PurePath(name).suffix.lower() in COLLECTIONS


def size_problem(size: int, limit: int = MAX_UPLOAD) -> str | None:
    """Why a file of ``size`` bytes is refused, or None."""
    if size > limit:
        return f"the file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit per file"
    return None


def detect_columns(name: str, data: bytes, max_lines: int = 200) -> list[str]:
    """The columns of a CSV (its header) or the fields of a JSONL file (its first lines),
    lower-cased as the import reads them; [] when none can be read."""
    text = bytes_text(name, data)  # decoded as the import will decode it (one decoder)
    if isinstance(text, Rejected):
        return []
    if PurePath(name).suffix.lower() == ".csv":
        try:
            header = next(csv.reader(io.StringIO(text), delimiter=csv_delimiter(text)))
        except (csv.Error, StopIteration):
            return []
        return list(dict.fromkeys(c.strip().lower() for c in header if c.strip()))
    seen: dict[str, None] = {}
    for line in text.splitlines()[:max_lines]:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            seen.update(dict.fromkeys(str(k).strip().lower() for k in record))
    return list(seen)


def suggest_mapping(columns: list[str]) -> dict[str, str | None]:
    """For each field: the column of that name, else a common synonym, else None."""
    chosen: dict[str, str | None] = {}
    for target in TARGETS:
        options = (target, *SYNONYMS.get(target, ()))
        chosen[target] = next((c for c in options if c in columns), None)
    return chosen


def column_map(mapping: dict[str, str | None]) -> dict[str, str]:
    """The ``column_map`` for ``add_inputs``: only fields read from another column."""
    return {field: col for field, col in mapping.items() if col and col != field}


def unused_columns(columns: list[str], mapping: dict[str, str | None]) -> list[str]:
    """Columns that no field reads: they are ignored by the import."""
    used = {c for c in mapping.values() if c}
    return [c for c in columns if c not in used and c not in TARGETS]


def mapping_problems(mapping: dict[str, str | None]) -> list[str]:
    """What stops an import of collections with this mapping."""
    problems = []
    if not mapping.get("text"):
        problems.append("Choose the column that holds the article text.")
    chosen = [c for c in mapping.values() if c]
    twice = sorted({c for c in chosen if chosen.count(c) > 1})
    if twice:
        problems.append(f"Each column can feed one field only: {', '.join(twice)}.")
    return problems


def parse_urls(text: str) -> tuple[list[str], list[str]]:
    """Web addresses, one per line (blank lines and duplicates dropped), and the lines that
    are not web addresses."""
    urls, bad = [], []
    for line in (line.strip() for line in (text or "").splitlines()):
        if not line:
            continue
        if line.lower().startswith(("http://", "https://")) and " " not in line:
            urls.append(line)
        else:
            bad.append(line)
    return list(dict.fromkeys(urls)), bad


@dataclass
class Outcome:
    """An import's report, sorted for the page."""

    added: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (input, why/of which)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    built: bool = False


def outcome(report, refused: list[tuple[str, str]] | None = None) -> Outcome:
    """Sort an ``AddReport`` (plus files refused before the import) into added, duplicates
    and skipped."""
    result = Outcome(added=list(report.added), built=report.build is not None)
    result.skipped += list(refused or [])
    dupes = set(report.duplicates)
    for name, reason in report.skipped:
        is_dupe = name in dupes or "duplicate" in reason or "already in the corpus" in reason
        (result.duplicates if is_dupe else result.skipped).append((name, reason))
    return result


# --- metadata of single articles -----------------------------------------------------------


def infer_fields(name: str, data: bytes) -> dict[str, str | None] | None:
    """Title, outlet, date, web address and agency of one uploaded article as the import will
    read them (``readout.ingest.sources``); None when it cannot be read (the import says why)."""
    from readout.ingest.sources import read_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / safe_name(name)
        path.write_bytes(data)
        found, _ = read_file(path, len(data) + 1)
    if len(found) != 1:
        return None
    article = found[0]
    return {f: getattr(article, f) for f in (*ARTICLE_FIELDS, "agency")}


def missing_fields(inferred: dict[str, str | None]) -> list[str]:
    return [f for f in ARTICLE_FIELDS if not inferred.get(f)]


def date_problem(text: str, today: date | None = None) -> str | None:
    """Why a typed publication date is refused, or None (blank is allowed: no date)."""
    text = (text or "").strip()
    if not text:
        return None
    iso = normalize_date(text)
    if not iso:
        return f"Cannot read the date '{text}': write it as YYYY-MM-DD, e.g. 2025-03-28."
    day, today = date.fromisoformat(iso), today or date.today()
    if day > today:
        return f"The date {iso} is in the future: an article is published by today at the latest."
    if day < EARLIEST_DAY:
        return f"The date {iso} is before {EARLIEST_DAY.year}: check the year."
    return None


def url_problem(text: str) -> str | None:
    text = (text or "").strip()
    if text and (not text.lower().startswith(("http://", "https://")) or " " in text):
        return f"Not a web address: '{text}'. Start it with https:// (no spaces)."
    return None


def typed_metadata(
    typed: dict[str, str], inferred: dict[str, str | None], today: date | None = None
) -> tuple[dict[str, str], list[str]]:
    """The metadata.csv row of what the user typed (only fields that differ from what the
    import reads anyway, dates as YYYY-MM-DD) and the problems that stop the import."""
    problems = [p for p in (date_problem(typed.get("published", ""), today),) if p]
    problems += [p for p in (url_problem(typed.get("url", "")),) if p]
    row: dict[str, str] = {}
    for name in ARTICLE_FIELDS:
        value = " ".join((typed.get(name) or "").split())
        if name == "published" and value:
            value = normalize_date(value) or value
        if value and value != (inferred.get(name) or ""):
            row[name] = value
    return ({} if problems else row), problems


def pasted_name(text: str) -> str:
    """A file name for pasted text, from its first words: 'lavrov-meets-wang.txt'."""
    first = next((line for line in (text or "").splitlines() if line.strip()), "")
    words = "-".join(w for w in "".join(c if c.isalnum() else " " for c in first).split()[:8])
    return safe_name(f"pasted-{words.lower() or 'article'}.txt")
