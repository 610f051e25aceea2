"""What lies ahead and who an object pronoun means, on sentences written for this test
(published Wednesday 2025-06-11): "looks forward to" puts a contact ahead; the object of a
verb with no subject of its own is not the subject it takes from the clause above."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def _found(nlp, text):  # noqa: F811
    return [(e.type, sorted(e.participants), e.status) for e in events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Putin thanked Xi and said he looked forward to meeting him in Moscow.",
            ("meeting", ["vladimir-putin", "xi-jinping"], "planned"),
        ),
        (
            "Lavrov said he was looking forward to his visit to Beijing.",
            ("visit", ["sergei-lavrov"], "planned"),
        ),
        (
            "Wang Yi called Lavrov and said he wanted to see him soon in Beijing.",
            ("call", ["sergei-lavrov", "wang-yi"], "held"),
        ),
    ],
)
def test_a_contact_looked_forward_to_is_ahead(nlp, text, expected):  # noqa: F811
    assert expected in _found(nlp, text)


def test_going_ahead_with_a_visit_is_no_plan(nlp):  # noqa: F811
    found = _found(nlp, "Putin went ahead with his visit to Beijing on Monday.")
    assert found == [("visit", ["vladimir-putin"], "held")]


def test_an_object_pronoun_is_not_the_subject_it_takes_from_above(nlp):  # noqa: F811
    # "him" in "plans to meet him" is not the one who plans: the other person named
    found = _found(nlp, "Xi spoke of Putin warmly. He plans to meet him in Kazan next week.")
    assert ("meeting", ["vladimir-putin", "xi-jinping"], "planned") in found
