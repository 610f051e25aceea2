"""Event rules found on new real-style articles, each on sentences written for this test:
contacts need a named person, the medium of a call, parts of an event ("a round of talks"),
capitals named by their country, titles with an "of" phrase, stays, settings that hedging
does not reach, anaphora inside a sentence and "where" clauses."""

import pytest
from test_events import events, nlp, one, summary  # noqa: F401  (nlp is a fixture)

MONDAY, TUESDAY = "2025-06-09", "2025-06-10"  # the tests' week (published on Wednesday)


@pytest.mark.parametrize(
    "text",
    [
        # no person named: background between countries or unnamed officials
        "China and Russia held talks on Monday.",
        "Consultations between China and Russia have been held since 2005.",
        # a source, not a medium: "told" without a place stays a statement
        "Ties were strong, Xi told Putin, according to a video published by state television.",
        # a topic, not an event the subject attended
        "Lavrov briefed Wang Yi on preparations for the summit.",
    ],
)
def test_no_event(nlp, text):  # noqa: F811
    assert [(e.type, e.participants) for e in events(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xi told Putin by video link that ties were strong.",
            ("call", ["vladimir-putin", "xi-jinping"], None, None, None),
        ),
        (
            "Wang Yi and Lavrov held a new round of consultations in Moscow on Tuesday.",
            ("talks", ["sergei-lavrov", "wang-yi"], "Moscow", TUESDAY, None),
        ),
        (
            "Lavrov arrived in the Chinese capital on Monday.",
            ("visit", ["sergei-lavrov"], "Beijing", MONDAY, None),
        ),
        (
            "Barrot is staying in Beijing from June 9 to 12.",
            ("visit", ["jean-noel-barrot"], "Beijing", MONDAY, "2025-06-12"),
        ),
        (
            "Putin held talks with President of the People's Republic of China Xi Jinping.",
            ("talks", ["vladimir-putin", "xi-jinping"], None, None, None),
        ),
    ],
)
def test_one_event(nlp, text, expected):  # noqa: F811
    assert summary(one(nlp, text)) == expected


def test_the_president_of_a_country_is_its_president_named_before(nlp):  # noqa: F811
    text = "Xi Jinping thanked Putin. The President of China is staying in Moscow until Friday."
    visits = [e for e in events(nlp, text) if e.type == "visit"]
    assert [(v.participants, v.place, v.end_date) for v in visits] == [
        (["xi-jinping"], "Moscow", "2025-06-13")
    ]


def test_a_stay_on_a_visit_needs_no_date(nlp):  # noqa: F811
    found = events(nlp, "Putin held talks with Xi, who is in Moscow on a state visit.")
    assert ("visit", ["xi-jinping"], "Moscow") in [(e.type, e.participants, e.place) for e in found]


def test_a_setting_is_not_hedged_by_its_clause(nlp):  # noqa: F811
    text = "Lavrov called the ties unique, and Wang Yi and Lavrov discussed Ukraine on Tuesday."
    found = [(e.type, sorted(e.participants), e.date) for e in events(nlp, text)]
    assert ("talks", ["sergei-lavrov", "wang-yi"], TUESDAY) in found


def test_the_following_day_after_a_date_in_the_same_sentence(nlp):  # noqa: F811
    text = (
        "Wang Yi held talks with Lavrov on Monday, June 2, and was received by Putin the "
        "following day."
    )
    found = {(e.type, tuple(sorted(e.participants))): e.date for e in events(nlp, text)}
    assert found[("talks", ("sergei-lavrov", "wang-yi"))] == "2025-06-02"
    assert found[("meeting", ("vladimir-putin", "wang-yi"))] == "2025-06-03"


def test_a_where_clause_takes_place_where_it_says(nlp):  # noqa: F811
    text = "Wang Yi began his tour in Moscow, where he held talks with Lavrov on Monday."
    talks = [e for e in events(nlp, text) if e.type == "talks"]
    assert [(t.place, t.date) for t in talks] == [("Moscow", MONDAY)]
