"""Headline grammar for events (written for these tests): "X to VERB" is ahead of the
report, "A, B Verb" joins its subjects with a comma."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


@pytest.mark.parametrize(
    "text",
    ["Putin to visit China in May", "Putin to visit China in May, Kremlin says"],
)
def test_a_headline_to_infinitive_is_planned(nlp, text):  # noqa: F811
    found = [(e.type, e.date, e.date_precision, e.status) for e in events(nlp, text)]
    assert found == [("visit", "2026-05-01", "month", "planned")]


def test_an_expected_visit_in_prose_is_planned_too(nlp):  # noqa: F811
    found = events(nlp, "Putin said he expects Xi to visit Moscow in May.")
    assert [(e.participants, e.date, e.status) for e in found] == [
        (["xi-jinping"], "2026-05-01", "planned")
    ]


@pytest.mark.parametrize(
    ("text", "people"),
    [  # the parser attaches the first name differently (npadvmod, advcl): both are a list
        ("Xi, Putin Hold Talks in Moscow", ["vladimir-putin", "xi-jinping"]),
        ("Trump, Putin Hold Talks", ["donald-trump", "vladimir-putin"]),
    ],
)
def test_a_headline_comma_joins_two_subjects(nlp, text, people):  # noqa: F811
    found = events(nlp, text)
    assert [(e.type, sorted(e.participants)) for e in found if e.type != "visit"] == [
        ("talks", people)
    ]


def test_a_comma_in_prose_before_the_subject_is_no_list(nlp):  # noqa: F811
    found = events(nlp, "In Moscow, Putin held talks with Xi on Monday.")
    assert [sorted(e.participants) for e in found if e.type == "talks"] == [
        ["vladimir-putin", "xi-jinping"]
    ]
