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
from difflib import SequenceMatcher
from functools import lru_cache

from readout.ingest import headline, meta
from readout.ingest.furniture import Rules, is_button_row, is_icon_text, load_rules, norm
from readout.ingest.meta import is_sentence, words
from readout.ingest.neighbours import (
    after_markers,
    corrections,
    credit_captions,
    embedded_posts,
    footer,
    gallery_captions,
    headline_again,
    interstitial_headlines,
    list_widgets,
    name_lines,
    repeated,
    sandwiched,
    signed_off,
)
from readout.ingest.scripts import latin_page, other_script
from readout.ingest.tidy import tidy
from readout.snapshot.records import CleanArticle, RawArticle

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
# A credit in parentheses with its label, closing a caption or alone: "(Photo credits: Jane
# Roe)", "(Image credit: AFP)", "(Picture courtesy: the ministry)", "(Photo courtesy of X)",
# "(Photo by Jane Roe/AFP via Getty Images)"
CREDIT_NOTE = re.compile(
    r"(?:^|\s)\(\s*(?:[\w.&'-]+\s+){0,2}(?:photo|photograph|image|picture|video|illustration)s?"
    r"\s*(?:(?:credits?|courtesy|source)\s*(?:\bof\b|:)?|:|/|by\b)\s*[^()]{1,60}\)$",
    re.I,
)
LAST_SENTENCE, CREDIT_SPLIT = re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s*(?:/|\||,|\bvia\b)\s*")
WORD_CHAR = re.compile(r"\w")
COPYRIGHT_TAIL = re.compile(r"\s©\s*(?P<who>[^©.!?]{1,90})$")  # "... Patrushev © Jane Roe/TASS"
# A credit glued to the caption by a page that set them in two boxes: "... capitalsImage: X/AFP"
GLUED_CREDIT = re.compile(r"[a-z](?:Image|Photo|Picture|Photograph)\s*:\s*(?P<who>[^.!?]{1,60})$")
SHORT = 8  # words: lines this short and without closing punctuation are labels, not prose


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
    match = CAPTION.search(text) or GLUED_CREDIT.search(text)
    if match and len(words(match.group("who"))) <= 8:
        return True
    if (match := COPYRIGHT_TAIL.search(text)) and _credited(match.group("who"), rules):
        return True
    if CREDIT_PARENS.search(text) or CREDIT_NOTE.search(text):  # "... (AP Photo/Jane Roe)"
        return True
    tail = LAST_SENTENCE.split(text)[-1]
    if tail == text and "/" in text and not is_sentence(text) and len(words(text)) <= 8:
        tail = text.replace("/", " / ")  # a credit alone: "REUTERS/Jane Roe", "Xinhua/Li Tao"
    elif tail == text or is_sentence(tail) or len(words(tail)) > 8:
        return False
    parts = [norm(p) for p in CREDIT_SPLIT.split(tail)]
    return any(p in rules.credit_names for p in parts if p)


def _credited(who: str, rules: Rules) -> bool:
    """The name after "©": a short one, or a long one that ends in a picture agency ("Jane
    Roe/Presidential Press and Information Office/TASS")."""
    parts = [norm(p) for p in CREDIT_SPLIT.split(who) if p.strip()]
    return len(words(who)) <= 8 or bool(parts) and parts[-1] in rules.credit_names


def classify(
    lines: list[str], title: str | None = None, outlet: str | None = None
) -> list[str | None]:
    """A reason for each line: '' for a blank line, None for article text, else why it goes."""
    rules = load_rules()
    reasons: list[str | None] = ["" if not tidy(x) else line_reason(x, rules) for x in lines]
    _other_script(lines, reasons)
    title = page_title(lines, title, outlet)
    head, is_title = headline_index(lines, reasons, title, outlet)
    if head is not None:
        if is_title:
            reasons[head] = "headline"
        for i in range(head):
            if reasons[i] is None and not is_sentence(tidy(lines[i])):
                reasons[i] = "page header"
        if is_title:
            headline_again(lines, reasons, head)
    after_markers(lines, reasons, rules)
    list_widgets(lines, reasons)
    gallery_captions(lines, reasons)
    corrections(lines, reasons)
    credit_captions(lines, reasons)
    embedded_posts(reasons)
    interstitial_headlines(lines, reasons)
    repeated(lines, reasons)
    signed_off(lines, reasons)
    footer(lines, reasons)
    sandwiched(lines, reasons)
    name_lines(lines, reasons)
    return reasons


def page_title(lines: list[str], title: str | None, outlet: str | None) -> str | None:
    """The known title, else the one read from the text. A known title that is only the
    site's name (a page's <title> tag often is) gives way to the headline in the text."""
    if title and headline.is_brand(tidy(title), outlet):
        title = None
    return title or meta.infer_title(lines, is_furniture, outlet)


def _other_script(lines: list[str], reasons: list) -> None:
    """Menus and appeals of a site in another language, on an English (Latin-script) page."""
    if not latin_page(lines):
        return
    for i, line in enumerate(lines):
        if reasons[i] is None and other_script(line):
            reasons[i] = "other script"


def _similarity(line: str, title: str) -> float:
    return SequenceMatcher(None, norm(line), norm(title)).ratio()


def headline_index(
    lines: list[str], reasons: list, title: str | None, outlet: str | None = None
) -> tuple[int | None, bool]:
    """Where the headline sits, and whether it is the title (to be removed from the body).

    The line matching ``title``, else the headline-shaped line before the body sharing most
    words with the lede (not in a menu block, not the outlet's name): that one is the title
    when none is known or it resembles the known one (a site may send a longer SEO title);
    otherwise it only marks where the page header ends.
    """
    body = [i for i, r in enumerate(reasons) if r is None]
    first_sentence = next((i for i in body if _prose(tidy(lines[i]))), len(lines))
    if title:
        for i in body:
            if i <= first_sentence + 2 and _similarity(tidy(lines[i]), title) >= 0.9:
                return i, True
    shown = [tidy(x) if r is None else "" for x, r in zip(lines, reasons, strict=True)]
    menu = headline.menu_lines(
        [tidy(x) for x in lines], is_sentence, lambda x: line_reason(x) is not None
    )
    candidates = [
        (i, shown[i])
        for i in body
        if i < first_sentence
        and i not in menu
        and meta.looks_like_headline(shown[i])
        and not headline.is_brand(shown[i], outlet)
    ]
    lede = " ".join([shown[i] for i in body if i >= first_sentence][:2])  # as infer_title
    head = headline.best(headline.before_entries(candidates, [tidy(x) for x in lines]), lede)
    if head is None:
        return None, False
    return head, not title or _similarity(shown[head], title) >= 0.6


def _prose(text: str) -> bool:
    """A sentence of the body: a labelled headline ('Explainer | Why now?') is none."""
    return is_sentence(text) and not headline.labelled(text)


def clean_article(raw: RawArticle) -> CleanArticle:
    """The headline, then the body, paragraphs separated by a blank line.

    The headline opens the text (once, however the page repeated it) because headlines carry
    quotes and actors too ("Beijing ready for 'constructive role'"), and every offset in the
    tables must point into one text.
    """
    lines = raw.text.splitlines()
    known = raw.title if raw.title and not headline.is_brand(tidy(raw.title), raw.outlet) else None
    reasons = classify(lines, known, raw.outlet)
    kept = [tidy(x) for x, r in zip(lines, reasons, strict=True) if r is None]
    removed = [tidy(x) for x, r in zip(lines, reasons, strict=True) if r and r != "headline"]
    if raw.title and known is None:  # the site's name was sent as title: the text's headline
        known = next(
            (tidy(x) for x, r in zip(lines, reasons, strict=True) if r == "headline"), None
        )
    title = tidy(known) if known else known  # "# Headline" read from Markdown
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
