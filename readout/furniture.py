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
    patterns = tuple(
        (re.compile(p, re.I), _label(kind))
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
    phrases = data.get("appeals", {}).get("phrases", []) or ["\0"]
    appeals = re.compile("|".join(re.escape(p) for p in phrases), re.I)
    follow = frozenset(norm(x) for x in data.get("follow", {}).get("lines", []))
    credit_names = frozenset(norm(x) for x in data.get("credits", {}).get("names", []))
    artifacts = data.get("inline", {}).get("artifacts", [])
    inline = re.compile("|".join(map(re.escape, artifacts)), re.I) if artifacts else None
    joined = _union(patterns), tuple(p for p, _ in prefixes), _union(keywords)
    return Rules(
        lines, patterns, prefixes, keywords, appeals, follow, credit_names, inline, *joined
    )


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
