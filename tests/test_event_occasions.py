"""Event frames for classes of real reporting (on sentences written for these tests): gapped
coordination, one person at a named occasion, a summit dated in a later sentence, offices named
after their building, headline fragments with a light verb."""

import pytest
from test_events import KB, LEXICON, events, mark_actors, nlp  # noqa: F401  (nlp is a fixture)

from readout.nlp.events.parties import Parties


def found(nlp, text, published="2025-06-11"):  # noqa: F811
    return sorted(
        (e.type, sorted(e.participants), e.place, e.date, e.date_precision)
        for e in events(nlp, text, published)
    )


def test_gapped_coordination_gives_each_person_their_own_place_and_day(nlp):  # noqa: F811
    text = (
        "Wang Yi has made two trips, meeting Lavrov in Moscow on May 3 and Barrot in Paris on"
        " May 9."
    )
    assert found(nlp, text) == [
        ("meeting", ["jean-noel-barrot", "wang-yi"], "Paris", "2025-05-09", "day"),
        ("meeting", ["sergei-lavrov", "wang-yi"], "Moscow", "2025-05-03", "day"),
        ("visit", ["wang-yi"], "Moscow", "2025-05-03", "day"),
        ("visit", ["wang-yi"], "Paris", "2025-05-09", "day"),
    ]


def test_one_place_and_day_for_two_people_is_not_gapped(nlp):  # noqa: F811
    meetings = [e for e in found(nlp, "Xi met Putin and Zelensky in Moscow on May 3.")
                if e[0] == "meeting"]  # fmt: skip
    assert len(meetings) == 1 and meetings[0][3] == "2025-05-03"


def test_a_person_speaking_at_bilateral_consultations_took_part(nlp):  # noqa: F811
    text = "Lavrov said at Russian-Indian consultations on regional trade that ties were strong."
    assert found(nlp, text) == [("talks", ["sergei-lavrov"], None, None, "unknown")]


def test_during_a_ministerial_meeting_the_speaker_took_part(nlp):  # noqa: F811
    text = "During a ministerial meeting held in Paris, Wang Yi stressed that peace was vital."
    assert [e[:2] for e in found(nlp, text)] == [("meeting", ["wang-yi"])]


def test_a_meeting_with_nothing_marking_an_occasion_needs_two_sides(nlp):  # noqa: F811
    text = "Speaking at a meeting of the Security Council, Lavrov said the war would go on."
    assert found(nlp, text) == []


def test_a_summit_with_no_one_named_dates_the_summit_reported_before(nlp):  # noqa: F811
    text = (
        "Putin said he expects Xi to attend next month's summit."
        " The group will hold a summit in Paris from the 16-18 July."
    )
    assert found(nlp, text) == [("summit", ["xi-jinping"], "Paris", "2025-07-16", "day")]


def test_a_summit_with_no_one_named_and_none_before_is_no_event(nlp):  # noqa: F811
    assert found(nlp, "The group will hold a summit in Paris from the 16-18 July.") == []


def test_a_light_verb_in_title_case_makes_a_headline_fragment(nlp):  # noqa: F811
    doc = nlp("Trump, Zelensky Sign Joint Declaration On Minerals")
    mark_actors(doc)
    start = len("Trump, ")
    span = doc.char_span(start, len("Trump, Zelensky Sign Joint Declaration"), label="PERSON")
    span._.actor_id = "zelensky-sign-joint-declaration"
    doc.spans["actors"] = [*doc.spans["actors"], span]
    assert Parties(doc, KB, LEXICON).is_headline_fragment("zelensky-sign-joint-declaration")


def test_an_office_named_after_its_building_is_a_place_after_to(nlp):  # noqa: F811
    doc = nlp("Putin welcomed Lavrov to the Kremlin.")
    mark_actors(doc)
    span = doc.char_span(len("Putin welcomed Lavrov to the "), len(doc.text) - 1, label="ORG")
    span._.actor_id = "kremlin"
    doc.spans["actors"] = [*doc.spans["actors"], span]
    parties = Parties(doc, KB, LEXICON)
    assert parties.is_seat(span[0]) and not parties.is_seat(doc[0])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Wang Yi and Lavrov exchanged views on Ukraine by phone on Tuesday.", "call"),
        ("Wang Yi exchanged views with Lavrov in Beijing on Tuesday.", "talks"),
    ],
)
def test_exchanging_views_is_a_contact(nlp, text, kind):  # noqa: F811
    assert [(e[0], e[1], e[3]) for e in found(nlp, text) if e[0] != "visit"] == [
        (kind, ["sergei-lavrov", "wang-yi"], "2025-06-10")
    ]


def test_exchanging_anything_else_is_not(nlp):  # noqa: F811
    assert found(nlp, "Russia and Ukraine exchanged prisoners on Tuesday.") == []


def test_the_person_told_during_talks_took_part(nlp):  # noqa: F811
    text = "Xi told Putin during their talks in Beijing on Thursday that ties were strong."
    talks = [e for e in found(nlp, text) if e[0] == "talks"]
    assert talks == [("talks", ["vladimir-putin", "xi-jinping"], "Beijing", "2025-06-05", "day")]


def test_with_visiting_x_names_the_partner(nlp):  # noqa: F811
    text = "Xi held talks with visiting Russian President Putin in Beijing on Tuesday."
    assert [e[:2] for e in found(nlp, text)] == [("talks", ["vladimir-putin", "xi-jinping"])]


@pytest.mark.parametrize("when", ["on Monday local time", "on Monday evening"])
def test_a_time_of_day_does_not_hide_the_day(nlp, when):  # noqa: F811
    assert [e[3] for e in found(nlp, f"Putin and Xi held talks {when}.")] == ["2025-06-09"]


def test_a_date_of_another_noun_still_dates_nothing(nlp):  # noqa: F811
    assert [e[3] for e in found(nlp, "Putin met Xi after the Tuesday evening banquet.")] == [None]


def test_the_two_leaders_sign_a_joint_statement(nlp):  # noqa: F811
    text = "Putin met Xi on Tuesday. The two leaders signed a joint statement."
    assert ("statement", ["vladimir-putin", "xi-jinping"]) in [e[:2] for e in found(nlp, text)]


def test_gapped_days_without_places(nlp):  # noqa: F811
    text = "Wang Yi met Lavrov on Monday and Barrot on Tuesday."
    assert [(e[1], e[3]) for e in found(nlp, text)] == [
        (["jean-noel-barrot", "wang-yi"], "2025-06-10"),
        (["sergei-lavrov", "wang-yi"], "2025-06-09"),
    ]


def test_a_second_clause_with_its_own_verb_is_not_gapped(nlp):  # noqa: F811
    text = (
        "Wang Yi met Lavrov in Moscow on Monday, and Xi said in Beijing on Tuesday that ties"
        " were good."
    )
    assert [e[1] for e in found(nlp, text) if e[0] == "meeting"] == [["sergei-lavrov", "wang-yi"]]
