"""A bare participle ("followed by talks", "held on Monday") has no tense of its own: it is
ahead when the clause it hangs on is ahead, else behind. A yearless date under it takes its
year accordingly (sentences written for this test; published Friday 17 March 2023)."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)

from readout.nlp.dates.mentions import tense_of

PUB = "2023-03-17"


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        (
            "Xi will attend a dinner on March 20, followed by talks on March 21.",
            "followed",
            "future",
        ),
        ("Xi attended a dinner on March 10, followed by talks on March 11.", "followed", "past"),
        ("The talks, held on March 11, ended without a statement.", "held", "past"),
        ("Xi would pay a visit, scheduled for March 20.", "scheduled", "future"),
    ],
)
def test_a_bare_participle_takes_the_direction_of_its_clause(nlp, text, word, tense):  # noqa: F811
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert tense_of(token) == tense


def test_talks_after_a_planned_dinner_are_dated_in_the_coming_days(nlp):  # noqa: F811
    text = (
        "Xi Jinping and Vladimir Putin would have an informal dinner on March 20, "
        "followed by formal talks on March 21."
    )
    talks = [(e.date, e.status) for e in events(nlp, text, published=PUB) if e.type == "talks"]
    assert talks == [("2023-03-21", "planned")]
