""" "the president" with no country named is the last person mentioned, if that person is a
president; anyone else there leaves it unresolved. Sentences written for this test."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def visitors(nlp, text):  # noqa: F811
    return [e.participants for e in events(nlp, text, "2024-06-03") if e.type == "visit"]


def test_the_president_is_the_president_just_named(nlp):  # noqa: F811
    text = "Zelensky spoke in Paris. The president, who arrived in Rome on June 1, met reporters."
    assert visitors(nlp, text) == [["volodymyr-zelensky"]]


@pytest.mark.parametrize(
    "text",
    [
        "Xi praised Zelensky. The president arrived in Paris on June 1.",
        "Barrot spoke in Rome. The president arrived in Paris on June 1.",
    ],
)
def test_the_president_among_two_presidents_or_none_is_no_one(nlp, text):  # noqa: F811
    assert visitors(nlp, text) == []


def test_the_president_is_the_one_president_named_before(nlp):  # noqa: F811
    text = "Zelensky met Barrot on Monday. The president arrived in Rome on June 1."
    assert visitors(nlp, text) == [["volodymyr-zelensky"]]
