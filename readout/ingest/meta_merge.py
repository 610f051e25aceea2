"""Each article's metadata made complete: ``metadata.csv`` over the source's own metadata
(HTML tags, collection columns) over what the text says (``readout.ingest.meta``).

Separate from ``readout.ingest.meta``, which only reads the text: this module decides which source
wins for each field, and reads the rows of ``metadata.csv`` that take part.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readout.ingest.meta import infer_metadata, normalize_date, url_date, url_outlet
from readout.snapshot.records import RawArticle

FIELDS = ("title", "outlet", "url", "published", "agency")


def cell(value: object) -> str | None:
    """A metadata value as one clean line; None for empty cells and nested JSON."""
    if value is None or isinstance(value, dict | list):
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def sidecar_row(row: dict, number: int) -> tuple[dict | None, str | None]:
    """One row of metadata.csv: its non-empty cells, and what is wrong with it, if anything."""
    entry = {k: cell(row.get(k)) for k in ("file", *FIELDS)}
    if not entry["file"]:
        return None, f"row {number} has no file name"
    entry = {k: v for k, v in entry.items() if v} | {"_row": number}
    published = entry.get("published")
    if published and not normalize_date(published):
        del entry["published"]
        why = "write it as YYYY-MM-DD; the date was inferred from the text"
        return entry, f"row {number}: cannot read the date '{published}' ({why})"
    return entry, None


def complete(
    article: RawArticle, override: dict, is_furniture: Callable[[str], bool]
) -> RawArticle:
    """Fill each field: metadata.csv, else the source's own metadata, else the text. The
    outlet falls back on the URL's host, then on the wire agency."""
    inferred = infer_metadata(article.text, is_furniture)
    # An agency stated in metadata, or credited with the story in the text, wrote it.
    wire = bool(override.get("agency") or article.agency or inferred.get("wire"))
    for field in FIELDS:
        value = override.get(field) or getattr(article, field) or inferred.get(field)
        setattr(article, field, value)
    if article.url:
        article.url = re.sub(r"\s+", "", article.url)
    article.published = normalize_date(article.published) or url_date(article.url)
    # A wire story nobody else is known to have run is the agency's own: a text credited
    # "By Reuters" with no outlet and no address is shown as Reuters, not "Unknown outlet".
    # One that only cites an agency ("..., AFP reported") keeps its outlet unknown.
    article.outlet = article.outlet or url_outlet(article.url) or (article.agency if wire else None)
    return article
