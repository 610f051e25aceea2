"""Formal statements as events (readout.nlp.events.statements and the statement nouns of
data/knowledge/events.toml), on sentences written for these tests."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def statements(nlp, text: str):  # noqa: F811
    return [
        (e.participants, e.date, e.date_precision)
        for e in events(nlp, text)
        if e.type == "statement"
    ]


@pytest.mark.parametrize(
    ("text", "who", "day"),
    [
        ("Wang Yi said at a press briefing on Tuesday that the talks went well.", "wang-yi",
         "2025-06-10"),
        ("In a letter to Xi on Monday, Putin criticised the plan.", "vladimir-putin",
         "2025-06-09"),
        ("Lavrov told a news conference in Moscow on Friday that trade was growing.",
         "sergei-lavrov", "2025-06-06"),
    ],
)  # fmt: skip
def test_a_person_speaking_in_a_statement_or_at_a_briefing_is_a_dated_statement(
    nlp,  # noqa: F811
    text,
    who,
    day,
):
    assert statements(nlp, text) == [([who], day, "day")]


def test_a_letter_with_its_possessor_is_undated_but_kept(nlp):  # noqa: F811
    found = statements(nlp, "In his letter, Putin said the plan was sound.")
    assert found == [(["vladimir-putin"], None, "unknown")]


def test_the_agent_of_a_passive_wrote_the_statement_not_the_reporter(nlp):  # noqa: F811
    text = "The warning was repeated by Lavrov in his statement of 3 June, Wang Yi said."
    assert statements(nlp, text) == [(["sergei-lavrov"], "2025-06-03", "day")]


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese foreign ministry said in a statement that the visit went well.",
        "A statement signed by forty lawmakers said Putin had misled them.",
        "The joint statement said both sides oppose sanctions.",
        "Wang Yi and Sergei Lavrov signed a statement.",  # bare: background, like "X said"
    ],
)
def test_no_statement_event_without_a_person_or_anything_to_identify_it(nlp, text):  # noqa: F811
    assert statements(nlp, text) == []


def test_a_joint_statement_of_two_countries_is_the_statement_of_the_talks_people(nlp):  # noqa: F811
    text = "China and Russia issued a joint statement on Monday after talks between Xi and Putin."
    assert statements(nlp, text) == [(["xi-jinping", "vladimir-putin"], "2025-06-09", "day")]


def test_a_leaders_joint_declaration_is_a_statement_of_both(nlp):  # noqa: F811
    text = "Xi and Putin signed a joint declaration on energy at the Kremlin on Tuesday."
    assert statements(nlp, text) == [(["xi-jinping", "vladimir-putin"], "2025-06-10", "day")]


def test_signing_in_a_participle_after_a_visit_is_part_of_the_visit(nlp):  # noqa: F811
    text = "Xi visited Moscow in March, signing a joint statement with Putin on energy."
    assert statements(nlp, text) == []
    assert [e.type for e in events(nlp, text)] == ["visit"]
