"""Text helpers: labels, HTML-escaped highlighting of spans, shared phrases. Pure Python.

Article text is data, never markup: everything taken from an article goes through
``html.escape`` before it is wrapped in the few tags added here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from dashboard.palette import tint

_WORD = re.compile(r"[\w'’-]+")
_STOPWORDS_TEXT = """
a an the and or but if of to in on at by for with from as is are was were be been being
that this these those it its it's he she they them his her their we our you your i me my
will would shall should can could may might must do does did has have had not no nor so
than then there here which who whom whose what when where why how all any both each few
more most other some such only own same too very s t just also into over under about after
before between during said says say told tell according mr ms mrs
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


ACRONYMS = {
    "nato": "NATO",
    "un": "UN",
    "eu": "EU",
    "us": "US",
    "brics": "BRICS",
    "sco": "SCO",
    "g20": "G20",
    "g7": "G7",
}


def theme_label(theme: str) -> str:
    """``peace_talks`` -> "Peace talks", ``nato`` -> "NATO"."""
    words = str(theme).replace("_", " ").replace("-", " ").split()
    out = [ACRONYMS.get(w.lower(), w.lower()) for w in words]
    if out and out[0] not in ACRONYMS.values():
        out[0] = out[0].capitalize()
    return " ".join(out)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: str) -> str:
    """Text safe to put inside st.markdown: every markdown/directive character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark: an actor (``color``), a quote, or a shared phrase."""

    start: int
    end: int
    color: str = "#F0E442"
    title: str = ""
    kind: str = "actor"  # actor | quote | shared


def _wrap(inner: str, span: Span) -> str:
    title = f' title="{html.escape(span.title)}"' if span.title else ""
    if span.kind == "quote":
        return f"<b{title}>{inner}</b>"
    if span.kind == "shared":
        style = f"background:{tint(span.color, 0.55)};color:inherit"
        return f'<mark style="{style}"{title}>{inner}</mark>'
    style = (
        f"background:{tint(span.color, 0.18)};border-bottom:2px solid {span.color};color:inherit"
    )
    return f'<mark style="{style}"{title}>{inner}</mark>'


def highlight_html(text: str, spans: Iterable[Span], *, offset: int = 0) -> str:
    """``text`` HTML-escaped, with spans (offsets relative to ``offset``) marked; spans may nest.

    Quotes wrap shared phrases, which wrap actor marks.
    """
    order = {"quote": 0, "shared": 1, "actor": 2}
    inside = []
    for span in spans:
        start, end = max(span.start - offset, 0), min(span.end - offset, len(text))
        if end > start:
            inside.append(Span(start, end, span.color, span.title, span.kind))
    cuts = sorted({0, len(text)} | {s.start for s in inside} | {s.end for s in inside})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[a:b])
        covering = [s for s in inside if s.start <= a and s.end >= b]
        for span in sorted(covering, key=lambda s: order.get(s.kind, 3), reverse=True):
            piece = _wrap(piece, span)
        out.append(piece)
    return "".join(out)


def words(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased words with their character offsets."""
    return [(m.group().lower().strip("'’-"), m.start(), m.end()) for m in _WORD.finditer(text)]


def _content_ngrams(text: str, n: int) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Runs of ``n`` consecutive content words (stopwords skipped) -> their character spans."""
    content = [w for w in words(text) if w[0] and w[0] not in STOPWORDS and len(w[0]) > 1]
    grams: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for i in range(len(content) - n + 1):
        run = content[i : i + n]
        grams.setdefault(tuple(w for w, _, _ in run), []).append((run[0][1], run[-1][2]))
    return grams


def shared_phrases(a: str, b: str, n: int = 2) -> list[str]:
    """Phrases of at least ``n`` content words found in both texts ("constructive role")."""
    return common_grams(_content_ngrams(a, n), _content_ngrams(b, n))


def content_grams(text: str, n: int = 2) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """A text's runs of ``n`` content words, for ``common_grams`` (work them out once)."""
    return _content_ngrams(text, n)


def common_grams(left: dict, right: dict) -> list[str]:
    """The phrases two texts' ``content_grams`` share, in the left text's order."""
    return [" ".join(g) for g in left if g in right]


def phrase_spans(text: str, phrases: Iterable[str], n: int = 2) -> list[tuple[int, int]]:
    """Where the given shared phrases occur in ``text`` (character spans)."""
    wanted = {tuple(p.split()) for p in phrases}
    return [span for g, spans in _content_ngrams(text, n).items() if g in wanted for span in spans]


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def fmt_date(value) -> str:
    if isinstance(value, str):
        return _fmt_text_date(value)  # a report list names the same days hundreds of times
    ts = pd.to_datetime(value, errors="coerce")
    return "no date" if pd.isna(ts) else ts.strftime("%-d %b %Y")


@lru_cache(maxsize=1 << 14)
def _fmt_text_date(value: str) -> str:
    ts = pd.to_datetime(value, errors="coerce")
    return "no date" if pd.isna(ts) else ts.strftime("%-d %b %Y")


def known(value) -> str | None:
    """``value`` as text, or None when it is missing (None, NaN, NaT, pd.NA) or blank: a page
    names a missing field ("Unknown outlet") or leaves it out, never prints "nan"."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    return str(value).strip() or None
