"""Furniture told by its neighbours: what follows a "Next Post" marker, the text of an
embedded post, another story's headline between body sentences, repeated labels, the page
footer and labels set between furniture lines. Each pass reads and updates ``reasons``
(one per line: None for article text, '' for a blank line, else why the line goes)."""

from __future__ import annotations

import re

from readout.ingest.furniture import Rules, norm
from readout.ingest.meta import is_sentence, words
from readout.ingest.tidy import is_bullet, tidy

HEADLINE_WORDS = (7, 30)  # words: a related headline set between body sentences
CREDIT_WORDS = 8  # words: a credit alone ("REUTERS/Jane Roe"), not a caption ending in one
CAPTION_WORDS = 40  # words: longer unpunctuated lines beside a credit are not captions
# Lines that credit a picture: a caption's neighbour is that picture's caption.
CREDIT_REASONS = frozenset({"credit", "photo caption", "copyright"})
# A copyright line that credits a photo ("© Agency / Name"), not the site ("© 2025 Outlet").
PHOTO_COPYRIGHT = re.compile(r"/|\b(?:photo|picture|image|media ?bank)", re.I)
SITE_COPYRIGHT = re.compile(r"\b(?:19|20)\d\d\b|rights reserved", re.I)
# Closing credits written as a sentence: "Additional reporting by Jane Roe; editing by X."
CLOSING_CREDIT = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing|editing|research)\s+by\b.{1,160}$"
    r"|^[^.!?]{1,80}\bcontributed\s+(?:additional\s+)?(?:reporting|research)\b.{0,80}$",
    re.I,
)

# Names alone: two or three capitalised words each, joined by "and", "&" or commas.
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}"
NAMES_ONLY = re.compile(rf"^{_NAME}(?:(?:,| and| &|, and) {_NAME})*$")

# A list widget of other stories: "list of 4 items", its items, then "end of list".
LIST_START, LIST_END = re.compile(r"^list of (\d+) items?$", re.I), "end of list"
LIST_ITEM_WORDS = 30  # words: longer lines are prose, not teaser headlines
# A gallery's caption: a fragment opening with a preposition, no verb and no comma (a
# sentence "At the talks, X said ..." has both): "With Jane Roe before the talks."
GALLERY_CAPTION = re.compile(
    r"^(?:with|at|during|before|after|following|ahead\s+of|on\s+the\s+sidelines\s+of)\s", re.I
)
VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|shall|may|"
    r"might|must|do|does|did|said|says|told|tells|added|agreed|met|held|took|made)\b",
    re.I,
)
CAPTIONS_AFTER_GALLERY = 3  # a gallery shows one caption at a time; a few at most in text
CORRECTION_LINES = 3  # lines of a correction note's paragraph read as part of it


def next_text(reasons: list, start: int, step: int) -> int | None:
    i = start + step
    while 0 <= i < len(reasons) and reasons[i] == "":
        i += step
    return i if 0 <= i < len(reasons) else None


def after_markers(lines: list[str], reasons: list, rules: Rules) -> None:
    """Short lines after 'Next Post' (other stories) or a running time (video titles); a
    player shows its title just above the running time too."""
    for i, line in enumerate(lines):
        key = norm(tidy(line))
        if key not in rules.follow and reasons[i] != "video":
            continue
        label = "other story" if key in rules.follow else "video title"
        before = next_text(reasons, i, -1)
        if label == "video title" and before is not None and _unpunctuated(lines, reasons, before):
            reasons[before] = label
        j = next_text(reasons, i, 1)
        while j is not None and reasons[j] is None and not is_sentence(tidy(lines[j])):
            reasons[j] = label
            j = next_text(reasons, j, 1)


def _unpunctuated(lines: list[str], reasons: list, i: int) -> bool:
    """Article text that is no sentence: a caption, title or label, not prose."""
    text = tidy(lines[i])
    return reasons[i] is None and not is_sentence(text) and not is_bullet(lines[i])


def credit_captions(lines: list[str], reasons: list) -> None:
    """A line without closing punctuation just before or after a photo credit ('© Agency /
    Name', 'Photo: X') is the caption of that photo."""
    for i, reason in enumerate(reasons):
        if reason not in CREDIT_REASONS:
            continue
        text = tidy(lines[i])
        if reason == "copyright" and (
            SITE_COPYRIGHT.search(text) or not PHOTO_COPYRIGHT.search(text)
        ):
            continue  # the site's own copyright, not a picture's
        if reason == "photo caption" and (is_sentence(text) or len(words(text)) > CREDIT_WORDS):
            continue  # a caption that carries its credit is whole: its neighbours are not
        for j in (next_text(reasons, i, -1), next_text(reasons, i, 1)):
            if j is not None and _unpunctuated(lines, reasons, j) and _caption_shaped(lines[j]):
                reasons[j] = "photo caption"


def _caption_shaped(line: str) -> bool:
    text = tidy(line)  # a lead-in to a list ("The plan covers:") is no caption
    return len(words(text)) <= CAPTION_WORDS and text[-1:] != ":"


def headline_again(lines: list[str], reasons: list, head: int) -> None:
    """The page printing its headline a second time (over the body, in a share box)."""
    key = norm(tidy(lines[head]))
    for i in range(head + 1, len(lines)):
        if reasons[i] is None and norm(tidy(lines[i])) == key:
            reasons[i] = "headline again"


def embedded_posts(reasons: list) -> None:
    """An embedded post is its text, then its signature ('— Name (@handle) Date'): the
    line just above a signature is the post's own text, not the article's."""
    for i, reason in enumerate(reasons):
        if reason != "post signature":
            continue
        j = next_text(reasons, i, -1)
        if j is not None and reasons[j] is None:
            reasons[j] = "embedded post"


def interstitial_headlines(lines: list[str], reasons: list) -> None:
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
        sides = [next_text(reasons, i, step) for step in (-1, 1)]
        body = [j is not None and reasons[j] is None and is_sentence(tidy(lines[j])) for j in sides]
        furniture = [j is not None and reasons[j] not in (None, "headline") for j in sides]
        if any(body) and all(b or f for b, f in zip(body, furniture, strict=True)):
            reasons[i] = "other story"


def _title_case(text: str) -> bool:
    long_words = [w for w in words(text) if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) > 0.7 * len(long_words)


def repeated(lines: list[str], reasons: list) -> None:
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


# An agency's tag closing the last paragraph: "... in the face of US tariffs. (ANI)"
AGENCY_TAG = re.compile(r"(?<=[.!?\"”’])\s*\([^()]{2,30}\)\.?$")
SIGNED_WORDS = 15  # a caption is seldom a sentence this long


def signed_off(lines: list[str], reasons: list) -> None:
    """The last paragraph of the body, signed with the agency's tag, is not a photo caption
    (a caption ending in a credit is told from it by its place: it stands before body text)."""
    kept = [i for i, r in enumerate(reasons) if r in (None, "photo caption")]
    last = kept[-1] if kept else None
    if last is None or reasons[last] != "photo caption" or None not in reasons[:last]:
        return
    body = _unsigned(tidy(lines[last]))
    if body != tidy(lines[last]) and is_sentence(body) and len(words(body)) >= SIGNED_WORDS:
        reasons[last] = None


def _unsigned(text: str) -> str:
    match = AGENCY_TAG.search(text)
    return text[: match.start()] if match else text


def footer(lines: list[str], reasons: list) -> None:
    """After the last body sentence, short lines are page footer (menus, appeals, teasers)."""
    for i in range(len(lines) - 1, -1, -1):
        if reasons[i] is None:
            if CLOSING_CREDIT.match(tidy(lines[i])) and len(words(tidy(lines[i]))) <= 30:
                reasons[i] = "contributor credit"  # the last line credits the reporters
                continue
            if is_sentence(_unsigned(tidy(lines[i]))):
                return
            reasons[i] = "page footer"


def sandwiched(lines: list[str], reasons: list) -> None:
    """A short label between two furniture lines belongs to them (a slogan under a menu)."""
    for i, line in enumerate(lines):
        text = tidy(line)
        if reasons[i] is not None or is_sentence(text) or is_bullet(line):
            continue
        if len(words(text)) > 6:
            continue
        before, after = next_text(reasons, i, -1), next_text(reasons, i, 1)
        sides = [j for j in (before, after) if j is not None]
        if sides and all(reasons[j] not in (None, "headline") for j in sides):
            reasons[i] = "between furniture"


def name_lines(lines: list[str], reasons: list) -> None:
    """A line of names only ("Jane Roe and John Doe") beside furniture (a date stamp, a
    caption) is the byline of a page that does not write "By"."""
    for i, line in enumerate(lines):
        if reasons[i] is not None or not NAMES_ONLY.match(tidy(line)):
            continue
        before, after = next_text(reasons, i, -1), next_text(reasons, i, 1)
        if any(j is not None and reasons[j] not in (None, "headline") for j in (before, after)):
            reasons[i] = "byline"


def list_widgets(lines: list[str], reasons: list) -> None:
    """The items of a 'list of N items' widget (other stories' headlines, some written as
    questions) up to its 'end of list', or its N items when no end is marked."""
    for i, line in enumerate(lines):
        start = LIST_START.match(tidy(line))
        if not start:
            continue
        count, j, seen = int(start.group(1)), next_text(reasons, i, 1), 0
        while j is not None and seen < 2 * count + 2:
            text = tidy(lines[j])
            if text.lower() == LIST_END or len(words(text)) > LIST_ITEM_WORDS:
                break
            if reasons[j] is None:
                reasons[j] = "other story"
            seen += 1
            j = next_text(reasons, j, 1)


def gallery_captions(lines: list[str], reasons: list) -> None:
    """Captions a photo gallery prints after its marker ('Photo gallery (12 photos)'):
    verbless fragments such as 'During the talks in narrow format.'"""
    for i, reason in enumerate(reasons):
        if reason != "gallery":
            continue
        j = next_text(reasons, i, 1)
        for _ in range(CAPTIONS_AFTER_GALLERY):
            if j is None or reasons[j] is not None or not _gallery_caption(tidy(lines[j])):
                break
            reasons[j] = "photo caption"
            j = next_text(reasons, j, 1)


def _gallery_caption(text: str) -> bool:
    return (
        bool(GALLERY_CAPTION.match(text))
        and len(words(text)) <= CAPTION_WORDS
        and "," not in text
        and not VERBS.search(text)
    )


def corrections(lines: list[str], reasons: list) -> None:
    """A correction note is removed whole: the paragraph under a 'Correction' heading, and
    the rest of the note's own paragraph (lines right below it, no blank line between) when
    the page separates its paragraphs with blank lines."""
    blank = sum(r == "" for r in reasons)
    spaced = blank * 4 >= len(reasons) - blank  # a blank line per few lines of text
    for i, reason in enumerate(reasons):
        if reason != "correction":
            continue
        if len(words(tidy(lines[i]))) <= 3:  # the heading alone: its note follows
            j = next_text(reasons, i, 1)
            if j is not None and reasons[j] is None:
                reasons[j] = "correction"
            continue
        for j in range(i + 1, min(i + 1 + CORRECTION_LINES, len(lines))):
            if not spaced or reasons[j] == "" or reasons[j] not in (None, "correction"):
                break
            reasons[j] = "correction"
