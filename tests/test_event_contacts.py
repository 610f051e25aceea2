"""Events between the people named: call vocabulary, one event per contact, headline
fragments, sums of several contacts and the visit a meeting abroad implies. Sentences are
written for these tests; actors are marked by hand (see tests/test_events.py)."""

import pytest
from test_events import KB, LEXICON, WEDNESDAY, events, mark_actors, nlp  # noqa: F401  (nlp is a fixture)

from readout.nlp.events.pipe import extract_events


def kinds(found) -> list[tuple[str, list[str]]]:
    return sorted((e.type, sorted(e.participants)) for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Xi Jinping had a phone call with Vladimir Putin on Monday.",
        "Xi Jinping had a telephone conversation with Vladimir Putin on Monday.",
        "Xi Jinping held a video call with Vladimir Putin on Monday.",
        "Xi Jinping and Vladimir Putin spoke by phone on Monday.",
        "Xi Jinping held a call with Vladimir Putin on Monday.",
        "Xi Jinping and Vladimir Putin met by video link on Monday.",
        "Xi Jinping tells Putin Beijing wants peace in phone call",
        "Xi Jinping told Vladimir Putin by phone that Beijing wanted peace.",
        "Xi Jinping and Vladimir Putin held a video conference on Monday.",
        "Xi Jinping and Vladimir Putin held talks via video link on Monday.",
    ],
)
def test_call_vocabulary(nlp, text):  # noqa: F811
    assert kinds(events(nlp, text)) == [("call", ["vladimir-putin", "xi-jinping"])]


def test_a_call_with_two_others_is_two_contacts(nlp):  # noqa: F811
    found = events(nlp, "Donald Trump spoke by phone with Vladimir Putin and Volodymyr Zelensky.")
    assert kinds(found) == [
        ("call", ["donald-trump", "vladimir-putin"]),
        ("call", ["donald-trump", "volodymyr-zelensky"]),
    ]


def test_a_call_said_to_be_three_way_stays_one(nlp):  # noqa: F811
    text = "Donald Trump held a three-way call with Vladimir Putin and Volodymyr Zelensky."
    found = events(nlp, text)
    assert [sorted(e.participants) for e in found] == [
        ["donald-trump", "vladimir-putin", "volodymyr-zelensky"]
    ]


def test_a_headline_fragment_in_title_case_is_never_a_participant(nlp):  # noqa: F811
    doc = nlp("Envoy Zhang Arrives in Kyiv")
    doc._.published = WEDNESDAY
    mark_actors(doc)
    fragment = doc.char_span(6, 19, label="PERSON")  # "Zhang Arrives", as a linker may see it
    fragment._.actor_id = "zhang-arrives"
    doc.spans["actors"] = [fragment]
    assert extract_events(doc, kb=KB, lexicon=LEXICON) == []


def test_a_plural_event_noun_with_many_people_sums_up_several_contacts(nlp):  # noqa: F811
    text = "Wang Yi's meetings with Vladimir Putin, Xi Jinping and Donald Trump drew criticism."
    assert events(nlp, text) == []


def test_a_meeting_in_the_host_country_is_a_visit_by_the_guest(nlp):  # noqa: F811
    found = events(nlp, "Wang Yi met Sergei Lavrov in Moscow on Monday.")
    assert [(e.type, e.participants, e.place, e.date) for e in found] == [
        ("meeting", ["wang-yi", "sergei-lavrov"], "Moscow", "2025-06-09"),
        ("visit", ["wang-yi"], "Moscow", "2025-06-09"),
    ]


def test_a_background_relative_clause_implies_no_visit(nlp):  # noqa: F811
    text = "Wang Yi, who met Sergei Lavrov in Moscow on Monday, praised the talks."
    assert [e.type for e in events(nlp, text)] == ["meeting"]


def test_the_two_after_a_reporting_verb_are_not_the_reporter(nlp):  # noqa: F811
    text = (
        "Xi Jinping spoke with Volodymyr Zelensky on Monday. Zelensky's adviser Wang Yi"
        " said that the two had a long telephone conversation."
    )
    found = events(nlp, text)
    assert {tuple(sorted(e.participants)) for e in found} == {("volodymyr-zelensky", "xi-jinping")}


def test_a_visit_to_ones_own_country_keeps_only_the_visitors(nlp):  # noqa: F811
    found = events(nlp, "Wang Yi and Sergei Lavrov began a visit to Beijing on Monday.")
    assert [(e.type, e.participants) for e in found] == [("visit", ["sergei-lavrov"])]


def test_talks_on_the_sidelines_of_a_summit_mean_both_attended_it(nlp):  # noqa: F811
    text = "Xi Jinping and Vladimir Putin held talks on the sidelines of the summit in Samarkand."
    assert kinds(events(nlp, text)) == [
        ("summit", ["vladimir-putin", "xi-jinping"]),
        ("talks", ["vladimir-putin", "xi-jinping"]),
    ]


def test_the_host_of_a_summit_attends_it(nlp):  # noqa: F811
    found = events(nlp, "The summit, hosted by Xi Jinping, will be held on Sunday.")
    assert [(e.type, e.participants, e.date) for e in found] == [
        ("summit", ["xi-jinping"], "2025-06-15")
    ]


def test_the_agent_of_a_participle_takes_part_in_the_meeting(nlp):  # noqa: F811
    text = "Sergei Lavrov cited a remark made by Vladimir Putin at a meeting with Xi Jinping."
    assert kinds(events(nlp, text)) == [("meeting", ["vladimir-putin", "xi-jinping"])]


def test_planned_talks_in_the_host_capital_imply_a_planned_visit(nlp):  # noqa: F811
    found = events(nlp, "Sergei Lavrov plans to hold talks with Wang Yi in Beijing next month.")
    assert [(e.type, e.participants, e.status) for e in found if e.type == "visit"] == [
        ("visit", ["sergei-lavrov"], "planned")
    ]


@pytest.mark.parametrize(
    ("text", "visits"),
    [
        ("Wang Yi has undertaken a tour, meeting Vladimir Putin in Moscow on June 5.", 1),
        ("After meeting Vladimir Putin in Moscow, Wang Yi flew home.", 0),
    ],
)
def test_a_bare_participle_reports_a_meeting_abroad_a_time_clause_does_not(nlp, text, visits):  # noqa: F811
    found = events(nlp, text)
    assert len([e for e in found if e.type == "visit" and e.place == "Moscow"]) == visits


def test_visiting_a_person_is_the_visit_and_a_meeting_with_the_host(nlp):  # noqa: F811
    found = events(nlp, "Wang Yi visited Volodymyr Zelensky in Kyiv on Monday.")
    assert sorted((e.type, sorted(e.participants), e.place, e.date) for e in found) == [
        ("meeting", ["volodymyr-zelensky", "wang-yi"], "Kyiv", "2025-06-09"),
        ("visit", ["wang-yi"], "Kyiv", "2025-06-09"),
    ]


def test_following_talks_with_someone_is_the_speakers_talks(nlp):  # noqa: F811
    text = "Xi Jinping said following talks with Vladimir Putin on Tuesday that ties were strong."
    found = events(nlp, text)
    assert [(e.type, sorted(e.participants), e.date) for e in found] == [
        ("talks", ["vladimir-putin", "xi-jinping"], "2025-06-10")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin welcomed Xi Jinping to the Kremlin on Monday.",
        "Vladimir Putin welcomed Xi Jinping in Moscow on Monday.",
    ],
)
def test_welcoming_a_guest_to_a_place_is_a_meeting_and_the_guests_visit(nlp, text):  # noqa: F811
    found = events(nlp, text)
    assert sorted((e.type, sorted(e.participants), e.date) for e in found) == [
        ("meeting", ["vladimir-putin", "xi-jinping"], "2025-06-09"),
        ("visit", ["xi-jinping"], "2025-06-09"),
    ]


def test_a_pair_of_names_before_the_noun_are_both_parties(nlp):  # noqa: F811
    found = events(nlp, "The visit follows the Zelensky-Xi phone call last month.")
    assert kinds(found) == [("call", ["volodymyr-zelensky", "xi-jinping"])]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Sergei Lavrov is in Beijing.", [("visit", "2025-06-11")]),  # told in the present
        ("Sergei Lavrov will be in Beijing.", []),  # a stay ahead needs dates of its own
        ("Wang Yi is in Beijing.", []),  # at home
    ],
)
def test_being_somewhere_is_a_visit_told_today_or_with_dates(nlp, text, found):  # noqa: F811
    assert [(e.type, e.date) for e in events(nlp, text)] == found
