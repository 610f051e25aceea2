"""Event extraction (readout.nlp.events.pipe) on sentences written for these tests.

Actor mentions are marked by hand from a small knowledge base, so the tests do not depend on
the actor linker or on the bundled knowledge files; the trigger lexicon is the real one.
"""

import re

import pytest

from readout import KNOWLEDGE_DIR
from readout.knowledge import Actor, KnowledgeBase, Role
from readout.nlp.events.lexicon import load_lexicon
from readout.nlp.events.pipe import extract_events

WEDNESDAY = "2025-06-11"


def _person(name: str, aliases: list[str], *roles: Role, country: str) -> Actor:
    return Actor(name.lower().replace(" ", "-"), name, "person", country, aliases, list(roles))


def _country(cid: str, name: str, demonym: str, capital: str) -> Actor:
    return Actor(cid, name, "country", name, [], [], [demonym], [capital])


FM, PRES = "foreign_minister", "president"
ACTORS = [
    _country("china", "China", "Chinese", "Beijing"),
    _country("russia", "Russia", "Russian", "Moscow"),
    _country("france", "France", "French", "Paris"),
    _country("ukraine", "Ukraine", "Ukrainian", "Kyiv"),
    _country("united-states", "United States", "American", "Washington"),
    _country("india", "India", "Indian", "New Delhi"),
    _person("Wang Yi", ["Wang"], Role(FM, "China", "2023-07-25", None), country="China"),
    _person("Qin Gang", ["Qin"], Role(FM, "China", "2022-12-30", "2023-07-25"), country="China"),
    _person("Sergei Lavrov", ["Lavrov"], Role(FM, "Russia", "2004-03-09", None), country="Russia"),
    _person(
        "Jean-Noel Barrot", ["Barrot"], Role(FM, "France", "2024-09-21", None), country="France"
    ),
    _person("Xi Jinping", ["Xi"], Role(PRES, "China", "2013-03-14", None), country="China"),
    _person(
        "Vladimir Putin", ["Putin"], Role(PRES, "Russia", "2012-05-07", None), country="Russia"
    ),
    _person(
        "Volodymyr Zelensky",
        ["Zelensky"],
        Role(PRES, "Ukraine", "2019-05-20", None),
        country="Ukraine",
    ),
    _person(
        "Donald Trump",
        ["Trump"],
        Role(PRES, "United States", "2025-01-20", None),
        country="United States",
    ),
]
KB = KnowledgeBase(
    actors={a.id: a for a in ACTORS},
    titles={FM: ["foreign minister"], PRES: ["president"], "leader": ["leader"]},
)
LEXICON = load_lexicon(str(KNOWLEDGE_DIR))


@pytest.fixture(scope="module")
def nlp():
    from readout.nlp.pipeline import load_model

    return load_model()


def _forms(actor: Actor) -> list[tuple[str, str]]:
    if actor.kind == "country":
        forms = [(actor.name, "GPE"), *((m, "GPE") for m in actor.metonyms)]
        return forms + [(d, "NORP") for d in actor.demonyms]
    return [(form, "PERSON") for form in actor.surface_forms]


def mark_actors(doc) -> None:
    """Every surface form of the test actors becomes an actor span (longest first)."""
    spans, taken = [], set()
    forms = [(form, label, a.id) for a in ACTORS for form, label in _forms(a)]
    for form, label, actor_id in sorted(forms, key=lambda f: -len(f[0])):
        for match in re.finditer(rf"\b{re.escape(form)}\b", doc.text):
            span = doc.char_span(*match.span(), label=label)
            if span is None or taken & set(range(span.start, span.end)):
                continue
            span._.actor_id = actor_id
            taken |= set(range(span.start, span.end))
            spans.append(span)
    doc.spans["actors"] = sorted(spans, key=lambda s: s.start)


def events(nlp, text: str, published: str = WEDNESDAY):
    doc = nlp(text)
    doc._.published = published
    mark_actors(doc)
    return extract_events(doc, kb=KB, lexicon=LEXICON)


def _implied(event, found) -> bool:
    """The visit a meeting in the host's country implies (tests/test_event_contacts.py)."""
    return event.type == "visit" and any(
        o.type in ("meeting", "talks")
        and (o.start, o.place, o.date) == (event.start, event.place, event.date)
        and set(event.participants) < set(o.participants)
        for o in found
    )


def one(nlp, text: str, published: str = WEDNESDAY):
    found = events(nlp, text, published)
    found = [e for e in found if not _implied(e, found)]
    assert len(found) == 1, [(e.type, e.participants) for e in found]
    return found[0]


def summary(event) -> tuple:
    return (event.type, sorted(event.participants), event.place, event.date, event.end_date)


# --- visits --------------------------------------------------------------------------------


def test_planned_official_visit_with_a_date_range(nlp):
    text = "Wang Yi will pay an official visit to France from June 16 to June 18, an aide said."
    event = one(nlp, text)
    assert summary(event) == ("visit", ["wang-yi"], "France", "2025-06-16", "2025-06-18")
    assert (event.date_precision, event.status) == ("day", "planned")


def test_travel_for_talks_is_one_visit_with_the_counterpart(nlp):
    event = one(
        nlp, "Sergei Lavrov travelled to Beijing on Monday for talks with his Chinese counterpart."
    )
    assert summary(event) == ("visit", ["sergei-lavrov", "wang-yi"], "Beijing", "2025-06-09", None)
    assert event.status == "held"


def test_headline_heads_to(nlp):
    event = one(nlp, "Xi Jinping heads to Moscow for a state visit.")
    assert (event.type, event.participants, event.place) == ("visit", ["xi-jinping"], "Moscow")


def test_a_country_hosting_someone_is_a_visit_to_that_country(nlp):
    event = one(nlp, "Last week, France hosted Wang Yi.")
    assert summary(event) == ("visit", ["wang-yi"], "France", "2025-06-01", None)
    assert event.date_precision == "month"


def test_a_person_hosting_someone_is_a_meeting(nlp):
    event = one(nlp, "Xi hosted Putin for talks in Beijing in May.")
    assert summary(event) == (
        "meeting",
        ["vladimir-putin", "xi-jinping"],
        "Beijing",
        "2025-05-01",
        None,
    )


def test_staying_until_gives_the_end_date(nlp):
    event = one(nlp, "Wang Yi will be in Russia until Thursday.")
    assert summary(event) == ("visit", ["wang-yi"], "Russia", None, "2025-06-12")


def test_being_somewhere_without_dates_is_not_a_visit(nlp):
    # "Wang Yi is in Russia." is a visit told on the day (tests/test_event_contacts.py)
    assert events(nlp, "Wang Yi will be in Russia.") == []


def test_a_visit_ahead_is_planned(nlp):
    found = events(nlp, "The talks came ahead of a visit to India by Lavrov.")
    assert [(e.type, e.participants, e.place, e.status) for e in found] == [
        ("visit", ["sergei-lavrov"], "India", "planned")
    ]


# --- meetings and talks ----------------------------------------------------------------------


def test_counterpart_is_the_other_country_holder_of_the_same_role(nlp):
    event = one(nlp, "Wang Yi met his Russian counterpart in Astana on Tuesday.")
    assert summary(event) == ("meeting", ["sergei-lavrov", "wang-yi"], "Astana", "2025-06-10", None)


def test_counterpart_is_resolved_on_the_event_date(nlp):
    event = one(nlp, "Sergei Lavrov met his Chinese counterpart in Samarkand on April 13, 2023.")
    assert sorted(event.participants) == ["qin-gang", "sergei-lavrov"]


def test_held_talks_with(nlp):
    event = one(nlp, "Xi Jinping held talks with Vladimir Putin in Moscow yesterday.")
    assert summary(event) == (
        "talks",
        ["vladimir-putin", "xi-jinping"],
        "Moscow",
        "2025-06-10",
        None,
    )


def test_on_the_sidelines_of_a_summit_is_the_venue_and_the_summit_attended(nlp):
    text = "Wang Yi and Barrot met on the sidelines of the G20 summit in Johannesburg on Saturday."
    found = events(nlp, text)
    meeting, summit = sorted(found, key=lambda e: e.type)
    assert summary(meeting) == (
        "meeting", ["jean-noel-barrot", "wang-yi"], "Johannesburg", "2025-06-07", None
    )  # fmt: skip
    # both attended the summit; a summit lasts days, so the meeting's day does not date it
    assert summary(summit) == (
        "summit",
        ["jean-noel-barrot", "wang-yi"],
        "Johannesburg",
        None,
        None,
    )


def test_meeting_noun_takes_the_speaker(nlp):
    event = one(nlp, "Putin said after a meeting with Xi in Moscow that ties were strong.")
    assert (event.type, sorted(event.participants), event.place) == (
        "meeting", ["vladimir-putin", "xi-jinping"], "Moscow"
    )  # fmt: skip


def test_the_two_foreign_ministers_are_the_ones_mentioned_before(nlp):
    text = (
        "Wang Yi and Sergei Lavrov signed a statement."
        " The two foreign ministers last met in Paris in early May."
    )
    event = one(nlp, text)
    assert summary(event) == ("meeting", ["sergei-lavrov", "wang-yi"], "Paris", "2025-05-01", None)
    assert event.date_precision == "month"


def test_speaking_to_someone_in_a_place_implies_a_meeting(nlp):
    event = one(nlp, "In Paris on Tuesday, Barrot urged Wang Yi to press Moscow.")
    assert summary(event) == (
        "meeting",
        ["jean-noel-barrot", "wang-yi"],
        "Paris",
        "2025-06-10",
        None,
    )


def test_speaking_to_someone_without_a_place_is_no_event(nlp):
    assert events(nlp, "Barrot urged Wang Yi to press Moscow.") == []


# --- calls and summits -------------------------------------------------------------------------


XI_PUTIN = ["vladimir-putin", "xi-jinping"]


@pytest.mark.parametrize(
    ("text", "participants", "date"),
    [
        (
            "Xi Jinping spoke with Volodymyr Zelensky by phone on Friday.",
            ["volodymyr-zelensky", "xi-jinping"],
            "2025-06-06",
        ),
        (
            "Donald Trump held a phone call with Vladimir Putin on Monday.",
            ["donald-trump", "vladimir-putin"],
            "2025-06-09",
        ),
        ("Putin and Xi held a video call on Friday, the Kremlin said.", XI_PUTIN, "2025-06-06"),
        ("Xi called Putin on Saturday to discuss the war.", XI_PUTIN, "2025-06-07"),
        ("Xi spoke with Putin last month.", XI_PUTIN, "2025-05-01"),
    ],
)
def test_calls(nlp, text, participants, date):
    event = one(nlp, text)
    assert (event.type, sorted(event.participants), event.date) == ("call", participants, date)


def test_the_two_leaders_are_the_leaders_of_the_countries_named(nlp):
    text = (
        "Russia and Ukraine agreed to a truce following a call between Donald Trump"
        " and the two leaders."
    )
    found = events(nlp, text)  # one event per contact: Trump with each leader
    assert sorted(sorted(e.participants) for e in found) == [
        ["donald-trump", "vladimir-putin"],
        ["donald-trump", "volodymyr-zelensky"],
    ]
    assert {(e.type, e.date) for e in found} == {("call", None)}


def test_speaking_with_someone_in_a_place_is_a_meeting(nlp):
    event = one(nlp, "Xi spoke with Putin in Moscow on Monday.")
    assert (event.type, event.place) == ("meeting", "Moscow")


def test_summit(nlp):
    event = one(nlp, "Xi Jinping will attend the summit in Kazan next month.")
    assert summary(event) == ("summit", ["xi-jinping"], "Kazan", "2025-07-01", None)
    assert event.status == "planned"


# --- several events, context, status ------------------------------------------------------------


def test_a_sentence_with_two_events_dates_each_one(nlp):
    text = "Wang Yi travelled to Moscow on Monday, days after Xi Jinping spoke with Vladimir Putin."
    found = {e.type: e for e in events(nlp, text)}
    assert summary(found["visit"]) == ("visit", ["wang-yi"], "Moscow", "2025-06-09", None)
    assert (found["call"].date, found["call"].date_precision) == ("2025-06-01", "month")


def test_soon_after_takes_the_month_of_the_previous_event(nlp):
    found = events(nlp, "Lavrov met Wang Yi in Paris in early May. Xi visited Moscow soon after.")
    assert [(e.type, e.date, e.date_precision) for e in found] == [
        ("meeting", "2025-05-01", "month"),
        ("visit", "2025-05-01", "month"),
    ]


def test_a_pronoun_subject_is_the_last_person_who_acted(nlp):
    found = events(nlp, "Wang Yi arrived in Paris on Sunday. He will meet Barrot on Friday.")
    assert [(e.type, sorted(e.participants), e.date, e.status) for e in found] == [
        ("visit", ["wang-yi"], "2025-06-08", "held"),
        ("meeting", ["jean-noel-barrot", "wang-yi"], "2025-06-13", "planned"),
    ]


def test_a_place_the_parser_hangs_on_the_partner_is_the_event_place(nlp):
    event = one(nlp, "Wang Yi met with Russian officials in Vienna on Friday.")
    assert summary(event) == ("meeting", ["wang-yi"], "Vienna", "2025-06-06", None)


def test_a_noun_event_dated_through_its_verb(nlp):
    event = one(nlp, "The meeting between Xi and Putin took place in Astana on Monday.")
    assert summary(event) == (
        "meeting",
        ["vladimir-putin", "xi-jinping"],
        "Astana",
        "2025-06-09",
        None,
    )


def test_a_relative_clause_visit(nlp):
    found = events(nlp, "Xi, who last visited Russia in March 2023, praised the ties.")
    assert [summary(e) for e in found] == [("visit", ["xi-jinping"], "Russia", "2023-03-01", None)]


def test_a_date_inside_a_quote_does_not_date_the_event_around_it(nlp):
    text = '"The plan we agreed in March stands," Wang Yi said during the meeting in Astana.'
    event = one(nlp, text)  # one person and a place: a reference back, kept for merging
    assert summary(event) == ("meeting", ["wang-yi"], "Astana", None, None)


def test_the_two_alone_are_the_last_two_people(nlp):
    text = "Lavrov met Wang Yi in Beijing on Monday, and the two also spoke by phone in May."
    found = {e.type: e for e in events(nlp, text)}
    assert sorted(found["call"].participants) == ["sergei-lavrov", "wang-yi"]
    assert found["call"].date == "2025-05-01"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Lavrov is scheduled to meet Wang Yi on Friday.", "planned"),
        ("Putin is due to visit China in the autumn.", "planned"),
        # an order or a decision to meet is not yet the meeting
        ("Wang Yi was instructed by Xi to hold talks with Lavrov.", "planned"),
        ("Xi has tasked Wang Yi to meet Lavrov.", "planned"),
        ("Putin decided to travel to China.", "planned"),
        ("Lavrov has pledged to visit Beijing.", "planned"),
        ("Xi Jinping holds talks with Putin in Moscow on June 20.", "planned"),
        ("Wang Yi met Lavrov on Friday.", "held"),
        ("Wang Yi has visited Moscow twice this year.", "held"),
    ],
)
def test_status(nlp, text, status):
    assert one(nlp, text).status == status


@pytest.mark.parametrize(
    "text",
    [
        "Russia must meet the demands of its partners.",
        "Readers can visit the website for updates.",
        "Wang Yi renewed the call for a ceasefire.",
        "France called for talks between Russia and Ukraine.",
        "Zelensky has called on China to use its influence.",
        "Lavrov called the meeting constructive.",
        "China is ready to host talks between Russia and Ukraine.",
        "Putin did not meet Zelensky during the summit.",
        "Wang Yi could visit Moscow next month, sources said.",
        "Xi has no plans to meet Zelensky.",
        "Wang Yi was called back as foreign minister in July.",
        "Peace talks have stalled since the spring.",
        "Xi Jinping arrived back in Beijing on Sunday.",
        "Wang Yi met with business leaders in Shanghai.",
        "Trump has said he wants to meet Putin soon, but no date has been set for a summit.",
        "Trump spoke to reporters about Putin.",
    ],
)
def test_non_events(nlp, text):
    assert events(nlp, text) == []


# --- dates attached to the right event (general syntax rules) ------------------------------


def _dated(found, kind: str) -> list[tuple[str | None, str | None]]:
    return [(e.date, e.place) for e in found if e.type == kind]


def test_date_inside_a_since_clause_does_not_date_the_trip(nlp):
    text = (
        "Lavrov, on his first trip since being appointed to a new post on May 30, "
        "travelled to Beijing."
    )
    assert all(e.date != "2025-05-30" for e in events(nlp, text))


def test_visit_begun_as_someone_spoke_takes_the_date_of_the_speech(nlp):
    text = (
        "Xi told Putin on Monday that ties were strong, as the Russian leader began a "
        "two-day visit to China."
    )
    assert ("2025-06-09", "China") in _dated(events(nlp, text), "visit")


def test_passive_welcome_is_a_meeting_with_the_host(nlp):
    found = events(nlp, "On Monday, Putin was welcomed by Xi outside the hall in Beijing.")
    found = [e for e in found if not _implied(e, found)]
    assert [sorted(e.participants) for e in found] == [["vladimir-putin", "xi-jinping"]]


def test_passive_receive_gives_the_counterpart(nlp):
    text = "Wang Yi arrived on Monday. Later, Wang was received by Putin in Moscow."
    meetings = [e for e in events(nlp, text) if e.type == "meeting"]
    assert meetings and sorted(meetings[0].participants) == ["vladimir-putin", "wang-yi"]


def test_meeting_as_the_purpose_of_a_dated_trip(nlp):
    text = "Zelensky said he would travel to Washington on Monday to meet Trump."
    found = events(nlp, text)
    assert ("2025-06-16", "Washington") in _dated(found, "meeting")


def test_the_same_day_refers_to_the_day_named_before(nlp):
    text = (
        "Lavrov spoke to reporters on Monday. On the same day, Wang Yi made a visit to Paris, "
        "where he met Barrot."
    )
    found = events(nlp, text)
    assert ("2025-06-09", "Paris") in _dated(found, "visit")


def test_talks_named_as_a_time_reference_do_not_take_the_trip_dates(nlp):
    text = (
        "Before the talks in Moscow, Wang Yi paid a two-day visit to Kyiv on June 2-3, "
        "where he held talks with Zelensky."
    )
    visits = [e for e in events(nlp, text) if e.type == "visit"]
    assert visits and visits[0].date == "2025-06-02"


def test_the_chinese_diplomat_is_the_chinese_person_named_before(nlp):
    text = "Wang Yi arrived in Moscow. Later, the Chinese diplomat was received by Putin."
    meetings = [e for e in events(nlp, text) if e.type == "meeting"]
    assert meetings and sorted(meetings[0].participants) == ["vladimir-putin", "wang-yi"]


# --- durations -----------------------------------------------------------------------------


def test_an_n_day_visit_gets_its_last_day(nlp):
    text = "Xi Jinping began a three-day state visit to Russia on Monday, the Kremlin said."
    event = one(nlp, text)
    assert (event.date, event.end_date) == ("2025-06-09", "2025-06-11")


def test_for_n_days_after_the_trigger_gets_its_last_day(nlp):
    text = "Wang Yi arrived in Paris on Monday for two days of talks."
    found = [e for e in events(nlp, text) if e.type == "visit"]
    assert [(e.date, e.end_date) for e in found] == [("2025-06-09", "2025-06-10")]


def test_a_range_is_not_stretched_by_a_duration(nlp):
    text = "Wang Yi will pay a two-day visit to France from June 16 to June 18, an aide said."
    assert one(nlp, text).end_date == "2025-06-18"
