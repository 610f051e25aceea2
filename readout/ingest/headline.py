"""Which of the headline-shaped lines before the lede is the article's headline.

Pages put several lines over a story that read like a headline: the site's tagline ("Russian
News Agency"), a row of menu items, the outlet's own name as the page title. The headline is
the one that shares most content words with the lede (a tagline shares one at most), and
never a line inside a menu block or a line that only names the outlet.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import lru_cache

from readout import KNOWLEDGE_DIR
from readout.ingest.furniture import load_furniture, norm

WORD = re.compile(r"[\w’'-]+")
MENU_ITEM_WORDS = 5  # words: a menu item or tagline is this short
RELATED = 2  # content words shared with the lede: the line is about the story
MENU_BLOCK = 3  # short lines in a row, none a sentence: a menu
BRAND_DROP = re.compile(r"^the\s+|\s+(?:news|agency|online|daily)$")
# A section label joined to the headline: "Explainer | What is X doing in Y?", "Analysis |
# Why ...". The label is 1-3 words; what follows may end in "?" and still be no sentence.
LABELLED = re.compile(r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}\s+\|\s+[^|]*\w[^|]*$")
# A live blog's entry stamp: a time alone with its zone or am/pm ("17.48 BST", "9:05 am").
# A bare running time ("03:41") is a video's, so a zone or am/pm is required.
ENTRY_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:(?i:[ap]\.?m\.?)(?:\s*[A-Z]{2,5})?|[A-Z]{2,5})$")
LIVE_ENTRIES = 2  # entry stamps on a page: a live blog


# Long function words: sharing one with the lede ("this", "with") says nothing of a line.
_FUNCTION = (
    "this that these those with from have been were will would could should about after "
    "before into over under their they them there then than what when where which while "
    "your also only some such very more most other"
)
FUNCTION_WORDS = frozenset(_FUNCTION.split())


def content_words(text: str) -> set[str]:
    found = {w.lower() for w in WORD.findall(text) if len(w) > 3} - FUNCTION_WORDS
    return {w.rstrip("’'s") for w in found}


def best(candidates: Sequence[tuple[int, str]], lede: str) -> int | None:
    """Index of the candidate that shares words with the lede: two shared content words make
    a line about the story, and then the earliest wins (a standfirst under the headline
    shares even more); below that, the larger share of its own words ("Xi Meets Putin"
    against the tagline "Russian News Agency"), and the first one when nothing is shared."""
    if not candidates:
        return None
    lede_words = content_words(lede)

    def score(k: int) -> tuple[int, float, int]:
        own = content_words(candidates[k][1])
        shared = len(own & lede_words)
        share = shared / len(own) if own and shared < RELATED else 0.0
        return min(shared, RELATED), share, -k

    return candidates[max(range(len(candidates)), key=score)][0]


def labelled(line: str) -> bool:
    """'Explainer | What is Wang doing in Oslo, and why now?': a headline after its section
    label, even when it reads as a question (prose never joins clauses with ' | ')."""
    match = LABELLED.match(line.strip())
    return bool(match) and len(WORD.findall(line.split("|", 1)[1])) >= 3


def before_entries(candidates: Sequence[tuple[int, str]], lines: Sequence[str]) -> list:
    """On a live blog, the candidates above its first timestamped entry: each entry opens
    with a time and its own headline, which shares more words with the first entry (read
    as the lede) than the page's headline does. Unchanged when no candidate is above."""
    stamps = [i for i, x in enumerate(lines) if ENTRY_TIME.match(x.strip())]
    if len(stamps) < LIVE_ENTRIES:
        return list(candidates)
    above = [c for c in candidates if c[0] < stamps[0]]
    return above or list(candidates)


def menu_lines(
    lines: Sequence[str], is_sentence: Callable[[str], bool], skip: Callable[[str], bool]
) -> set[int]:
    """Indexes of lines inside a block of 3+ adjacent short non-sentence lines (no blank line
    between them). Furniture (``skip``) sits in such a block without counting, as menus mix
    known section names with the site's own (bylines and dates are ``skip``ped too); a
    longer line or prose ends the block."""
    found: set[int] = set()
    block: list[int] = []
    counted = 0

    def close() -> None:
        if counted >= MENU_BLOCK:
            found.update(block)

    for i, raw in enumerate(lines):
        text = raw.strip()
        short = bool(text) and not is_sentence(text) and len(WORD.findall(text)) <= MENU_ITEM_WORDS
        if not short:
            close()
            block, counted = [], 0
            continue
        block.append(i)
        counted += not skip(text)
    close()
    return found


def brand_key(name: str) -> str:
    return BRAND_DROP.sub("", norm(name)).strip()


@lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    """Names of media in actors.toml (kind "media") and wire agencies: a line that is only one
    of them is the site's title or logo, not a headline."""
    names: list[str] = []
    try:
        data = tomllib.loads((KNOWLEDGE_DIR / "actors.toml").read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    for actor in data.get("actors", []):
        if actor.get("kind") == "media":
            names += [actor.get("name", ""), *actor.get("aliases", [])]
    for agency, aliases in load_furniture().get("agencies", {}).items():
        names += [agency, *aliases]
    return frozenset(k for k in map(brand_key, names) if k)


def is_brand(text: str, outlet: str | None = None) -> bool:
    """'The Kyiv Independent', 'Xinhua News Agency': the outlet's (or a known medium's) name."""
    key = brand_key(text)
    if not key:
        return False
    if outlet:  # "kyivindependent.com" names "The Kyiv Independent"
        own = {brand_key(outlet), brand_key(outlet.split(".")[0])}
        if key in own or key.replace(" ", "") in {k.replace(" ", "") for k in own}:
            return True
    return key in media_names()


# "Putin and Xi reaffirm partnership | DW News": a page title's site name after a bar
_SITE_SUFFIX = re.compile(r"\s+[|｜]\s+(?P<site>[^|｜.!?]{2,40})$")


def without_site_name(title: str) -> str:
    """The headline without a site name the page title appends after "|" (a short name, the
    headline itself at least four words)."""
    match = _SITE_SUFFIX.search(title)
    if match is None:
        return title
    head = title[: match.start()]
    site = match.group("site").split()
    if (
        len(site) > 4
        or len(head.split()) < 4
        or not all(w[:1].isupper() or not w[:1].isalpha() for w in site)
    ):
        return title
    return head
