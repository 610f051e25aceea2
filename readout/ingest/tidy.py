"""One line of a web page made plain: spacing, bullets, Markdown marks, closing credits."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from readout.ingest.furniture import load_rules

BULLET = re.compile(r"^\s*[•●▪■◦‣∙·*–—-]\s+")
HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")  # a Markdown heading: "# Headline"
BLANKS = re.compile(r"[ \t]+")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# A credit in parentheses closing the last sentence of a paragraph: "... peninsula.
# (Reporting by Jane Doe; Editing by John Roe)", "... (With inputs from agencies.)"
TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*\(\s*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|edited)"
    r"\s+by\b|with\s+(?:additional\s+)?inputs?\s+from\b|with\s+(?:agency|agencies|wire)\s+inputs?\b)"
    r"[^()]{0,160}\)\.?$",
    re.I,
)


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
