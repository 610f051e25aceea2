"""Compiled ``data/knowledge/furniture.toml``: the cleaner's line rules, wire-agency names.

Compiled once per process (a change to the file needs a new process, as builds are), with
each list of rule patterns also joined into one regex: most lines match no rule, and one
pass over a line is much cheaper than one per rule.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from readout import KNOWLEDGE_DIR

FURNITURE_FILE = KNOWLEDGE_DIR / "furniture.toml"
ANYTHING = re.compile(r"(?s).*")
NON_ALNUM = re.compile("[^a-z0-9]+")
FRAGMENT = re.compile(r"\{\{(\w+)\}\}")  # {{name}} in a pattern: a [fragments] entry
GLUED = re.compile(r"[a-z](?=[A-Z])")  # "ChevronIcon": words run together without a space


@lru_cache(maxsize=4)
def load_furniture(path: Path = FURNITURE_FILE) -> dict:
    """The raw furniture.toml tables (empty if the file is missing, so reading still works)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key of line_reason
class Rules:
    lines: dict[str, str]  # normalised whole line -> reason
    patterns: tuple[tuple[re.Pattern, str], ...]
    prefixes: tuple[tuple[str, str], ...]
    keywords: tuple[tuple[re.Pattern, str], ...]
    appeals: re.Pattern
    button_words: frozenset[str]
    icons: re.Pattern | None  # icon names inside glued words
    follow: frozenset[str]
    credit_names: frozenset[str]
    inline: re.Pattern | None  # link/player text cut out of lines wherever it appears
    # "Could any rule apply?" in one pass, so most lines skip the loops over each rule.
    any_pattern: re.Pattern
    any_prefix: tuple[str, ...]
    any_keyword: re.Pattern


@lru_cache(maxsize=1 << 14)  # the same line is keyed for several passes of the cleaner
def norm(line: str) -> str:
    """Lowercase, straight quotes, single spaces, no surrounding punctuation."""
    text = line.replace("’", "'").replace("‘", "'").lower()
    return " ".join(text.split()).strip(" \t-–—|:;,.!?»«›‹>•*()[]\"'")


def _label(table: str) -> str:
    return table.replace("_", " ")


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> Rules:
    """Compiled furniture.toml (cached: a change needs a new process, as builds are)."""
    data = load_furniture(path) if path else load_furniture()
    lines = {norm(x): _label(k) for k, items in data.get("lines", {}).items() for x in items}
    fragments = data.get("fragments", {})
    patterns = tuple(
        (re.compile(expand(p, fragments), re.I), _label(kind))
        for kind, ps in data.get("patterns", {}).items()
        for p in ps
    )
    prefixes = tuple(
        (p.lower().replace("’", "'"), _label(kind))
        for kind, ps in data.get("prefixes", {}).items()
        for p in ps
    )
    keywords = tuple(
        (re.compile(r"\b" + re.escape(k) + r"\b", re.I), _label(kind))
        for kind, ks in data.get("keywords", {}).items()
        for k in ks
    )
    appeal = data.get("appeals", {})
    phrases = [re.escape(p) for p in appeal.get("phrases", [])] + appeal.get("patterns", [])
    appeals = re.compile("|".join(expand(p, fragments) for p in phrases or ["\0"]), re.I)
    buttons = data.get("buttons", {})
    button_words = frozenset(w.lower() for w in buttons.get("words", []))
    icon_names = buttons.get("icons", [])
    icons = re.compile("|".join(map(re.escape, icon_names)), re.I) if icon_names else None
    follow = frozenset(norm(x) for x in data.get("follow", {}).get("lines", []))
    credit_names = frozenset(norm(x) for x in data.get("credits", {}).get("names", []))
    artifacts = data.get("inline", {}).get("artifacts", [])
    inline = re.compile("|".join(map(re.escape, artifacts)), re.I) if artifacts else None
    joined = _union(patterns), tuple(p for p, _ in prefixes), _union(keywords)
    return Rules(
        lines, patterns, prefixes, keywords, appeals, button_words, icons, follow,
        credit_names, inline, *joined,
    )  # fmt: skip


def expand(pattern: str, fragments: dict[str, str], depth: int = 0) -> str:
    """``{{name}}`` replaced by ``(?:fragment)``, fragments themselves expanded in turn."""
    if depth > 10:
        raise ValueError(f"furniture.toml: fragments nest too deep in {pattern[:60]!r}")

    def one(match: re.Match) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ValueError(f"furniture.toml: no fragment named {name!r}")
        return f"(?:{expand(fragments[name], fragments, depth + 1)})"

    return FRAGMENT.sub(one, pattern)


def is_button_row(text: str, rules: Rules) -> bool:
    """A short line made only of share-bar and icon words: 'Facebook Twitter Email Print'."""
    tokens = re.findall(r"[\w'-]+", text.lower())
    return 0 < len(tokens) <= 12 and all(t in rules.button_words for t in tokens)


def is_icon_text(text: str, rules: Rules) -> bool:
    """SVG icon titles copied as text: 'ArrowChevronIcon FacebookIcon Mail' (3+ glued words
    naming icons). Prose runs few words together, and names no icons in them."""
    if "sketch" in text.lower() and re.search(r"created with sketch", text, re.I):
        return True  # the title a drawing program leaves in every exported icon
    if rules.icons is None or not GLUED.search(text):
        return False
    glued = [w for w in text.split() if GLUED.search(w) and rules.icons.search(w)]
    return len(glued) >= 3


def _union(rules: tuple[tuple[re.Pattern, str], ...]) -> re.Pattern:
    """A regex matching wherever one of the rules' patterns would; anything when they cannot
    be joined (group numbers would shift; a flag like (?x) must start the whole pattern)."""
    if any(p.groups for p, _ in rules):
        return ANYTHING
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p, _ in rules), re.I)
    except re.error:
        return ANYTHING


def canonical_agency(name: str) -> str | None:
    """'Agence France-Presse' -> 'AFP' when the name is a known wire agency."""
    return _agencies().get(_agency_key(name))


def _agency_key(name: str) -> str:
    return NON_ALNUM.sub(" ", name.lower()).strip()


@lru_cache(maxsize=1)  # asked on every short line
def _agencies() -> dict[str, str]:
    """Key of each agency name and alias -> canonical name (the first listed wins)."""
    agencies = load_furniture().get("agencies", {}).items()
    pairs = [(_agency_key(a), name) for name, aliases in agencies for a in [name, *aliases]]
    return dict(reversed(pairs))
