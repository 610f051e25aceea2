"""Spellings of a person's name that the knowledge base does not list one by one.

Outlets transliterate Slavic names each their own way and combine the spellings freely
("Vladimir Zelenskyy" from the Russian given name and one Ukrainian surname spelling). A person
whose name or aliases read "Given Surname" is also known under every given name × surname of
those forms, each widened by the equivalence groups of ``data/knowledge/names.toml``. Forms of
one word or of three (with a patronymic) are left as listed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

NAMES_FILE = "names.toml"


@dataclass(frozen=True)
class NameVariants:
    given: dict[str, tuple[str, ...]]  # lowercase given name -> its group
    endings: tuple[tuple[str, ...], ...]  # surname endings written several ways

    def givens(self, name: str) -> tuple[str, ...]:
        return self.given.get(name.lower(), (name,))

    def surnames(self, name: str) -> tuple[str, ...]:
        for group in self.endings:
            for ending in sorted(group, key=len, reverse=True):  # "skyy" before "sky"
                if name.lower().endswith(ending) and len(name) > len(ending) + 2:
                    stem = name[: -len(ending)]
                    return tuple(stem + e for e in group)
        return (name,)


def load_name_variants(folder: Path) -> NameVariants:
    """The groups in ``folder/names.toml``; none when the file is absent."""
    path = folder / NAMES_FILE
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    given = {n.lower(): tuple(group) for group in data.get("given", []) for n in group}
    endings = tuple(tuple(group) for group in data.get("surname_endings", []))
    return NameVariants(given, endings)


def person_variants(forms: list[str], variants: NameVariants) -> list[str]:
    """The "Given Surname" combinations of ``forms`` not among them, in a stable order."""
    pairs = [f.split() for f in forms if len(f.split()) == 2]
    if not pairs:
        return []
    givens = {g: None for first, _ in pairs for g in variants.givens(first)}
    surnames = {s: None for _, last in pairs for s in variants.surnames(last)}
    listed = {f.lower() for f in forms}
    combos = (f"{g} {s}" for g in givens for s in surnames)
    return [c for c in combos if c.lower() not in listed]
