"""The actor knowledge base in data/knowledge: its shape, its consistency and spot facts."""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from readout.knowledge import KnowledgeBase, Role, fold, load_knowledge

KNOWLEDGE_DIR = Path(__file__).resolve().parents[1] / "data" / "knowledge"
KINDS = {"person", "country", "organization", "media"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Roles that one person at a time holds for a country or organisation.
UNIQUE_ROLES = {
    "foreign_minister",
    "defence_minister",
    "president",
    "prime_minister",
    "chancellor",
    "leader",
    "secretary_general",
    "national_security_adviser",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE_DIR)


def _roles(kb: KnowledgeBase) -> list[tuple[str, Role]]:
    return [(actor.id, role) for actor in kb.actors.values() for role in actor.roles]


def test_size_and_kinds(kb):
    assert len(kb.actors) >= 120
    assert {actor.kind for actor in kb.actors.values()} <= KINDS
    people = [a for a in kb.actors.values() if a.kind == "person"]
    assert len(people) >= 100


def test_ids_are_unique_slugs(kb):
    for actor_id, actor in kb.actors.items():
        assert actor.id == actor_id
        assert SLUG.match(actor_id), actor_id


def test_names_are_unique(kb):
    names = [actor.name for actor in kb.actors.values()]
    assert len(names) == len(set(names))


def test_surface_forms_name_one_actor(kb):
    """An alias, demonym or capital must not point at two different actors."""
    owner: dict[str, str] = {}
    for actor in kb.actors.values():
        for form in {*actor.surface_forms, *actor.demonyms, *actor.metonyms}:
            key = fold(form)
            assert owner.setdefault(key, actor.id) == actor.id, (form, owner[key], actor.id)


def test_people_aliases_are_not_bare_canonical_surnames(kb):
    """The pipeline links surnames itself; an alias equal to the name's last word is noise."""
    for actor in kb.actors.values():
        if actor.kind != "person":
            continue
        last = fold(actor.name.split()[-1])
        assert all(fold(alias) != last for alias in actor.aliases), actor.name


def test_countries_have_demonyms_or_metonyms(kb):
    countries = [a for a in kb.actors.values() if a.kind == "country"]
    assert len(countries) >= 20
    for actor in countries:
        assert actor.country == actor.name
        assert not actor.roles


def test_role_keys_exist_and_have_titles(kb):
    # People's offices are named in text by titles; an outlet's standing (state_media) is not.
    offices = {role.role for actor_id, role in _roles(kb) if kb.actors[actor_id].kind == "person"}
    for key, phrases in kb.titles.items():
        assert phrases or key not in offices, key
        assert key in kb.role_labels
    used = {role.role for _, role in _roles(kb)}
    assert used <= set(kb.titles), used - set(kb.titles)
    assert used >= UNIQUE_ROLES


def test_role_of_names_an_actor(kb):
    names = set(kb.by_name)
    for actor_id, role in _roles(kb):
        assert role.of in names, (actor_id, role)
        assert kb.by_name[role.of].kind in {"country", "organization"}, (actor_id, role)


def test_role_dates_are_iso_and_ordered(kb):
    for actor_id, role in _roles(kb):
        # a person's term has a start; an outlet's standing is undated
        assert role.start is not None or kb.actors[actor_id].kind != "person", (actor_id, role)
        for value in (role.start, role.end):
            if value is not None:
                assert ISO.match(value), (actor_id, role)
                date.fromisoformat(value)
        if role.end is not None:
            assert role.start <= role.end, (actor_id, role)


def test_unique_roles_do_not_overlap(kb):
    """Two holders of one office never overlap; a handover day (end == start) is allowed."""
    by_office: dict[tuple[str, str], list[tuple[str, Role]]] = {}
    for actor_id, role in _roles(kb):
        if role.role in UNIQUE_ROLES:
            by_office.setdefault((role.role, role.of), []).append((actor_id, role))
    clashes = []
    for office, terms in by_office.items():
        for (id_a, a), (id_b, b) in combinations(terms, 2):
            a_end = a.end or "9999-12-31"
            b_end = b.end or "9999-12-31"
            if a.start < b_end and b.start < a_end:
                clashes.append((office, id_a, a.start, a.end, id_b, b.start, b.end))
    assert not clashes, clashes


def test_actor_country_is_known(kb):
    countries_and_orgs = {
        a.name for a in kb.actors.values() if a.kind in {"country", "organization"}
    }
    for actor in kb.actors.values():
        assert actor.country in countries_and_orgs, (actor.id, actor.country)


def test_major_countries_have_a_leader(kb):
    for country in ("China", "Russia", "Ukraine", "United States", "France", "Germany"):
        assert kb.holder("leader", country, date(2025, 6, 1)) is not None, country


@pytest.mark.parametrize(
    ("role", "of", "day", "name"),
    [
        ("foreign_minister", "China", date(2022, 6, 1), "Wang Yi"),
        ("foreign_minister", "China", date(2023, 4, 14), "Qin Gang"),
        ("foreign_minister", "China", date(2023, 9, 18), "Wang Yi"),
        ("foreign_minister", "China", date(2025, 3, 28), "Wang Yi"),
        ("foreign_minister", "France", date(2025, 3, 27), "Jean-Noël Barrot"),
        ("foreign_minister", "France", date(2023, 6, 1), "Catherine Colonna"),
        ("foreign_minister", "Russia", date(2023, 4, 14), "Sergei Lavrov"),
        ("foreign_minister", "Russia", date(2025, 4, 1), "Sergei Lavrov"),
        ("foreign_minister", "Ukraine", date(2023, 5, 1), "Dmytro Kuleba"),
        ("foreign_minister", "Ukraine", date(2025, 4, 1), "Andrii Sybiha"),
        ("foreign_minister", "United States", date(2023, 9, 18), "Antony Blinken"),
        ("foreign_minister", "United States", date(2025, 3, 28), "Marco Rubio"),
        ("foreign_minister", "Germany", date(2024, 1, 1), "Annalena Baerbock"),
        ("foreign_minister", "Germany", date(2025, 9, 1), "Johann Wadephul"),
        ("foreign_minister", "United Kingdom", date(2024, 3, 1), "David Cameron"),
        ("foreign_minister", "India", date(2024, 3, 1), "S. Jaishankar"),
        ("foreign_minister", "Turkey", date(2024, 3, 1), "Hakan Fidan"),
        ("defence_minister", "China", date(2023, 4, 14), "Li Shangfu"),
        ("defence_minister", "China", date(2024, 6, 1), "Dong Jun"),
        ("defence_minister", "Russia", date(2023, 4, 14), "Sergei Shoigu"),
        ("defence_minister", "Russia", date(2025, 3, 28), "Andrei Belousov"),
        ("security_council_secretary", "Russia", date(2023, 1, 1), "Nikolai Patrushev"),
        ("security_council_secretary", "Russia", date(2025, 2, 1), "Sergei Shoigu"),
        ("national_security_adviser", "United States", date(2023, 9, 18), "Jake Sullivan"),
        ("national_security_adviser", "United States", date(2025, 3, 1), "Mike Waltz"),
        ("national_security_adviser", "United States", date(2025, 6, 1), "Marco Rubio"),
        ("president", "United States", date(2023, 9, 18), "Joe Biden"),
        ("president", "United States", date(2025, 3, 28), "Donald Trump"),
        ("prime_minister", "China", date(2022, 6, 1), "Li Keqiang"),
        ("prime_minister", "China", date(2024, 6, 1), "Li Qiang"),
        ("prime_minister", "United Kingdom", date(2022, 10, 1), "Liz Truss"),
        ("prime_minister", "United Kingdom", date(2025, 1, 1), "Keir Starmer"),
        ("chancellor", "Germany", date(2024, 1, 1), "Olaf Scholz"),
        ("chancellor", "Germany", date(2025, 6, 1), "Friedrich Merz"),
        ("leader", "China", date(2025, 3, 28), "Xi Jinping"),
        ("leader", "North Korea", date(2024, 6, 19), "Kim Jong Un"),
        ("mfa_spokesperson", "Russia", date(2025, 3, 28), "Maria Zakharova"),
        ("kremlin_spokesperson", "Russia", date(2025, 3, 28), "Dmitry Peskov"),
        ("special_envoy", "China", date(2023, 5, 16), "Li Hui"),
        ("foreign_affairs_chief", "China", date(2022, 6, 1), "Yang Jiechi"),
        ("foreign_affairs_chief", "China", date(2025, 3, 28), "Wang Yi"),
        ("secretary_general", "NATO", date(2023, 6, 1), "Jens Stoltenberg"),
        ("secretary_general", "NATO", date(2025, 6, 1), "Mark Rutte"),
        ("secretary_general", "United Nations", date(2025, 6, 1), "António Guterres"),
        ("high_representative", "European Union", date(2024, 6, 1), "Josep Borrell"),
        ("high_representative", "European Union", date(2025, 6, 1), "Kaja Kallas"),
        ("council_president", "European Council", date(2024, 6, 1), "Charles Michel"),
        ("council_president", "European Council", date(2025, 6, 1), "António Costa"),
        ("commission_president", "European Commission", date(2025, 6, 1), "Ursula von der Leyen"),
    ],
)
def test_holder_on_a_date(kb, role, of, day, name):
    holder = kb.holder(role, of, day)
    assert holder is not None, (role, of, day)
    assert holder.name == name


def test_mfa_spokespeople_of_china(kb):
    on_day = {a.name for a in kb.holders("mfa_spokesperson", "China", date(2025, 3, 28))}
    assert "Guo Jiakun" in on_day
    assert "Zhao Lijian" not in on_day
    in_2022 = {a.name for a in kb.holders("mfa_spokesperson", "China", date(2022, 6, 1))}
    assert {"Zhao Lijian", "Wang Wenbin"} <= in_2022


def test_titles(kb):
    assert kb.roles_for_title("top diplomat") == ["foreign_minister"]
    assert kb.roles_for_title("Foreign Minister") == ["foreign_minister"]
    assert kb.roles_for_title("premier") == ["prime_minister"]
    assert kb.roles_for_title("defense secretary") == ["defence_minister"]
    assert kb.roles_for_title("national security advisor") == ["national_security_adviser"]
    assert kb.roles_for_title("EU foreign policy chief") == ["high_representative"]
    assert kb.roles_for_title("no such title") == []


def test_country_words(kb):
    assert kb.country_of_word("Chinese") == "China"
    assert kb.country_of_word("China's") == "China"
    assert kb.country_of_word("Beijing") == "China"
    assert kb.country_of_word("Kyiv") == "Ukraine"
    assert kb.country_of_word("Kiev") == "Ukraine"
    assert kb.country_of_word("Moscow") == "Russia"
    assert kb.country_of_word("Washington") == "United States"
    assert kb.country_of_word("U.S.") == "United States"
    assert kb.country_of_word("Türkiye") == "Turkey"
    assert kb.country_of_word("DPRK") == "North Korea"
    assert kb.country_of_word("Kremlin") is None  # an organisation, not a country word


def test_spelling_variants_are_aliases(kb):
    forms = {fold(f): a.name for a in kb.actors.values() for f in a.surface_forms}
    assert forms[fold("Sergey Lavrov")] == "Sergei Lavrov"
    assert forms[fold("Zelenskyy")] == "Volodymyr Zelensky"
    assert forms[fold("Volodymyr Zelenskiy")] == "Volodymyr Zelensky"
    assert forms[fold("Sergey Shoigu")] == "Sergei Shoigu"
    assert forms[fold("Dmitri Peskov")] == "Dmitry Peskov"
    assert forms[fold("Jean-Noel Barrot")] == "Jean-Noël Barrot"
    assert forms[fold("China's Foreign Ministry")] == "Chinese Foreign Ministry"
    assert forms[fold("State Department")] == "US State Department"
    assert kb.by_name["Kremlin"].country == "Russia"
    assert kb.by_name["Xinhua"].kind == "media"


def test_may_start_qualifier_is_a_sound_prefilter(kb):
    """Every word that begins a country or organisation name passes, whatever follows it."""
    for actor in kb.actors.values():
        if actor.kind not in ("country", "organization"):
            continue
        for form in [*actor.surface_forms, *actor.demonyms, *actor.metonyms]:
            if kb.qualifier_of_word(form):
                first = fold(form).split()[0]
                assert kb.may_start_qualifier(first), form
                assert kb.may_start_qualifier(first + "'s"), form
    assert not kb.may_start_qualifier("ceasefire")
    assert not kb.may_start_qualifier("zzz")
