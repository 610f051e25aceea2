"""The actor knowledge base: canonical actors, their aliases, and roles with dates.

Data lives in ``data/knowledge/*.toml`` so that editors can extend it without touching code:

* ``countries.toml``  countries with demonyms and capitals (capitals stand for governments)
* ``actors.toml``     people and organisations with aliases and dated roles
* ``titles.toml``     role keys and the title phrases that name them ("top diplomat")
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from readout.name_variants import load_name_variants, person_variants


@dataclass(frozen=True)
class Role:
    role: str  # key from titles.toml, e.g. "foreign_minister"
    of: str  # the country or organisation name the role belongs to
    start: str | None
    end: str | None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        iso = day.isoformat()
        return (self.start is None or self.start <= iso) and (self.end is None or iso <= self.end)


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person | country | organization | media
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)  # countries: "Chinese"
    metonyms: list[str] = field(default_factory=list)  # countries: "Beijing", "the Kremlin"
    # people: spellings the aliases imply but do not list ("Vladimir Zelenskyy"), see
    # readout/name_variants.py; found in text, never shown as aliases
    variants: list[str] = field(default_factory=list)

    @property
    def surface_forms(self) -> list[str]:
        return list(dict.fromkeys([self.name, *self.aliases, *self.variants]))


def slugify(name: str) -> str:
    """A stable actor id from a name: "Jean-Noël Barrot" -> "jean-noel-barrot"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


_POSSESSIVE = re.compile(r"'s$|'$")


@lru_cache(maxsize=1 << 16)  # called for every token, often of the same words (a build's hot spot)
def fold(text: str) -> str:
    """Case- and accent-insensitive key used for matching surface forms."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.replace("’", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor]
    titles: dict[str, list[str]]  # role key -> title phrases
    role_labels: dict[str, str] = field(default_factory=dict)

    @cached_property
    def _country_words(self) -> dict[str, str]:
        words: dict[str, str] = {}
        for actor in self.actors.values():
            if actor.kind != "country":
                continue
            for form in [*actor.surface_forms, *actor.demonyms, *actor.metonyms]:
                words.setdefault(fold(form), actor.name)
        return words

    @cached_property
    def _title_phrases(self) -> dict[str, list[str]]:
        phrases: dict[str, list[str]] = {}
        for key, forms in self.titles.items():
            for form in forms:
                phrases.setdefault(fold(form), []).append(key)
        return phrases

    @cached_property
    def by_name(self) -> dict[str, Actor]:
        return {actor.name: actor for actor in self.actors.values()}

    @cached_property
    def _person_forms(self) -> dict[str, str | None]:
        """Folded full names of people (two words or more) -> actor id; None when two share
        a form."""
        forms: dict[str, str | None] = {}
        for actor in self.actors.values():
            if actor.kind == "person":
                for form in actor.surface_forms:
                    key = fold(form)
                    if len(key.split()) >= 2:
                        forms[key] = actor.id if forms.get(key, actor.id) == actor.id else None
        return forms

    def person_of_name(self, text: str) -> str | None:
        """The person whose full name ``text`` is, in any case ("vladimir putin")."""
        return self._person_forms.get(fold(text))

    @cached_property
    def _organization_words(self) -> dict[str, str]:
        words: dict[str, str] = {}
        for actor in self.actors.values():
            if actor.kind == "organization":
                for form in actor.surface_forms:
                    words.setdefault(fold(form), actor.name)
        return words

    @cached_property
    def _qualifier_prefixes(self) -> frozenset[str]:
        keys = [*self._country_words, *self._organization_words]
        return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))

    def may_start_qualifier(self, folded_word: str) -> bool:
        """False when no country or organisation name (``qualifier_of_word``) can begin with
        this folded word: a cheap test before trying phrases at every capitalised word."""
        return _POSSESSIVE.sub("", folded_word) in self._qualifier_prefixes

    def qualifier_of_word(self, word: str) -> str | None:
        """The country or organisation a word before a title names: "China's" -> "China",
        "NATO" -> "NATO" (roles are held *of* one of these)."""
        country = self.country_of_word(word)
        if country:
            return country
        key = _POSSESSIVE.sub("", fold(word))
        return self._organization_words.get(key)

    def country_of_word(self, word: str) -> str | None:
        """'China', "China's", 'Chinese', 'Beijing' -> 'China'."""
        return self._country_words.get(_POSSESSIVE.sub("", fold(word)))

    def capital_of(self, country: str) -> str | None:
        """'Russia' -> 'Moscow': a country's first metonym is its capital (countries.toml)."""
        actor = self.by_name.get(country)
        return actor.metonyms[0] if actor is not None and actor.metonyms else None

    def roles_for_title(self, phrase: str) -> list[str]:
        """'top diplomat' -> ['foreign_minister']; unknown phrases give []."""
        return self._title_phrases.get(fold(phrase), [])

    @cached_property
    def title_first_words(self) -> frozenset[str]:
        """First words of all title phrases: a cheap test before trying phrases at a token."""
        return frozenset(phrase.split()[0] for phrase in self._title_phrases if phrase)

    def holders(self, role: str, of: str | None, on: date | None) -> list[Actor]:
        """Actors holding ``role`` of ``of`` (a country or organisation) on a date."""
        found = []
        for actor in self.actors.values():
            for r in actor.roles:
                if r.role == role and (of is None or r.of == of) and r.holds_on(on):
                    found.append(actor)
                    break
        return found

    def holder(self, role: str, of: str | None, on: date | None) -> Actor | None:
        """The one holder of a role on a date; None when nobody or several hold it (three
        spokespeople at once do not make "the spokesperson" any one of them)."""
        found = self.holders(role, of, on)
        return found[0] if len(found) == 1 else None

    def roles_of(self, actor_id: str, on: date | None = None) -> list[Role]:
        actor = self.actors.get(actor_id)
        if actor is None:
            return []
        return [r for r in actor.roles if on is None or r.holds_on(on)]


def _actor_from_toml(item: dict) -> Actor:
    roles = [
        Role(role=r["role"], of=r["of"], start=r.get("start"), end=r.get("end"))
        for r in item.get("roles", [])
    ]
    return Actor(
        id=item.get("id") or slugify(item["name"]),
        name=item["name"],
        kind=item.get("kind", "person"),
        country=item.get("country"),
        aliases=list(item.get("aliases", [])),
        roles=roles,
        demonyms=list(item.get("demonyms", [])),
        metonyms=list(item.get("metonyms", [])),
    )


def load_knowledge(folder: Path) -> KnowledgeBase:
    """Read every ``*.toml`` actor file and ``titles.toml`` from ``folder``."""
    actors: dict[str, Actor] = {}
    for name in ("countries.toml", "actors.toml"):
        path = folder / name
        if not path.exists():
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in data.get("actors", []):
            actor = _actor_from_toml(item)
            if actor.id in actors:
                raise ValueError(f"{path.name}: actor id {actor.id!r} is defined twice")
            actors[actor.id] = actor
    names = load_name_variants(folder)
    for actor in actors.values():
        if actor.kind == "person":
            actor.variants = person_variants([actor.name, *actor.aliases], names)
    titles_path = folder / "titles.toml"
    titles: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    if titles_path.exists():
        data = tomllib.loads(titles_path.read_text(encoding="utf-8"))
        for key, spec in data.get("roles", {}).items():
            titles[key] = list(spec.get("titles", []))
            labels[key] = spec.get("label", key.replace("_", " "))
    return KnowledgeBase(actors=actors, titles=titles, role_labels=labels)


def knowledge_fingerprint(folder: Path) -> str:
    """A hash of the knowledge files, so that a changed knowledge base triggers a rebuild."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
