"""Read a folder of articles: page text, HTML pages and collections, plus ``metadata.csv``.

Every problem becomes a ``Rejected`` with a reason a journalist can act on, and the rest of
the folder is still read: one bad file (or one bad row of a collection) never stops a build.
Metadata comes, in order of trust, from ``metadata.csv``, from the source itself (HTML
metadata, collection columns), then from the text (headline, byline, date line, URL).
A file's bytes are decoded to text in ``readout.ingest.file_text``.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable
from pathlib import Path

from readout.ingest import meta_merge
from readout.ingest.clean import is_furniture
from readout.ingest.file_text import load_text
from readout.snapshot.records import RawArticle, Rejected

METADATA = "metadata.csv"

CSV_ERRORS = {  # the csv module's messages, said the way a spreadsheet user can fix them
    "unexpected end of data": "a double quote opens a cell that is never closed, so the rest"
    " of the file ran into it",
    "',' expected after '\"'": "a double quote inside a quoted cell must be written twice",
}
log = logging.getLogger(__name__)

Result = tuple[list[RawArticle], list[Rejected]]


def read_sources(folder: Path, *, max_bytes: int = 10_000_000) -> Result:
    """All articles in ``folder`` (not its subfolders), and what could not be used, and why."""
    folder = Path(folder)
    if not folder.is_dir():
        return [], [Rejected(str(folder), "folder not found")]
    overrides, rejected = read_metadata(folder / METADATA, max_bytes)
    articles: list[RawArticle] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name == METADATA or path.name.startswith(".") or not path.is_file():
            continue
        found, bad = read_file(path, max_bytes, overrides)
        articles += found
        rejected += bad
    seen = {p.name for p in folder.iterdir()} | {x.file for x in [*articles, *rejected]}
    for name, row in overrides.items():
        if name not in seen:
            reason = f"row {row['_row']} names '{name}', which is not in the folder; row ignored"
            log.warning("%s: %s", METADATA, reason)
            rejected.append(Rejected(METADATA, reason))
    return articles, rejected


def read_file(path: Path, max_bytes: int, overrides: dict | None = None) -> Result:
    """One file: a single article, or one per row for a collection, with its metadata
    complete (``overrides`` from metadata.csv first). Never raises."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds, suffix = ", ".join(sorted(READERS)), path.suffix or "no extension"
        return [], [Rejected(path.name, f"not an article file ({suffix}); use one of {kinds}")]
    try:
        text = load_text(path, max_bytes)
        if isinstance(text, Rejected):
            return [], [text]
        found, bad = reader(path.name, text)
        overrides = overrides or {}
        return [meta_merge.complete(a, overrides.get(a.file, {}), is_furniture) for a in found], bad
    except Exception as exc:  # an unreadable file must not stop the build
        log.exception("reading %s", path)
        return [], [Rejected(path.name, f"could not be read ({type(exc).__name__}: {exc})")]


# --- one reader per kind of file ----------------------------------------------------------


def read_txt(name: str, text: str) -> Result:
    return [RawArticle(file=name, text=text)], []


def read_html(name: str, html: str) -> Result:
    try:
        from trafilatura import bare_extraction
    except ImportError as exc:
        return [], [Rejected(name, f"HTML support is not installed ({exc})")]
    doc = bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        return [], [Rejected(name, "no article text found in the HTML page")]
    found = {"title": doc.title, "outlet": doc.sitename, "url": doc.url, "published": doc.date}
    fields = {k: meta_merge.cell(v) for k, v in found.items()}
    return [RawArticle(file=name, text=text, html=html, **fields)], []


def read_csv(name: str, text: str) -> Result:
    records, bad = csv_records(name, text, "text")
    found: Result = ([], [bad] if bad else [])
    for number, record in records:
        _add_row(found, f"{name}#{number}", record, f"row {number}")
    return found


def csv_records(
    name: str, text: str, key: str
) -> tuple[list[tuple[int, dict | str]], Rejected | None]:
    """(row number, record or what is wrong with it); or why the whole file is unusable."""
    csv.field_size_limit(2**31 - 1)  # whole articles sit in one cell
    delimiter = csv_delimiter(text)
    rows = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(rows)]
    except (StopIteration, csv.Error) as exc:
        return [], Rejected(name, f"not a readable CSV file ({exc or 'no header'})")
    if key not in header:
        return [], Rejected(name, f"no '{key}' column; columns are: {', '.join(header)}")
    records: list[tuple[int, dict | str]] = []
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return records, None
        except csv.Error as exc:  # the reader resumes on the next line
            why = CSV_ERRORS.get(str(exc), str(exc))
            records.append((len(records) + 1, f"row {len(records) + 1} is malformed CSV ({why})"))
            continue
        if any(cell.strip() for cell in row):
            number = len(records) + 1
            records.append((number, _csv_record(header, row, number, delimiter)))


DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def csv_delimiter(text: str) -> str:
    """The delimiter of a CSV file, from its header line: a comma unless the header is plainly
    split by another one (spreadsheets in many European locales export with semicolons)."""
    header = text.split("\n", 1)[0]
    try:  # only the header: article text in the cells below would mislead the guess
        found = csv.Sniffer().sniff(header, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:  # one column, or nothing to go on: the comma, as always
        return ","
    return found  # among DELIMITERS; where several occur, Sniffer prefers the comma


def _csv_record(header: list[str], row: list[str], number: int, delimiter: str = ",") -> dict | str:
    extra = row[len(header) :]
    if len(row) < len(header) or any(cell.strip() for cell in extra):
        count = f"{len(row)} fields but the header has {len(header)}"
        mark = DELIMITERS[delimiter]
        return f"row {number} has {count} (a {mark} in a cell without double quotes?)"
    return dict(zip(header, row, strict=False))


def read_jsonl(name: str, text: str) -> Result:
    found: Result = ([], [])
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            _add_row(found, f"{name}#{number}", _json_record(line, number), f"line {number}")
    return found


def _json_record(line: str, number: int) -> dict | str:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(record, dict):
        return f"line {number} is not a JSON object with a 'text' field"
    return {str(k).strip().lower(): v for k, v in record.items()}


def _add_row(found: Result, file: str, record: dict | str, where: str) -> None:
    """A collection row becomes an article, or a rejection of that row only."""
    if isinstance(record, str):
        found[1].append(Rejected(file, record))
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "has no 'text'" if "text" not in record else "has an empty 'text'"
        found[1].append(Rejected(file, f"{where} {problem}"))
        return
    fields = {f: meta_merge.cell(record.get(f)) for f in meta_merge.FIELDS}
    found[0].append(RawArticle(file=file, text=text, **fields))


READERS: dict[str, Callable[[str, str], Result]] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".csv": read_csv,
    ".jsonl": read_jsonl,
}


# --- metadata.csv ---------------------------------------------------------------------------


def read_metadata(path: Path, max_bytes: int) -> tuple[dict[str, dict], list[Rejected]]:
    """file -> {field: value} from metadata.csv (only non-empty cells), and its problems."""
    if not path.is_file():
        return {}, []
    text = load_text(path, max_bytes)
    if isinstance(text, Rejected):
        return {}, [Rejected(METADATA, f"{text.reason}; metadata was inferred from the text")]
    records, bad = csv_records(METADATA, text, "file")
    table: dict[str, dict] = {}
    problems = [bad] if bad else []
    for number, record in records:
        entry, issue = (
            (None, record) if isinstance(record, str) else meta_merge.sidecar_row(record, number)
        )
        if issue:
            problems.append(
                Rejected(METADATA, f"{issue}; that row was ignored" if not entry else issue)
            )
        if entry:
            table[entry.pop("file")] = entry
    return table, problems
