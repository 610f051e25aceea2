"""Article metadata read from the text: headline, byline, agency, dates, URL, outlet.
``readout.ingest.meta_merge`` merges it with ``metadata.csv`` and the source's own metadata,
which are trusted first.

Each text helper looks at one line and recognises it or returns ``None``; nothing here raises
on odd input. Wire-agency names come from ``data/knowledge/furniture.toml``
(``readout.ingest.furniture``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

from readout.ingest import headline
from readout.ingest.furniture import canonical_agency
from readout.ingest.scripts import latin_page, other_script
from readout.nlp.dates.scanner import find_full_date, valid_day

URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?=[/_-]|\.html?|$)")
URL_LABEL = re.compile(
    r"^(?:original\s+url|source\s+url|url|link|source)\s*:\s*(?P<rest>.*)$", re.I
)
URL_START = re.compile(r"^(?:https?://|www\.)\S", re.I)
# Words that may sit beside a date on a date line ("Published: Fri 28 Mar 2025, 10:00 GMT").
DATE_LINE_WORDS = re.compile(
    r"\b(?:published|updated|last|posted|first|modified|on|at|date|am|pm|a\.m\.|p\.m\.|gmt|utc|"
    r"bst|cet|cest|est|edt|pst|msk|hkt|sast|(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day)?|"
    r"wednesday|thursday|tuesday|saturday)\b",
    re.I,
)
TIME = re.compile(
    r"\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\b|"  # "GMT+8", "UTC-05:00"
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|[+-]\d{2}:?\d{2}\b",
    re.I,
)
ZONE = re.compile(r"\b(?:[A-Z]{1,4}T|MSK)\b")  # time zone abbreviations: IST, JST, AEST, MSK
BYLINE = re.compile(r"^by\s*:?\s+(?P<who>[^.!?]{2,120})$", re.I)  # "By Jane Doe", "by: JANE DOE"
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}"
_IN_PLACE = rf"{_NAME}(?:(?:,|,? and) {_NAME}){{0,3}} in [A-Z][\w'’-]+(?: [A-Z]\w+)?"
# "Jane Doe in Beijing", "Tom Ashby in Moscow and Amy Lau in Taipei"
NAME_IN_PLACE = re.compile(rf"^(?P<who>{_IN_PLACE}(?:(?:,| and|, and) {_IN_PLACE})*)$")
CREDIT_LEAD = re.compile(r"^(?:with|(?:additional\s+)?reporting\s+by|source)\s*:?\s*", re.I)
AGO = re.compile(r"\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b", re.I)
# Precompiled, as they run on every line: re's own cache lookup would cost more than them.
_INVISIBLE, _WORD = re.compile(r"[\u200b-\u200d\u2060\ufeff]"), re.compile(r"[\w’'-]+")
# "…, Reuters reported." / "the Associated Press reported on Monday" / "reported by AFP":
# the words before or after "reported" are tried as an agency name (the last 1-4 words).
_REPORTED = re.compile(r"(?P<words>(?:\b[\w.'’-]+\s+){1,4})(?:reported|reports)\b")
_REPORTED_BY = re.compile(r"\breported\s+by\s+(?P<words>[\w.'’-]+(?:\s+[\w.'’-]+){0,3})")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{2,30}?)(?:,\s*[A-Z][\w.]*(?:\s+[A-Z\d][\w.]*){0,3})?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?\s*[-–—]+\s+\S"
)


def normalize_date(value: object) -> str | None:
    """Any common way of writing a date -> ``YYYY-MM-DD``; ``None`` if unreadable or ambiguous."""
    text = "" if value is None else str(value).strip()
    if not text or text.lower() in {"nan", "none", "null", "nat"}:
        return None
    return find_full_date(text)[0]


def date_line(line: str) -> str | None:
    """ISO date when ``line`` holds nothing but a date (with time, weekday, 'Updated' etc.)."""
    if len(line) > 80:
        return None
    iso, match = find_full_date(line)
    if not iso or match is None:
        return None
    rest = line[: match.start()] + " " + re.sub(r"^T(?=\d)", "", line[match.end() :])
    rest = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", " ", AGO.sub(" ", rest))  # "GMTUpdated"
    rest = DATE_LINE_WORDS.sub(" ", ZONE.sub(" ", TIME.sub(" ", rest)))
    return iso if not re.search(r"[A-Za-z0-9]", rest) else None


def byline(line: str) -> tuple[str, str | None] | None:
    """('By Jane Doe, Reuters') -> ('Jane Doe, Reuters', 'Reuters'); None if not a byline."""
    text = line.strip()
    named = NAME_IN_PLACE.match(text)  # "Jane Doe in Beijing"
    if named:  # the names without their places: "Tom Ashby and Amy Lau"
        places = r" in [A-Z][\w'’-]+(?: [A-Z]\w+)?(?=$|,| and)"
        return re.sub(places, "", named.group("who")), None
    match = BYLINE.match(text)
    if not match or len(match.group("who").split()) > 14:
        return None
    who = match.group("who").strip()
    parts = [p for p in re.split(r"\s*(?:,|\||/|;|\band\b|\bwith\b|\bfor\b)\s*", who) if p]
    agency = next((a for a in map(canonical_agency, parts) if a), None)
    return who, agency


def agency_credit(line: str) -> str | None:
    """Agency of a bare credit line: '— AFP', '(Reuters)', 'With AFP', 'Reporting by AP'."""
    text = CREDIT_LEAD.sub("", line.strip(" -–—()"))
    if len(text) >= 40:
        return None
    outlet_with = re.match(r"^[A-Z][\w .'’-]{1,30}?\s+(?:with|and|/|&)\s+(?P<agency>.+)$", text)
    if outlet_with and canonical_agency(outlet_with.group("agency").strip(" ()")):
        return canonical_agency(outlet_with.group("agency").strip(" ()"))  # "Daily Sabah with AA"
    return canonical_agency(text.strip(" ()"))


def reported_agency(line: str) -> str | None:
    """Agency a sentence credits: 'Xi met Putin, Reuters reported.' -> 'Reuters'."""
    if "report" not in line:  # a cheap first test: most lines never say it
        return None
    for pattern, from_end in ((_REPORTED, True), (_REPORTED_BY, False)):
        for match in pattern.finditer(line):
            found = _agency_in(match.group("words").split(), from_end=from_end)
            if found:
                return found
    return None


def _agency_in(tokens: list[str], *, from_end: bool) -> str | None:
    """The longest run of ``tokens`` at their end (or start) that names a wire agency."""
    for size in range(min(len(tokens), 4), 0, -1):
        part = tokens[-size:] if from_end else tokens[:size]
        name = canonical_agency(" ".join(part).strip(",;:.()"))
        if name and part[-1][:1].isupper():  # a name: "AP reported", not "ap reported"
            return name
    return None


def dateline(line: str) -> tuple[str, str | None] | None:
    """('MOSCOW (Reuters) - ...') -> ('MOSCOW', 'Reuters'); the line itself is body text."""
    match = DATELINE.match(line.strip())
    if not match:
        return None
    agency = match.group("agency")
    return match.group("place").strip(), (canonical_agency(agency) or agency) if agency else None


def url_in(lines: list[str], index: int) -> tuple[str, int] | None:
    """(URL, its line index) for an 'Original url:' label at ``index``; the URL may be on the
    label's line or the next non-blank one."""
    match = URL_LABEL.match(lines[index].strip())
    if not match:
        return None
    after = [j for j in range(index + 1, min(index + 4, len(lines))) if lines[j].strip()]
    j = index if match.group("rest").strip() else (after or [index])[0]
    url = _as_url(match.group("rest") if j == index else lines[j])
    return (url, j) if url else None


def _as_url(text: str) -> str | None:
    # Copy-paste breaks long URLs with a space; URLs never contain one, so spaces are dropped.
    text = text.strip()
    if not URL_START.match(text) or len(text.split()) > 3:
        return None
    url = re.sub(r"\s+", "", text)
    return url if url.lower().startswith("http") else "https://" + url


def is_url_line(line: str) -> bool:
    return _as_url(line) is not None


def url_date(url: str | None) -> str | None:
    """Date written in a URL path: /2025/03/28/, /2025-03-28-, /20250328/."""
    if not url:
        return None
    match = URL_DATE.search(urlsplit(url).path)
    return valid_day(*map(int, match.groups())) if match else None


def url_outlet(url: str | None) -> str | None:
    """Outlet named by the URL's host: 'https://www.scmp.com/news/...' -> 'scmp.com'."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = re.sub(r"^(?:www\d?|m|amp|edition)\.", "", host)
    return host or None


def plain(line: str) -> str:
    """A line without the invisible characters web pages carry (no-break, zero-width)."""
    return _INVISIBLE.sub("", line.replace("\xa0", " ")).strip()


def words(line: str) -> list[str]:
    return _WORD.findall(line)


@lru_cache(maxsize=1 << 14)  # the cleaner asks about each line in several passes
def is_sentence(line: str) -> bool:
    """Prose: four or more words, a lowercase word, and closing sentence punctuation."""
    text = line.strip().rstrip("”\"’')]»* ")
    return text[-1:] in ".!?…" and len(words(line)) >= 4 and bool(re.search(r"[a-z]", line))


def looks_like_headline(line: str) -> bool:
    """3-30 words, no closing full stop, mixed case: how headlines are written."""
    text = line.strip()
    count = len(words(text))
    if not 3 <= count <= 30 or len(text) > 250 or text.rstrip("”\"’'").endswith("."):
        return False
    return bool(re.search(r"[a-z]", text)) and not URL_START.match(text)


def infer_title(
    lines: list[str], is_furniture: Callable[[str], bool], outlet: str | None = None
) -> str | None:
    """The headline-shaped line before the body starts that shares most words with the lede.

    Page furniture, lines of a menu block and the outlet's own name are no candidates; a
    site tagline ("Exclusive news, data and analytics ...") shares fewer words with the lede
    than the headline does, and ties go to the earliest line.
    """
    plain_lines = [plain(x) for x in islice(lines, 200)]
    menu = headline.menu_lines(plain_lines, is_sentence, lambda x: _not_text(x, is_furniture))
    candidates: list[tuple[int, str]] = []
    lede: list[str] = []
    latin = latin_page(lines)
    shown = [(i, x) for i, x in enumerate(plain_lines) if x][:60]
    for i, line in shown:
        if _not_text(line, is_furniture):
            continue
        if latin and other_script(line):  # the site's own menu in its language
            continue
        if is_sentence(line) and not headline.labelled(line):
            lede.append(line)
            if len(lede) == 2:
                break
        elif not lede and i not in menu and looks_like_headline(line):
            candidates += [] if headline.is_brand(line, outlet) else [(i, line)]
    candidates = headline.before_entries(candidates, plain_lines)
    chosen = headline.best(candidates, " ".join(lede))
    return headline.without_site_name(plain_lines[chosen]) if chosen is not None else None


def _not_text(line: str, is_furniture: Callable[[str], bool]) -> bool:
    return bool(is_furniture(line) or byline(line) or date_line(line) or is_url_line(line))


def infer_metadata(text: str, is_furniture: Callable[[str], bool]) -> dict[str, str | None]:
    """title, agency, published and url as the text states them (``None`` where silent);
    ``wire`` is "yes" when the agency is credited with the story, not only cited."""
    lines = text.splitlines()
    found: dict[str, str | None] = dict.fromkeys(("title", "agency", "published", "url", "wire"))
    found["title"] = infer_title(lines, is_furniture)
    for i, line in enumerate(lines):
        line = plain(line)
        by = byline(line)
        if by and not found["agency"]:
            found["agency"] = by[1]
        credit = agency_credit(line) if line and not found["agency"] else None
        if credit and not found["agency"]:
            found["agency"] = credit
        if not found["published"] and (by or len(line) <= 80):
            found["published"] = date_line(line) or (find_full_date(line)[0] if by else None)
        if not found["url"] and line:
            hit = url_in(lines, i)
            found["url"] = hit[0] if hit else None
    # Else the dateline of one of the first body lines: 'MOSCOW (Reuters) -'.
    first = [x for x in lines if x.strip()][:15]
    datelines = (dateline(x) for x in first)
    found["agency"] = found["agency"] or next((d[1] for d in datelines if d and d[1]), None)
    # So far the agency wrote the story (byline, credit, dateline): it is a wire story. A lede
    # that only cites one ('..., Reuters reported.') names a source, not the author.
    found["wire"] = "yes" if found["agency"] else None
    found["agency"] = found["agency"] or next(filter(None, map(reported_agency, first)), None)
    return found
