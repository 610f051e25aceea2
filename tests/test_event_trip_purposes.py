"""A trip "for talks with X" is a visit of the traveller and talks with X (a visit lists the
visitors, the people met are in the contact). A stay tells the day of the talks; a journey
tells only the day of travel, so its talks are undated and still ahead. Sentences written
for this test; published Friday 2025-07-04."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)

PUB = "2025-07-04"


def found(nlp, text):  # noqa: F811
    return {
        (e.type, tuple(sorted(e.participants)), e.date, e.status) for e in events(nlp, text, PUB)
    }


def test_a_stay_for_talks_is_a_visit_and_talks_that_day(nlp):  # noqa: F811
    got = found(nlp, "Wang Yi was in Paris on Thursday for talks with Barrot.")
    assert ("visit", ("wang-yi",), "2025-07-03", "held") in got
    assert ("talks", ("jean-noel-barrot", "wang-yi"), "2025-07-03", "held") in got


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Wang Yi travelled to Moscow on Monday for talks with Lavrov.", "talks"),
        ("Lavrov arrived in Beijing on Monday for a meeting with Wang Yi.", "meeting"),
    ],
)
def test_a_journey_for_a_contact_leaves_the_contact_undated(nlp, text, kind):  # noqa: F811
    # told the next day (Tuesday 2025-07-01): the contact may still be ahead
    got = [e for e in events(nlp, text, "2025-07-01") if e.type == kind]
    assert [(len(e.participants), e.date, e.status) for e in got] == [(2, None, "planned")]
    visits = [e for e in events(nlp, text, "2025-07-01") if e.type == "visit"]
    assert [(len(e.participants), e.date) for e in visits] == [(1, "2025-06-30")]


def test_the_talks_of_a_trip_told_as_long_past_are_done(nlp):  # noqa: F811
    found = events(nlp, "Wang Yi travelled to Paris in May for talks with Barrot.", PUB)
    assert [(e.date, e.status) for e in found if e.type == "talks"] == [(None, "held")]
