"""The knowledge base as material for synthetic articles (see ``readout.synth.articles``).

Who held which role on a given day, how a person is named and titled, the places, reporting
verbs, event triggers, theme phrases and page furniture of ``data/knowledge/*.toml``, and a
"world" of diplomatic events that several synthetic articles report, so that they merge.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path

from readout.knowledge import Actor, KnowledgeBase, load_knowledge

START, END = date(2022, 2, 24), date(2026, 6, 30)
# Roles whose holders travel, meet and talk; speakers add the spokespeople.
# Ordered by preference when a person holds several (Xi is titled president, not leader).
EVENT_ROLES = (
    "president", "prime_minister", "chancellor", "foreign_minister", "defence_minister",
    "special_envoy", "national_security_adviser", "security_council_secretary",
    "secretary_general", "high_representative", "leader",
)  # fmt: skip
SPEAKER_ROLES = EVENT_ROLES + (
    "mfa_spokesperson", "kremlin_spokesperson", "press_secretary", "deputy_foreign_minister",
    "un_ambassador", "presidential_aide", "un_spokesperson",
)  # fmt: skip
FOCUS = ("China", "Russia")  # the sides most events and statements involve
SURNAME_FIRST = {"China", "North Korea", "South Korea"}
# The knowledge base records no gender; pronouns are only used for these first names.
FEMALE = {
    "Maria", "Hua", "Mao", "Valentina", "Yulia", "Kamala", "Linda", "Jen", "Karine", "Karoline",
    "Tammy", "Avril", "Tulsi", "Janet", "Ursula", "Kaja", "Roberta", "Élisabeth", "Catherine",
    "Florence", "Annalena", "Christine", "Liz", "Yvette", "Giorgia", "Droupadi", "Naledi",
    "Choe", "Sanae", "Yōko", "Kim Yo",
}  # fmt: skip
VENUES = (
    "Samarkand", "Astana", "Kazan", "Johannesburg", "New Delhi", "Bali", "Tianjin",
    "Rio de Janeiro", "Munich", "Geneva", "Istanbul", "Jeddah", "Riyadh", "Vladivostok",
    "Xi'an", "Minsk", "Bishkek", "Doha",
)  # fmt: skip
SUMMITS = ("Shanghai Cooperation Organisation", "BRICS", "G20")
# Speech verbs of reporting.toml that take a "that" clause, with their past tense.
PAST = {
    "say": "said", "stress": "stressed", "add": "added", "note": "noted", "insist": "insisted",
    "warn": "warned", "argue": "argued", "emphasize": "emphasized", "emphasise": "emphasised",
    "reiterate": "reiterated", "state": "stated", "claim": "claimed", "declare": "declared",
    "affirm": "affirmed", "assert": "asserted", "explain": "explained", "suggest": "suggested",
    "acknowledge": "acknowledged", "confirm": "confirmed", "underline": "underlined",
    "underscore": "underscored", "maintain": "maintained", "reaffirm": "reaffirmed",
    "announce": "announced", "write": "wrote", "predict": "predicted", "observe": "observed",
}  # fmt: skip
FURNITURE_TABLES = ("navigation", "sharing", "ads", "appeals")
VERBISH = {
    "end", "ending", "halt", "stop", "freeze", "resume", "restart", "join", "take", "taken",
    "taking", "add", "adding", "fanning", "protecting", "resolving", "mediate", "mediating",
    "facilitate", "promote", "play", "annex", "de-escalate", "not", "either", "export",
}  # fmt: skip


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    short: str  # "Wang", "Lavrov"
    pronoun: str | None  # "he", "she", or None when unknown


@dataclass(frozen=True)
class Post:
    """A person holding a role of a country or organisation on a day."""

    person: Person
    role: str
    of: str


@dataclass(frozen=True)
class WorldEvent:
    """A diplomatic contact that several synthetic articles report."""

    index: int
    type: str  # visit | meeting | talks | call | summit
    a: Post
    b: Post
    place: str | None
    day: date
    days: int  # duration in days
    summit: str | None = None


def _short(actor: Actor) -> str:
    words = actor.name.split()
    if actor.country in SURNAME_FIRST or len(words) == 1:
        return words[0]
    return words[-1]


def _pronoun(name: str) -> str | None:
    first = name.split()[0]
    if first in FEMALE or name.startswith("Kim Yo"):
        return "she"
    return "he"


def _noun_phrase(phrase: str) -> bool:
    """A rough test: "peace talks" yes; "nuclear", "take sides", "end the war" no."""
    words = phrase.lower().split()
    adjective = words[-1].endswith(("al", "ar", "ic", "ive", "ian", "ed", "side", "sides"))
    return not adjective and words[0] not in VERBISH and len(phrase) > 3


def _read(folder: Path, name: str) -> dict:
    path = folder / name
    return tomllib.loads(path.read_text("utf-8")) if path.exists() else {}


@dataclass
class Lexicon:
    kb: KnowledgeBase
    folder: Path
    people: dict[str, Person] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for actor in self.kb.actors.values():
            if actor.kind == "person":
                self.people[actor.id] = Person(
                    actor.id, actor.name, _short(actor), _pronoun(actor.name)
                )

    @cached_property
    def countries(self) -> dict[str, Actor]:
        return {a.name: a for a in self.kb.actors.values() if a.kind == "country"}

    @cached_property
    def organizations(self) -> dict[str, Actor]:
        return {a.name: a for a in self.kb.actors.values() if a.kind == "organization"}

    @cached_property
    def speech_verbs(self) -> list[str]:
        listed = _read(self.folder, "reporting.toml").get("verbs", {}).get("speech", [])
        return [v for v in listed if v in PAST] or ["say"]

    @cached_property
    def events(self) -> dict:
        return _read(self.folder, "events.toml")

    def trigger_verbs(self, kind: str, prep: str | None = None) -> list[str]:
        """Lemmas of ``kind`` from events.toml, optionally only those taking ``prep``."""
        verbs = self.events.get("verbs", {}).get(kind, {})
        return [v for v, preps in verbs.items() if prep is None or prep in preps]

    def trigger_nouns(self, kind: str) -> list[str]:
        return list(self.events.get("nouns", {}).get(kind, [])) or [kind]

    @cached_property
    def themes(self) -> dict[str, list[str]]:
        """Theme key -> phrases of themes.toml that read as noun phrases ("sanctions")."""
        data = _read(self.folder, "themes.toml").get("themes", {})
        return {
            key: [p for p in spec.get("phrases", []) if _noun_phrase(p)] or [key]
            for key, spec in data.items()
        }

    @cached_property
    def furniture(self) -> list[str]:
        lines = _read(self.folder, "furniture.toml").get("lines", {})
        words = [w for t in FURNITURE_TABLES for w in lines.get(t, []) if len(w) > 3]
        return [w[0].upper() + w[1:] for w in words] or ["Advertisement"]

    @cached_property
    def capital_ids(self) -> dict[str, str]:
        """Capital -> id of its country: "Moscow" -> "russia"."""
        return {a.metonyms[0]: a.id for a in self.countries.values() if a.metonyms}

    def capital(self, country: str) -> str:
        actor = self.countries.get(country)
        return actor.metonyms[0] if actor and actor.metonyms else country

    def adjective(self, of: str) -> str:
        """ "Chinese" for China; the shortest name of an organisation ("NATO", "UN")."""
        actor = self.countries.get(of)
        if actor is not None:
            return actor.demonyms[0] if actor.demonyms else f"{of}'s"
        org = self.organizations.get(of)
        forms = [f for f in (org.surface_forms if org else [of]) if "." not in f]
        return min(forms or [of], key=len)

    def title(self, post: Post) -> str:
        phrases = self.kb.titles.get(post.role) or [post.role.replace("_", " ")]
        return phrases[0]

    def posts_on(self, day: date, roles: tuple[str, ...] = SPEAKER_ROLES) -> list[Post]:
        return [p for p in self._posts_by_month(day.year, day.month) if p.role in roles]

    def _posts_by_month(self, year: int, month: int) -> list[Post]:
        cache = self.__dict__.setdefault("_month_posts", {})
        if (year, month) not in cache:
            day = date(year, month, 15)
            posts = []
            for actor in self.kb.actors.values():
                roles = [r for r in actor.roles if r.holds_on(day) and r.role in SPEAKER_ROLES]
                roles.sort(key=lambda r: SPEAKER_ROLES.index(r.role))
                posts += [Post(self.people[actor.id], r.role, r.of) for r in roles[:1]]
            cache[(year, month)] = posts
        return cache[(year, month)]


def load_lexicon(folder: Path) -> Lexicon:
    return Lexicon(load_knowledge(Path(folder)), Path(folder))


# --- the world of events ----------------------------------------------------------------------


def random_day(rng: random.Random, start: date = START, end: date = END) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def pick_pair(rng: random.Random, lex: Lexicon, day: date) -> tuple[Post, Post]:
    """Two role holders of different sides, one of them Chinese or Russian; China-Russia
    contacts are the most frequent and counterparts of the same role are preferred."""
    posts = lex.posts_on(day, EVENT_ROLES)
    a = rng.choice([p for p in posts if p.of in FOCUS] or posts)
    rivals = {"Russia": "Ukraine", "Ukraine": "Russia"}
    others = [p for p in posts if p.of not in (a.of, rivals.get(a.of))] or posts
    if rng.random() < 0.45:
        others = [p for p in others if p.of in FOCUS] or others
    peers = [p for p in others if p.role == a.role]
    b = rng.choice(peers if peers and rng.random() < 0.6 else others)
    return (a, b) if rng.random() < 0.75 else (b, a)


def make_event(rng: random.Random, lex: Lexicon, index: int, day: date) -> WorldEvent:
    kind = rng.choices(("visit", "meeting", "talks", "call", "summit"), (3, 3, 2, 2, 1))[0]
    a, b = pick_pair(rng, lex, day)
    if kind == "visit" and b.of not in lex.countries:  # nobody travels "to NATO"
        kind = "meeting"
    summit, place, days = None, None, 1
    if kind == "visit":
        place, days = lex.capital(b.of), rng.choice((1, 2, 3, 3, 4))
    elif kind in ("meeting", "talks"):
        place = rng.choice((lex.capital(a.of), lex.capital(b.of), rng.choice(VENUES)))
    elif kind == "summit":
        summit, place, days = rng.choice(SUMMITS), rng.choice(VENUES), 2
    return WorldEvent(index, kind, a, b, place, day, days, summit)


def make_world(n_events: int, seed: int, lex: Lexicon) -> list[WorldEvent]:
    """``n_events`` events spread over 2022-2026, sorted by date (deterministic for a seed)."""
    rng = random.Random(f"world-{seed}")
    days = sorted(random_day(rng) for _ in range(max(n_events, 1)))
    return [make_event(rng, lex, i, day) for i, day in enumerate(days)]
