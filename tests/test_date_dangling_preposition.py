"""A weekday after a sentence-opening preposition that the parser glued to the name after it
("On Friday Putin will travel ...": "Friday" a part of "Putin", "On" left without an object)
still dates the event. Sentences written for this test; published Wednesday 2024-05-15."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        ("On Friday Putin will travel to Beijing for talks with Xi.", "visit", "2024-05-17"),
        ("On Tuesday Wang Yi met Lavrov in Moscow.", "meeting", "2024-05-14"),
        ("On Monday Xi spoke with Putin by phone.", "call", "2024-05-13"),
    ],
)
def test_a_weekday_after_an_opening_preposition_dates_the_event(nlp, text, kind, day):  # noqa: F811
    found = [e for e in events(nlp, text, "2024-05-15") if e.type == kind]
    assert [(e.date, e.date_precision) for e in found] == [(day, "day")]


def test_a_weekday_modifying_another_noun_still_does_not(nlp):  # noqa: F811
    found = events(
        nlp, "Xi said the Friday dinner went well, and he met Putin in Moscow.", "2024-05-15"
    )
    assert [e.date for e in found if e.type == "meeting"] == [None]
