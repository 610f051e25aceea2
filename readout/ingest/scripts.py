"""Which writing system a line is in, against the page it sits on.

English news pages copied from Russian, Chinese or Ukrainian sites keep their own menus and
appeals in the site's language ("Подпишитесь на нашу рассылку", a Chinese section name). A
line written mostly in another script than the page is furniture of that site, never a
sentence of the English article. The test is relative: a page written in Cyrillic keeps its
Cyrillic lines, so nothing is lost when someone imports an article in another language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LETTER = re.compile(r"[^\W\d_]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
PAGE_SHARE = 0.6  # most letters Latin: a Latin-script page, whatever its menus are in
LINE_SHARE = 0.7  # a third of its letters in another script: "Поддержите The Moscow Times"
MIN_LETTERS = 3  # "中" or "№ 5" alone says nothing about a line's language


NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def latin_share(text: str) -> float | None:
    """Share of the letters that are Latin; ``None`` for a text without letters."""
    letters = len(LETTER.findall(text))
    return len(LATIN.findall(text)) / letters if letters else None


def latin_page(lines: Iterable[str]) -> bool:
    text = "\n".join(lines)
    if text.isascii() or not NON_LATIN.search(text):  # nearly every English page: one pass
        return True
    share = latin_share(text)
    return share is not None and share >= PAGE_SHARE


def other_script(line: str) -> bool:
    """A line mostly in a non-Latin script (on a page known to be Latin)."""
    if line.isascii() or not NON_LATIN.search(line):
        return False
    if len(LETTER.findall(line)) < MIN_LETTERS:
        return False
    share = latin_share(line)
    return share is not None and share < LINE_SHARE
