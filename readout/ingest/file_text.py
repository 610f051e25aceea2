"""A file's bytes as text: the size limit, binary files told apart, the charset decoded.

Separate from ``readout.ingest.sources``, which turns text into articles: everything here is about
bytes (BOMs, declared and detected charsets, file signatures), and the importer
(``readout.corpus.add_stage``, ``readout.corpus.staging``) uses it on its own. ``bytes_text``
is the one decoder of a file's bytes: ``load_text`` and the Import page's preview call it.
"""

from __future__ import annotations

import re
from pathlib import Path

from readout.snapshot.records import Rejected

MAGIC = {  # signatures of files people save by mistake, with what they are
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a Word/Excel file or ZIP archive",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}
BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
# Single-byte Latin code pages are decoded as cp1252 below; a detector is only trusted for
# other scripts, because on short Western text it confuses Latin-1 with Central European.
DETECTABLE = re.compile(
    r"^(?:cp125[13-8]|koi8_[ru]|iso8859_[5-9]|mac_cyrillic|cp866|gb18030|gb2312|gbk|big5\w*|"
    r"shift_jis|cp932|euc_jp|euc_kr|cp949|iso2022_\w+)$"
)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters but \t\n\v\f\r
MIXED_SCRIPT = re.compile(r"[A-Za-z][^\x00-\u024f\s\W]|[^\x00-\u024f\s\W][A-Za-z]")


def _read_bytes(path: Path, limit: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(limit)


def load_text(path: Path, max_bytes: int) -> str | Rejected:
    """Decoded text of a file, or why it is not usable text. Reads at most ``max_bytes + 1``."""
    size = path.stat().st_size
    if size > max_bytes:
        return Rejected(path.name, too_big(size, max_bytes))
    data = _read_bytes(path, max_bytes + 1)
    if len(data) > max_bytes:  # grew since stat
        return Rejected(path.name, too_big(len(data), max_bytes))
    return bytes_text(path.name, data)


def bytes_text(name: str, data: bytes) -> str | Rejected:
    """The text of a file's bytes as the build reads it, or why it is not usable text.

    The one decoder for files: the build (through ``load_text``) and the Import page's
    preview both call it, so the columns a user is shown are the columns the import reads.
    ``name`` gives the kind of file (an HTML page may declare its charset) and the
    ``Rejected``'s file.
    """
    if not data.strip():
        return Rejected(name, "empty file")
    what = binary_kind(data)
    if what is not None:
        return Rejected(name, f"binary file, not text{what}")
    html = Path(name).suffix.lower() in {".html", ".htm"}
    text = decode(data, charset_hint(data) if html else None)
    controls = len(CONTROL_CHARS.findall(text, 0, 20_000))
    if controls > 0.05 * min(len(text), 20_000):
        return Rejected(name, "binary file, not text")
    if not text.strip():
        return Rejected(name, "empty file")
    return text


def too_big(size: int, max_bytes: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit"


def binary_kind(data: bytes) -> str | None:
    """'' or ' (a PDF document ...)' for binary data, None for text."""
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            return f" ({what}: copy its text into a .txt file)"
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None  # UTF-16 text is full of NUL bytes
    return "" if b"\x00" in data[:8192] else None


def charset_hint(data: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    return match.group(1).decode("ascii") if match else None


def decode(data: bytes, hint: str | None = None) -> str:
    """BOM, declared charset, UTF-8, a non-Latin script if detected, else cp1252/latin-1.

    For bytes that are not a file (a fetched page, with its HTTP charset tried first); a
    file's bytes go through ``bytes_text``, which also refuses binary and empty files."""
    codec = next((c for bom, c in BOMS if data.startswith(bom)), None)
    text = _try(data, codec) or _try(data, hint) or _try(data, "utf-8")
    if text is not None:
        return text
    lenient = data.decode("utf-8", errors="replace")
    if sum(ord(c) > 127 for c in lenient) > 4 * lenient.count("\ufffd"):
        return lenient  # UTF-8 with a few stray bytes: keep the UTF-8, mark the strays
    return _try(data, detect(data)) or _try(data, "cp1252") or data.decode("latin-1")


def _try(data: bytes, codec: str | None) -> str | None:
    try:
        return data.decode(codec) if codec else None
    except (UnicodeDecodeError, LookupError):
        return None


def detect(data: bytes) -> str | None:
    """Cyrillic, Chinese, Japanese ... code pages; None when unsure or for Latin text."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: comes with trafilatura and requests
        return None
    best = from_bytes(data[:200_000]).best()
    if best is None or not DETECTABLE.match(best.encoding):
        return None
    return None if MIXED_SCRIPT.search(str(best)) else best.encoding
