"""One input of an import (a file, uploaded bytes or a web address) read into articles.

Nothing here touches ``data/raw``: inputs are written to a scratch folder inside the import's
staging folder and read with ``readout.ingest.sources``, exactly as a build will read them.
A problem raises ``Skip`` with the reason; rows of a collection that cannot be used come back as
``Rejected`` while the good rows are kept.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from readout.ingest import meta_merge
from readout.ingest.clean import is_furniture
from readout.ingest.fetch import FetchError, Page, fetch_page, is_url
from readout.ingest.file_text import load_text, too_big
from readout.ingest.sources import METADATA, READERS, csv_delimiter, read_file
from readout.snapshot.records import RawArticle, Rejected

MAX_UPLOAD = 10_000_000
COLLECTIONS = {".csv", ".jsonl"}
TARGETS = ("text", *meta_merge.FIELDS)
NO_TEXT_HINT = "; map a column to 'text' (for example --map text=body)"


class Skip(Exception):
    """An input that is not added; ``str(exc)`` is the reason."""


@dataclass
class UploadedBytes:
    """A file handed over by the app (``st.file_uploader``): its name and content, and
    optionally its metadata (title, outlet, url, published, agency)."""

    name: str
    data: bytes
    meta: dict[str, str] | None = None


@dataclass
class Staged:
    """Articles read from one input, ready to be written under ``name`` in the corpus."""

    display: str  # how the input is named in messages: its file name or its URL
    name: str  # file name in the corpus
    articles: list[RawArticle]
    rejected: list[Rejected] = field(default_factory=list)  # bad rows of a collection
    data: bytes | None = None  # the file as it will be written (None: rewrite collection)
    meta_row: dict[str, str] | None = None  # its row in metadata.csv, if any
    rows: list[dict] = field(default_factory=list)  # a collection's rows, as they will be written


# --- names -------------------------------------------------------------------------------


def safe_name(name: str) -> str:
    """A plain file name: no folders, no odd characters, a lower-case extension."""
    base = unicodedata.normalize("NFKC", name.replace("\\", "/").rsplit("/", 1)[-1])
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._-")[:80] or "article"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def unique_name(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, f".{suffix}") if dot else (name, "")
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}{suffix}"
    taken.add(candidate.lower())
    return candidate


def url_name(url: str) -> str:
    """``example.com-2025-03-28-wang-visit-1a2b3c4d.html``: readable and unique per URL."""
    parts = urlsplit(url)
    words = f"{(parts.hostname or 'page').removeprefix('www.')}-{parts.path}"
    slug = re.sub(r"[^\w.]+", "-", words).strip("-.")[:70]
    return f"{slug}-{hashlib.sha1(url.encode()).hexdigest()[:8]}.html"


# --- column maps ---------------------------------------------------------------------------


def check_column_map(column_map: dict[str, str] | None) -> dict[str, str]:
    """{target field: column in the input}, lower-cased; raises ValueError on a bad target."""
    mapping = {
        str(k).strip().lower(): str(v).strip().lower() for k, v in (column_map or {}).items()
    }
    wrong = [k for k in mapping if k not in TARGETS]
    if wrong:
        raise ValueError(f"cannot map to {', '.join(wrong)}: fields are {', '.join(TARGETS)}")
    return mapping


def _renamed(columns: list[str], mapping: dict[str, str], display: str) -> list[str]:
    lowered = [c.strip().lstrip("\ufeff").lower() for c in columns]
    for target, source in mapping.items():
        if source not in lowered and target not in lowered:
            raise Skip(
                f"no column '{source}' to use as '{target}'; columns are: "
                f"{', '.join(lowered) or 'none'}"
            )
    back = {source: target for target, source in mapping.items() if source in lowered}
    moved = set(back.values())  # a column already called like a target makes way
    return [back.get(c) or (f"{c}_original" if c in moved else c) for c in lowered]


def map_csv(text: str, mapping: dict[str, str], display: str) -> str:
    if not mapping:
        return text
    first, newline, rest = text.partition("\n")
    delimiter = csv_delimiter(text)  # a semicolon export keeps its semicolons
    try:
        header = next(csv.reader([first], strict=True, delimiter=delimiter))
    except (csv.Error, StopIteration) as exc:
        raise Skip(f"not a readable CSV file (its header row: {exc})") from None
    out = io.StringIO()
    csv.writer(out, lineterminator="", delimiter=delimiter).writerow(
        _renamed(header, mapping, display)
    )
    return out.getvalue() + newline + rest


def map_jsonl(text: str, mapping: dict[str, str], display: str) -> str:
    if not mapping:
        return text
    lines, seen = [], set()
    for line in text.splitlines():
        try:
            record = json.loads(line) if line.strip() else None
        except json.JSONDecodeError:
            record = None  # the reader reports it with its line number
        if not isinstance(record, dict):
            lines.append(line)
            continue
        seen |= {str(k).lower() for k in record}
        keys = _renamed(list(record), mapping, display) if _maps_any(record, mapping) else None
        renamed = dict(zip(keys, record.values(), strict=True)) if keys else record
        lines.append(json.dumps(renamed, ensure_ascii=False))
    missing = [s for t, s in mapping.items() if s not in seen and t not in seen]
    if missing:
        raise Skip(f"no field '{missing[0]}' in any line; fields are: {', '.join(sorted(seen))}")
    return "\n".join(lines) + "\n"


def _maps_any(record: dict, mapping: dict[str, str]) -> bool:
    keys = {str(k).lower() for k in record}
    return any(source in keys for source in mapping.values())


# --- reading one input ---------------------------------------------------------------------


def _scratch(scratch: Path, name: str, data: bytes) -> Path:
    scratch.mkdir(exist_ok=True)
    path = scratch / name
    path.write_bytes(data)
    return path


def _single(display: str, name: str, data: bytes, scratch: Path, row: dict | None) -> Staged:
    path = _scratch(scratch, name, data)
    overrides = {name: row} if row else {}
    articles, rejected = read_file(path, len(data) + 1, overrides)
    path.unlink()
    if not articles:
        raise Skip(summary(rejected) or "no article found")
    return Staged(display, name, articles, [], data, row)


def _collection(display: str, name: str, data: bytes, scratch: Path, mapping: dict) -> Staged:
    path = _scratch(scratch, name, data)
    text = load_text(path, len(data) + 1)
    path.unlink()
    if isinstance(text, Rejected):
        raise Skip(text.reason)
    suffix = Path(name).suffix
    text = (map_csv if suffix == ".csv" else map_jsonl)(text, mapping, display)
    raws, rejected = READERS[suffix](display, text)
    for bad in rejected:
        if bad.file == display and "'text'" in bad.reason and "column" in bad.reason:
            raise Skip(bad.reason + NO_TEXT_HINT)
    if len(rejected) == 1 and rejected[0].file == display:
        raise Skip(rejected[0].reason)
    if not raws:
        raise Skip(summary(rejected) or "no rows with text")
    rows = [{"text": r.text} | {f: getattr(r, f) for f in meta_merge.FIELDS} for r in raws]
    articles = [meta_merge.complete(replace(r), {}, is_furniture) for r in raws]
    return Staged(display, name, articles, rejected, rows=rows)


def summary(rejected: list[Rejected], most: int = 3) -> str:
    """The first reasons, and how many more: a file of 1,000 bad rows gives one line."""
    reasons = [r.reason for r in rejected[:most]]
    more = f"; and {len(rejected) - most} more" if len(rejected) > most else ""
    return "; ".join(reasons) + more


def write_collection(path: Path, rows: list[dict]) -> None:
    """Rows back in the collection's own format, with the standard column names."""
    if path.suffix == ".jsonl":
        lines = [json.dumps({k: v for k, v in r.items() if v}, ensure_ascii=False) for r in rows]
        path.write_text("\n".join(lines) + "\n", "utf-8")
        return
    columns = [c for c in TARGETS if any(r.get(c) for r in rows)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def stage_bytes(
    display: str,
    filename: str,
    data: bytes,
    scratch: Path,
    *,
    mapping: dict,
    row: dict | None,
    max_bytes: int = MAX_UPLOAD,
) -> Staged:
    """Uploaded or local file content as articles; raises Skip."""
    if len(data) > max_bytes:
        raise Skip(too_big(len(data), max_bytes))
    name = safe_name(filename)
    suffix = Path(name).suffix
    if name.lower() == METADATA:
        raise Skip(f"{METADATA} is a folder's metadata table, not articles; add its rows by hand")
    if suffix not in READERS:
        kinds = ", ".join(sorted(READERS))
        raise Skip(f"not an article file ({suffix or 'no extension'}); use one of {kinds}")
    if suffix in COLLECTIONS:
        return _collection(display, name, data, scratch, mapping)
    return _single(display, name, data, scratch, row)


def read_path(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise Skip("file not found")
    if path.is_dir():
        raise Skip(f"is a folder: add the files in it ({path}/*)")
    size = path.stat().st_size
    if size > max_bytes:
        raise Skip(too_big(size, max_bytes))
    with path.open("rb") as handle:
        return handle.read(max_bytes + 1)


def stage_url(url: str, scratch: Path, *, max_bytes: int, timeout: float, allow_private: bool):
    """A web page as one HTML article with its url and outlet in metadata; raises Skip."""
    try:
        page: Page = fetch_page(
            url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private
        )
    except FetchError as exc:
        raise Skip(str(exc)) from None
    data = _utf8_html(page)
    name = url_name(page.final_url)
    staged = _single(url, name, data, scratch, {"url": page.final_url})
    article = staged.articles[0]
    staged.meta_row = {"url": page.final_url, "outlet": article.outlet or ""}
    return staged


def _utf8_html(page: Page) -> bytes:
    """The page as UTF-8 with a BOM, which ``file_text.decode`` trusts over any meta tag."""
    from readout.ingest.file_text import charset_hint, decode

    text = None
    if page.charset:
        try:
            text = page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode(page.body, charset_hint(page.body))
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def describe_input(item: object) -> str:
    if isinstance(item, UploadedBytes):
        return item.name
    return str(item)


def is_web_address(item: object) -> bool:
    return isinstance(item, str) and is_url(item)
