"""Titles that name a person by office: "China's foreign minister", "France's top diplomat".

The same words name different people over time, so a title is resolved against the role
holders of the knowledge base on the article's publication date.
"""

from __future__ import annotations

from datetime import date

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span

from readout.knowledge import KnowledgeBase, fold

MAX_COUNTRY_TOKENS = 3
MAX_TITLE_TOKENS = 6
POSSESSIVES = {"'s", "’s", "'", "’"}


class _Words:
    """The doc's token texts as plain strings: the title scan looks at every token, and
    spaCy builds a new Token object on every ``doc[i]``."""

    def __init__(self, doc: Doc) -> None:
        columns = doc.to_array([ORTH, SPACY]).tolist()  # no Token object built per token
        strings = doc.vocab.strings
        self.texts = [strings[orth] for orth, _ in columns]
        self.spaces = [" " if space else "" for _, space in columns]
        self.folded = [fold(text) for text in self.texts]

    def __len__(self) -> int:
        return len(self.texts)

    def phrase(self, i: int, n: int) -> str:
        """The text of tokens ``i`` to ``i + n`` (as ``doc[i : i + n].text``)."""
        parts = [self.texts[k] + self.spaces[k] for k in range(i, i + n - 1)]
        return "".join(parts) + self.texts[i + n - 1]


def _qualifier_at(words: _Words, i: int, kb: KnowledgeBase) -> tuple[str, int] | None:
    """The country or organisation named by the tokens at ``i`` and the index after them."""
    if not words.texts[i][:1].isupper() or not kb.may_start_qualifier(words.folded[i]):
        return None
    for n in range(MAX_COUNTRY_TOKENS, 0, -1):
        if i + n > len(words):
            continue
        qualifier = kb.qualifier_of_word(words.phrase(i, n))
        if qualifier:
            return qualifier, i + n
    return None


def _title_at(words: _Words, i: int, kb: KnowledgeBase) -> tuple[list[str], int] | None:
    """The longest title phrase starting at ``i``: (role keys, index after it)."""
    if i >= len(words) or words.folded[i] not in kb.title_first_words:
        return None
    for n in range(MAX_TITLE_TOKENS, 0, -1):
        if i + n > len(words):
            continue
        roles = kb.roles_for_title(fold(words.phrase(i, n)))
        if roles:
            return roles, i + n
    return None


def _named_after(words: _Words, i: int, taken: dict[int, str]) -> str | None:
    """The linked name that follows the title ("Foreign Minister Wang Yi", "spokesperson,
    Guo Jiakun"), if any."""
    if i < len(words) and words.texts[i] == ",":
        i += 1
    return taken.get(i) if i < len(words) else None


def _named_in_article(
    kb: KnowledgeBase, roles: list[str], ofs: list, named: dict[tuple[str, ...], str]
) -> str | None:
    """The person this article names with the same title ("the country's top diplomat Wang
    Yi"): a headline's "China's top diplomat" is that person, whoever the knowledge base
    lists for the role on the day (titles such as "top diplomat" move between offices)."""
    actor_id = named.get(tuple(roles))
    actor = kb.actors.get(actor_id or "")
    if actor is None or ofs[0] is None or ofs[0] != actor.country:
        return None  # a bare "President" could be anyone's
    return actor_id


def _resolve(kb: KnowledgeBase, roles: list[str], ofs: list, on: date | None) -> str | None:
    for of in ofs:
        for role in roles:
            holders = kb.holders(role, of, on)
            if len(holders) == 1:
                return holders[0].id
            if holders and of is None:
                # "the head of government" anywhere: prime ministers are many, so the phrase
                # is nobody in particular, not the one chancellor its later role would give
                return None
    return None


def _qualified_title(words: _Words, i: int, kb: KnowledgeBase):
    """ "China's foreign minister": (start, end, role keys, qualifier) or None."""
    qualifier = _qualifier_at(words, i, kb)
    if qualifier is None:
        return None
    of, after = qualifier
    if after < len(words) and words.texts[after] in POSSESSIVES:
        after += 1
    title = _title_at(words, after, kb)
    return (i, title[1], title[0], [of]) if title else None


def _bare_title(words: _Words, i: int, kb: KnowledgeBase):
    """ "Kremlin spokesman", "NATO chief": the title names its own organisation, or its role
    has a single holder anywhere."""
    if not words.texts[i][:1].isalpha():
        return None
    title = _title_at(words, i, kb)
    if title is None:
        return None
    named = [q for t in words.texts[i : title[1]] if (q := kb.qualifier_of_word(t))]
    # "NATO chief" is NATO's; "Kremlin spokesman" is held "of Russia", so fall back to a
    # role with a single holder anywhere.
    return i, title[1], title[0], [*named[:1], None]


def _of_country(words: _Words, i: int, kb: KnowledgeBase, taken: dict[int, str]):
    """ "of Russia", "of the People's Republic of China" after a title: (country, index
    after it), read from the linked country mention there."""
    if i >= len(words) or words.texts[i] != "of":
        return None
    k = i + 1
    actor = kb.actors.get(taken.get(k, ""))
    if actor is None and k < len(words) and words.folded[k] == "the":
        k, actor = k + 1, kb.actors.get(taken.get(k + 1, ""))
    if actor is None or actor.kind != "country":
        return None
    while taken.get(k) == actor.id:
        k += 1
    return actor.name, k


def find_title_mentions(
    doc: Doc, *, kb: KnowledgeBase, on: date | None, taken: dict[int, str]
) -> list[tuple[Span, str | None]]:
    """Title phrases not followed by a name, resolved to the person the article names with
    the same title, else to their holder on the date; titles that resolve to nobody (or to
    several people) are left out. ``taken``: token index -> actor id of linked names."""
    found = []
    words = _Words(doc)
    # Where a title can start, tested in one pass: the rules below run only there.
    qualifiers = {i for i, (text, key) in enumerate(zip(words.texts, words.folded, strict=True))
                  if text[:1].isupper() and kb.may_start_qualifier(key)}  # fmt: skip
    titles = {i for i, key in enumerate(words.folded) if key in kb.title_first_words}
    matches, end = [], 0
    for i in sorted(qualifiers | titles):
        if i < end:  # inside the title just found
            continue
        match = (_qualified_title(words, i, kb) if i in qualifiers else None) or (
            _bare_title(words, i, kb) if i in titles else None
        )
        if match is not None and match[3][0] is None:  # "President of Russia"
            of = _of_country(words, match[1], kb, taken)
            match = (match[0], of[1], match[2], [of[0]]) if of else match
        if match is not None:
            matches.append(match)
            end = match[1]
    named = {}
    for _, end, roles, _ in matches:
        person = _named_after(words, end, taken)
        if person is not None and kb.actors.get(person) is not None:
            named.setdefault(tuple(roles), person)
    for start, end, roles, ofs in matches:
        if _named_after(words, end, taken) is not None:
            continue
        actor_id = _named_in_article(kb, roles, ofs, named) or _resolve(kb, roles, ofs, on)
        if actor_id is not None:
            found.append((Span(doc, start, end, label="TITLE"), actor_id))
    return found


def untitled(span: Span, titles: frozenset[str]) -> Span | None:
    """ "PM Modi", "President Xi" tagged as one name (or as an organisation): the name
    without its title, or None."""
    if len(span) > 1 and span[0].lower_ in titles:
        return Span(span.doc, span.start + 1, span.end, label="PERSON")
    return None


def title_words(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(
        form.lower() for forms in kb.titles.values() for form in forms if " " not in form
    )
