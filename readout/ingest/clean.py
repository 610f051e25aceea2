"""Strip page furniture from article text: menus, ads, share buttons, appeals, credits.

Text copied from a browser carries everything around the article. Cleaning works line by
line and only drops whole lines (besides a leading bullet glyph, link text such as
", opens new tab" and odd spacing), so every body sentence survives. A line is furniture when

* it matches the editable lexicons and patterns in ``data/knowledge/furniture.toml``;
* it is a byline, a date line, a source URL, a photo caption or credit;
* it is the headline (that goes to ``title``) or a short line before the headline;
* it is a short line (not a sentence) after the last body sentence, after a "Next Post" or
  video running time (headlines of other stories), between two furniture lines, or repeated;
* it is the text of an embedded post, just above the post's "— Name (@handle) Date" line;
* it repeats the headline, or is another story's headline set between two body sentences.

Keyword rules only ever apply to short lines: a real sentence that mentions "share" or an
"advertisement" stays. Photo captions are dropped whole: they often describe file photos
whose dates would mislead event extraction.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from readout.ingest import meta
from readout.ingest.furniture import Rules, is_button_row, is_icon_text, load_rules, norm
from readout.ingest.meta import is_sentence, words
from readout.snapshot.records import CleanArticle, RawArticle

BULLET = re.compile(r"^\s*[•●▪■◦‣∙·*–—-]\s+")
HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")  # a Markdown heading: "# Headline"
READER = re.compile(r"\b(?:you|your|you'?re|we|we'?re|us|our)\b", re.I)
QUOTED = re.compile(r"[\"“”«»]|\b(?:said|says|told|tells|added|according to)\b", re.I)
CREDIT_PARENS = re.compile(
    r"[.!?]\s*\((?:[\w.&'-]+\s+){0,3}(?:photo|photograph|image|picture|video)s?"
    r"(?:\s*/\s*[^()]{1,60})?\)$",
    re.I,
)
CAPTION = re.compile(
    r"(?:^|[.!?)]\s*\(?|\s\()(?:photo|picture|image|photograph|credit|file)s?\s*[:/|]\s*"
    r"(?P<who>[^.!?]{1,60}?)\)?$",
    re.I,
)
LAST_SENTENCE, CREDIT_SPLIT = re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s*(?:/|\||,|\bvia\b)\s*")
BLANKS, WORD_CHAR = re.compile(r"[ \t]+"), re.compile(r"\w")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# A credit in parentheses closing the last sentence of a paragraph: "... peninsula.
# (Reporting by Jane Doe; Editing by John Roe)", "... (With inputs from agencies.)"
TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*\(\s*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|edited)"
    r"\s+by\b|with\s+(?:additional\s+)?inputs?\s+from\b|with\s+(?:agency|agencies|wire)\s+inputs?\b)"
    r"[^()]{0,160}\)\.?$",
    re.I,
)
COPYRIGHT_TAIL = re.compile(r"\s©\s*(?P<who>[^©.!?]{1,60})$")  # "... Patrushev © Jane Roe/TASS"
HEADLINE_WORDS = (7, 30)  # words: a related headline set between body sentences
SHORT = 8  # words: lines this short and without closing punctuation are labels, not prose


@lru_cache(maxsize=1 << 14)  # the cleaner looks at each line several times
def tidy(line: str) -> str:
    """Normalise spacing (no-break and zero-width spaces from web pages) and drop bullets."""
    line = unicodedata.normalize("NFC", line).replace("\xa0", " ")
    line = INVISIBLE.sub("", line)
    inline = load_rules().inline
    line = inline.sub("", line) if inline else line
    line = BULLET.sub("", line)
    if "#" in line:
        line = HEADING_MARK.sub("", line)
    if "(" in line:
        line = TRAILING_CREDIT.sub("", line.rstrip())
    return (BLANKS.sub(" ", line) if "\t" in line or "  " in line else line).strip()


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def line_reason(line: str, rules: Rules | None = None) -> str | None:
    """Why one line, on its own, is furniture; ``None`` if it may be article text."""
    return _line_reason(line, rules or load_rules())


@lru_cache(maxsize=1 << 14)  # title inference asks again, and sites repeat their furniture
def _line_reason(line: str, rules: Rules) -> str | None:
    text = tidy(line)
    key = norm(text)
    if not WORD_CHAR.search(text):
        return "symbols"
    if key in rules.lines:
        return rules.lines[key]
    if meta.date_line(text):
        return "date line"
    if rules.any_pattern.fullmatch(text):
        for pattern, kind in rules.patterns:
            if pattern.fullmatch(text):
                return kind
    lowered = text.lower().replace("’", "'")
    if lowered.startswith(rules.any_prefix):
        return next(kind for prefix, kind in rules.prefixes if lowered.startswith(prefix))
    return _shape_reason(text, rules)


def _shape_reason(text: str, rules: Rules) -> str | None:
    """Rules that look at what kind of line it is rather than at its exact words."""
    if meta.is_url_line(text) or meta.URL_LABEL.match(text) and len(text) < 200:
        return "source url"
    if meta.byline(text):
        return "byline"
    if meta.agency_credit(text):
        return "agency credit"
    if is_caption(text, rules):
        return "photo caption"
    if is_icon_text(text, rules):
        return "icon text"
    if not is_sentence(text) and is_button_row(text, rules):
        return "sharing"
    if is_appeal(text, rules):
        return "appeals"  # the reader is asked for something: furniture even as a sentence
    if not is_sentence(text) and len(words(text)) <= SHORT and rules.any_keyword.search(text):
        for pattern, kind in rules.keywords:
            if pattern.search(text):
                return kind
    return None


def is_appeal(text: str, rules: Rules) -> bool:
    """An appeal phrase addressed to the reader, and not someone's quoted or reported words."""
    # Cheapest and rarest test first: the long list of appeal phrases is slow to search.
    if not READER.search(text.replace("’", "'")) or QUOTED.search(text):
        return False
    return bool(rules.appeals.search(text))


def is_caption(text: str, rules: Rules) -> bool:
    """A caption ends in a picture credit: '... Wang Yi. EPA / TASS', '... Photo: EPA-EFE'."""
    match = CAPTION.search(text) or COPYRIGHT_TAIL.search(text)
    if match and len(words(match.group("who"))) <= 8:
        return True
    if CREDIT_PARENS.search(text):  # "... in Anchorage. (AP Photo/Jane Roe)"
        return True
    tail = LAST_SENTENCE.split(text)[-1]
    if tail == text and "/" in text and not is_sentence(text) and len(words(text)) <= 8:
        tail = text.replace("/", " / ")  # a credit alone: "REUTERS/Jane Roe", "Xinhua/Li Tao"
    elif tail == text or is_sentence(tail) or len(words(tail)) > 8:
        return False
    parts = [norm(p) for p in CREDIT_SPLIT.split(tail)]
    return any(p in rules.credit_names for p in parts if p)


def classify(lines: list[str], title: str | None = None) -> list[str | None]:
    """A reason for each line: '' for a blank line, None for article text, else why it goes."""
    rules = load_rules()
    reasons: list[str | None] = ["" if not tidy(x) else line_reason(x, rules) for x in lines]
    title = title or meta.infer_title(lines, is_furniture)
    head, is_title = headline_index(lines, reasons, title)
    if head is not None:
        if is_title:
            reasons[head] = "headline"
        for i in range(head):
            if reasons[i] is None and not is_sentence(tidy(lines[i])):
                reasons[i] = "page header"
        if is_title:
            _headline_again(lines, reasons, head)
    _after_markers(lines, reasons, rules)
    _embedded_posts(reasons)
    _interstitial_headlines(lines, reasons)
    _repeated(lines, reasons)
    _footer(lines, reasons)
    _sandwiched(lines, reasons)
    return reasons


def _similarity(line: str, title: str) -> float:
    return SequenceMatcher(None, norm(line), norm(title)).ratio()


def headline_index(lines: list[str], reasons: list, title: str | None) -> tuple[int | None, bool]:
    """Where the headline sits, and whether it is the title (to be removed from the body).

    The line matching ``title``, else the first headline-shaped line before the body: that
    one is the title when none is known or it resembles the known one (a site may send a
    longer SEO title); otherwise it only marks where the page header ends.
    """
    body = [i for i, r in enumerate(reasons) if r is None]
    first_sentence = next((i for i in body if is_sentence(tidy(lines[i]))), len(lines))
    if title:
        for i in body:
            if i <= first_sentence + 2 and _similarity(tidy(lines[i]), title) >= 0.9:
                return i, True
    for i in body:
        if i >= first_sentence:
            break
        if meta.looks_like_headline(tidy(lines[i])):
            return i, not title or _similarity(tidy(lines[i]), title) >= 0.6
    return None, False


def _next_text(reasons: list, start: int, step: int) -> int | None:
    i = start + step
    while 0 <= i < len(reasons) and reasons[i] == "":
        i += step
    return i if 0 <= i < len(reasons) else None


def _after_markers(lines: list[str], reasons: list, rules: Rules) -> None:
    """Short lines after 'Next Post' (other stories) or a running time (video titles)."""
    for i, line in enumerate(lines):
        key = norm(tidy(line))
        if key not in rules.follow and reasons[i] != "video":
            continue
        label = "other story" if key in rules.follow else "video title"
        j = _next_text(reasons, i, 1)
        while j is not None and reasons[j] is None and not is_sentence(tidy(lines[j])):
            reasons[j] = label
            j = _next_text(reasons, j, 1)


def _headline_again(lines: list[str], reasons: list, head: int) -> None:
    """The page printing its headline a second time (over the body, in a share box)."""
    key = norm(tidy(lines[head]))
    for i in range(head + 1, len(lines)):
        if reasons[i] is None and norm(tidy(lines[i])) == key:
            reasons[i] = "headline again"


def _embedded_posts(reasons: list) -> None:
    """An embedded post is its text, then its signature ('— Name (@handle) Date'): the
    line just above a signature is the post's own text, not the article's."""
    for i, reason in enumerate(reasons):
        if reason != "post signature":
            continue
        j = _next_text(reasons, i, -1)
        if j is not None and reasons[j] is None:
            reasons[j] = "embedded post"


def _interstitial_headlines(lines: list[str], reasons: list) -> None:
    """Another story's headline set between two body sentences ('Kyiv urges talks with
    Beijing on grain'): a long line without closing punctuation, in sentence case. A short
    title-case subheading ('A Careful Balancing Act') is the article's own and stays."""
    for i, line in enumerate(lines):
        text = tidy(line)
        if reasons[i] is not None or is_sentence(text) or is_bullet(line) or not text:
            continue
        count = len(words(text))
        if not HEADLINE_WORDS[0] <= count <= HEADLINE_WORDS[1] or text[-1] in ':,;"”’»':
            continue
        if not text[0].isupper() or _title_case(text):
            continue
        sides = [_next_text(reasons, i, step) for step in (-1, 1)]
        body = [j is not None and reasons[j] is None and is_sentence(tidy(lines[j])) for j in sides]
        furniture = [j is not None and reasons[j] not in (None, "headline") for j in sides]
        if any(body) and all(b or f for b, f in zip(body, furniture, strict=True)):
            reasons[i] = "other story"


def _title_case(text: str) -> bool:
    long_words = [w for w in words(text) if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) > 0.7 * len(long_words)


def _repeated(lines: list[str], reasons: list) -> None:
    """A label seen twice is a widget (video title, teaser); a repeated sentence is kept once."""
    seen: dict[str, int] = {}
    for i, line in enumerate(lines):
        if reasons[i] is not None:
            continue
        key = norm(tidy(line))
        if key in seen:
            reasons[i] = "repeated line"
            if not is_sentence(tidy(line)):
                reasons[seen[key]] = "repeated line"
        else:
            seen[key] = i


def _footer(lines: list[str], reasons: list) -> None:
    """After the last body sentence, short lines are page footer (menus, appeals, teasers)."""
    for i in range(len(lines) - 1, -1, -1):
        if reasons[i] is None:
            if is_sentence(tidy(lines[i])):
                return
            reasons[i] = "page footer"


def _sandwiched(lines: list[str], reasons: list) -> None:
    """A short label between two furniture lines belongs to them (a slogan under a menu)."""
    for i, line in enumerate(lines):
        text = tidy(line)
        if reasons[i] is not None or is_sentence(text) or is_bullet(line):
            continue
        if len(words(text)) > 6:
            continue
        before, after = _next_text(reasons, i, -1), _next_text(reasons, i, 1)
        sides = [j for j in (before, after) if j is not None]
        if sides and all(reasons[j] not in (None, "headline") for j in sides):
            reasons[i] = "between furniture"


def clean_article(raw: RawArticle) -> CleanArticle:
    """The headline, then the body, paragraphs separated by a blank line.

    The headline opens the text (once, however the page repeated it) because headlines carry
    quotes and actors too ("Beijing ready for 'constructive role'"), and every offset in the
    tables must point into one text.
    """
    lines = raw.text.splitlines()
    reasons = classify(lines, raw.title)
    kept = [tidy(x) for x, r in zip(lines, reasons, strict=True) if r is None]
    removed = [tidy(x) for x, r in zip(lines, reasons, strict=True) if r and r != "headline"]
    title = tidy(raw.title) if raw.title else raw.title  # "# Headline" read from Markdown
    if title and kept:
        kept.insert(0, title)
    return CleanArticle(
        file=raw.file,
        text="\n\n".join(kept),
        title=title,
        outlet=raw.outlet,
        url=raw.url,
        published=raw.published,
        agency=raw.agency,
        removed=removed,
    )


def explain(text: str, title: str | None = None) -> list[tuple[str, str]]:
    """(reason, line) for every removed line: for editors tuning furniture.toml."""
    lines = text.splitlines()
    return [(r, tidy(x)) for x, r in zip(lines, classify(lines, title), strict=True) if r]


def is_furniture(line: str) -> bool:
    """Context-free test used by headline inference."""
    return line_reason(line) is not None
