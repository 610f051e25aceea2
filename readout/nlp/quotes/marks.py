"""Pair quotation marks in plain text: straight and curly, double and single.

A mark opens a quote when it stands before a word and closes one when it stands after one;
letters on both sides make an apostrophe ("n't", "Xi'an"). A single mark after a plural
("countries' interests") is an apostrophe when the tagger calls it a possessive. A quote that
runs over a paragraph break stays open when the next paragraph opens with the same kind of mark
(the newspaper convention for multi-paragraph quotes); otherwise an unclosed mark is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_BOTH = "“„«", "”»", '"'
SINGLE_OPEN, SINGLE_CLOSE, SINGLE_BOTH = "‘‚‹", "’›", "'"
MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_BOTH + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_BOTH
# What may stand right before an opening mark / right after a closing one.
BEFORE_OPEN = "([{—–-/:" + MARKS
AFTER_CLOSE = ".,;:!?)]}—–-…" + MARKS
PARAGRAPH_BREAK = re.compile(r"\n\s*")
SENTENCE_MARK = re.compile(r"[.!?;]\s")
SENTENCE_END = re.compile(r"[.!?]['’]?(\s|$)")
SHORT_SINGLE_WORDS = 4  # a plural possessive closes a single quote opened this few words before


@dataclass(frozen=True)
class Quote:
    """Quoted text between paired marks; several segments when it runs over paragraphs."""

    segments: tuple[tuple[int, int], ...]  # (start, end) character offsets inside the marks
    family: str  # "double" | "single"
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark (None if it ran to a paragraph end)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text(self, source: str) -> str:
        return " ".join(source[s:e] for s, e in self.segments)


@dataclass
class _Open:
    family: str
    at: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    segment_start: int = 0


def _family(ch: str) -> str:
    return "double" if ch in DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_BOTH else "single"


def _space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _roles(text: str, i: int) -> tuple[bool, bool]:
    """(may open, may close) for the mark at ``i``, from its neighbours."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    may_open = (_space(prev) or prev in BEFORE_OPEN) and not _space(nxt)
    may_close = not _space(prev) and (_space(nxt) or nxt in AFTER_CLOSE)
    ch = text[i]
    if ch in DOUBLE_OPEN + SINGLE_OPEN:
        return (True, may_close and not may_open)
    if ch in DOUBLE_CLOSE + SINGLE_CLOSE:
        return (may_open and not may_close, True)
    return may_open, may_close


def _apostrophe_kind(text: str, i: int, possessive: Callable[[int], bool]) -> str | None:
    """ "word" inside a word (n't, Xi'an), "possessive" after a plural, else None."""
    if _family(text[i]) != "single":
        return None
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev.isalnum() and nxt.isalnum():  # n't, 's, Xi'an
        return "word"
    # "countries' interests": a plural possessive looks like a closing mark; it is followed
    # by the word it possesses.
    after = text[i + 2] if i + 2 < len(text) else ""
    if prev.lower() == "s" and nxt == " " and after.isalnum() and possessive(i):
        return "possessive"
    return None


def _segment(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and a trailing comma, which belongs to the attribution ("...," he said)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


class _Scanner:
    def __init__(self, text: str, possessive: Callable[[int], bool]) -> None:
        self.text = text
        self.possessive = possessive
        self.stack: list[_Open] = []
        self.quotes: list[Quote] = []
        self.skip: int | None = None  # the re-opening mark of a continued quote

    def mark(self, i: int) -> None:
        text = self.text
        kind = _apostrophe_kind(text, i, self.possessive)
        if kind == "word" or (kind == "possessive" and not self._closes_short_single(i)):
            return
        family = _family(text[i])
        may_open, may_close = _roles(text, i)
        depth = self._depth_of(family)
        if may_close and depth is not None:  # an ambiguous straight mark closes what is open
            self._close(depth, i)
        elif may_open:
            if depth is not None:  # quotes nest in the other family: the older mark was stray
                del self.stack[depth:]
            self.stack.append(_Open(family, i, segment_start=i + 1))

    def _closes_short_single(self, i: int) -> bool:
        """ "a 'no limits' partnership": the tagger reads the closing mark after a plural as a
        possessive; a single mark opened a few words before, in the same sentence, makes it
        the closing mark of a short quote."""
        depth = self._depth_of("single")
        if depth is None:
            return False
        between = self.text[self.stack[depth].at + 1 : i]
        if len(between.split()) > SHORT_SINGLE_WORDS or SENTENCE_MARK.search(between):
            return False
        return not self._closing_single_later(i)

    def _closing_single_later(self, i: int) -> bool:
        """ "'Our countries' interests are served,' he said": a later single mark in the
        sentence can close the quote, so the one after the plural is a possessive."""
        end = SENTENCE_END.search(self.text, i + 1)
        stop = end.start() + 1 if end else len(self.text)
        for j in range(i + 1, min(stop + 1, len(self.text))):
            closing = self.text[j] in SINGLE_CLOSE + SINGLE_BOTH and _roles(self.text, j)[1]
            if closing and _apostrophe_kind(self.text, j, lambda _j: False) is None:
                return True
        return False

    def _depth_of(self, family: str) -> int | None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].family == family:
                return depth
        return None

    def _close(self, depth: int, i: int) -> None:
        opened = self.stack[depth]
        del self.stack[depth:]  # marks opened inside and never closed are dropped
        segments = [*opened.segments, _segment(self.text, opened.segment_start, i)]
        segments = [(s, e) for s, e in segments if e > s]
        if segments:
            self.quotes.append(Quote(tuple(segments), opened.family, opened.at, i))

    def paragraph_end(self, end: int, next_start: int | None) -> None:
        """Keep the outermost quote open when the next paragraph re-opens it."""
        if not self.stack:
            return
        outer = self.stack[0]
        reopen = next_start is not None and next_start < len(self.text)
        if reopen:
            ch = self.text[next_start]
            same = ch in MARKS and _family(ch) == outer.family
            reopen = same and _roles(self.text, next_start)[0]
        if not reopen:
            self.stack.clear()
            return
        outer.segments.append(_segment(self.text, outer.segment_start, end))
        outer.segment_start = next_start + 1
        self.stack[1:] = []
        self.skip = next_start


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def find_quotes(text: str, possessive: Callable[[int], bool] | None = None) -> list[Quote]:
    """Top-level quotes of ``text`` in order; quotes nested inside quotes are left out.

    ``possessive(i)`` tells whether the single mark at ``i`` is a possessive (from the tagger).
    """
    scanner = _Scanner(text, possessive or (lambda _i: False))
    spans = paragraphs(text)
    for n, (start, end) in enumerate(spans):
        skip, scanner.skip = scanner.skip, None
        for i in range(start, end):
            if text[i] in MARKS and i != skip:
                scanner.mark(i)
        next_start = spans[n + 1][0] if n + 1 < len(spans) else None
        scanner.paragraph_end(end, next_start)
    # Nested means inside another closed quote; inside an opener that never closed ("'90s")
    # a quote stands on its own.
    quotes = [q for q in scanner.quotes if not any(_inside(q, o) for o in scanner.quotes)]
    return sorted(quotes, key=lambda q: q.start)


def _inside(quote: Quote, other: Quote) -> bool:
    return other is not quote and other.open_at < quote.open_at and quote.end <= other.end
