"""Duplicates of an import: the same text, or the same story (wire copy), as an article
already in the corpus or added earlier in the same import.

Exact duplicates have the same ``text_key`` (words of the cleaned body, headline left out,
case, spacing, punctuation and Unicode form ignored); near duplicates are grouped by
``readout.snapshot.wire_copies.find_duplicates`` (shared word 5-grams), as the build groups
wire copies.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from readout import PIPELINE_VERSION
from readout.corpus.add_stage import Staged
from readout.ingest.clean import clean_article
from readout.ingest.sources import read_sources
from readout.snapshot.build import source_fingerprint
from readout.snapshot.wire_copies import find_duplicates

Skipped = list[tuple[str, str]]


# --- the corpus as it is ------------------------------------------------------------------


def text_key(text: str) -> str:
    """Equal for texts that differ only in case, spacing, punctuation or Unicode form."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def body_of(text: str, title: object) -> str:
    """The cleaned text without the headline that cleaning puts on top."""
    first, _, rest = text.partition("\n\n")
    if isinstance(title, str) and rest and text_key(first) == text_key(title):
        return rest
    return text


@dataclass
class Corpus:
    """What is already in the corpus, and what this import has accepted so far."""

    rows: list[dict]  # article_id (the file), text, published: for near duplicates
    keys: dict[str, str]  # text_key -> file
    urls: dict[str, str]  # url -> file

    @classmethod
    def load(cls, raw_dir: Path, out_dir: Path) -> Corpus:
        rows = _snapshot_rows(raw_dir, out_dir) or _raw_rows(raw_dir)
        keys = {text_key(r["text"]): r["article_id"] for r in rows}
        urls = {r["url"]: r["article_id"] for r in rows if r.get("url")}
        return cls(rows, keys, urls)


def _snapshot_rows(raw_dir: Path, out_dir: Path) -> list[dict] | None:
    """The cleaned texts of the current snapshot, if it was built from this very folder."""
    from readout.snapshot.store import read_manifest, read_table

    try:
        manifest = read_manifest(out_dir)
        current = manifest.get("fingerprints", {}).get("source") == source_fingerprint(raw_dir)
        if not current or manifest.get("pipeline_version") != PIPELINE_VERSION:
            return None
        table = read_table(out_dir, "articles")
    except Exception:
        return None
    columns = ["file", "text", "title", "published", "url"]
    return [_row(f, body_of(t, h), p, u) for f, t, h, p, u in table[columns].values]


def _raw_rows(raw_dir: Path) -> list[dict]:
    if not raw_dir.is_dir():
        return []
    raws, _ = read_sources(raw_dir)
    rows = []
    for raw in raws:
        with contextlib.suppress(Exception):
            article = clean_article(raw)
            text = body_of(article.text, article.title)
            rows.append(_row(article.file, text, article.published, article.url))
    return rows


def _row(file: str, text: str, published: object, url: object) -> dict:
    clean = {k: v if isinstance(v, str) else None for k, v in {"p": published, "u": url}.items()}
    return {"article_id": file, "text": text, "published": clean["p"], "url": clean["u"]}


# --- duplicates ----------------------------------------------------------------------------


def _cleaned(staged: Staged) -> list[str | None]:
    texts = []
    for raw in staged.articles:
        try:
            article = clean_article(raw)
            texts.append(body_of(article.text, article.title).strip() or None)
        except Exception:
            texts.append(None)
    return texts


def drop_duplicates(
    staged: list[Staged], corpus: Corpus, skipped: Skipped, duplicates: list[str]
) -> list[Staged]:
    """Staged inputs without the articles already in the corpus (or earlier in this import)."""
    texts = {(i, j): t for i, s in enumerate(staged) for j, t in enumerate(_cleaned(s))}
    new = [
        {"article_id": f"new:{i}:{j}", "text": t, "published": staged[i].articles[j].published}
        for (i, j), t in texts.items()
        if t
    ]
    group_of: dict[str, set[str]] = {}
    for dup, original in find_duplicates(corpus.rows + new).items():
        group = group_of.setdefault(original, {original})
        group.add(dup)
        group_of[dup] = group
    names = {r["article_id"]: r["article_id"] for r in corpus.rows}  # accepted: id -> name
    kept_inputs = []
    for i, item in enumerate(staged):
        keep = []
        for j in range(len(item.articles)):
            key, text = f"new:{i}:{j}", texts[(i, j)]
            where = f"{item.display}#{j + 1}" if item.rows else item.display
            reason = _duplicate_reason(text, corpus, group_of.get(key, set()), names)
            if reason:
                skipped.append((where, reason))
                duplicates += [where] if text else []
                continue
            names[key] = where
            corpus.keys[text_key(text or "")] = where
            keep.append(j)
        if keep:
            item.articles = [item.articles[j] for j in keep]
            item.rows = [item.rows[j] for j in keep] if item.rows else []
            kept_inputs.append(item)
    return kept_inputs


def _duplicate_reason(
    text: str | None, corpus: Corpus, group: set[str], names: dict[str, str]
) -> str | None:
    if not text:
        return "no article text left after removing page furniture"
    files = {r["article_id"] for r in corpus.rows}

    def where(name: str) -> str:
        return "already in the corpus" if name in files else "added just before"

    same = corpus.keys.get(text_key(text))
    if same:
        return f"duplicate: same text as {same} ({where(same)})"
    near = sorted(names[m] for m in group if m in names)
    if near:
        return f"near duplicate of {near[0]} ({where(near[0])}; the same story, e.g. wire copy)"
    return None
