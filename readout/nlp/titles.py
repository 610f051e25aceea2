"""Titles that name a person by office: "China's foreign minister", "France's top diplomat".

The same words name different people over time, so a title is resolved against the role
holders of the knowledge base on the article's publication date.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from readout.knowledge import KnowledgeBase, fold

MAX_COUNTRY_TOKENS = 3
MAX_TITLE_TOKENS = 6
POSSESSIVES = {"'s", "’s", "'", "’"}


def _country_at(doc: Doc, i: int, kb: KnowledgeBase) -> tuple[str, int] | None:
    """The country named by the tokens starting at ``i`` and the index after them."""
    for n in range(MAX_COUNTRY_TOKENS, 0, -1):
        if i + n > len(doc):
            continue
        words = doc[i : i + n]
        if not words[0].text[:1].isupper():
            return None
        country = kb.country_of_word(words.text)
        if country:
            return country, i + n
    return None


def _title_at(doc: Doc, i: int, kb: KnowledgeBase) -> tuple[list[str], int] | None:
    """The longest title phrase starting at ``i``: (role keys, index after it)."""
    for n in range(MAX_TITLE_TOKENS, 0, -1):
        if i + n > len(doc):
            continue
        roles = kb.roles_for_title(fold(doc[i : i + n].text))
        if roles:
            return roles, i + n
    return None


def _names_a_person(doc: Doc, i: int, taken: set[int]) -> bool:
    """True when a linked name follows the title ("Foreign Minister Wang Yi")."""
    return i < len(doc) and i in taken


def _resolve(kb: KnowledgeBase, roles: list[str], country: str, on: date | None) -> str | None:
    for role in roles:
        holder = kb.holder(role, country, on)
        if holder is not None:
            return holder.id
    return None


def find_title_mentions(
    doc: Doc, *, kb: KnowledgeBase, on: date | None, taken: set[int]
) -> list[tuple[Span, str | None]]:
    """Title phrases with a country and no name after them, with the holder's actor id."""
    found = []
    i = 0
    while i < len(doc):
        country = _country_at(doc, i, kb)
        if country is None:
            i += 1
            continue
        name, after = country
        if after < len(doc) and doc[after].text in POSSESSIVES:
            after += 1
        title = _title_at(doc, after, kb)
        if title is None or _names_a_person(doc, title[1], taken):
            i = after if after > i else i + 1
            continue
        roles, end = title
        found.append((Span(doc, i, end, label="TITLE"), _resolve(kb, roles, name, on)))
        i = end
    return found
