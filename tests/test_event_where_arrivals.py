"""An arrival told in a "where" clause is a visit to the place the clause describes
("the talks ended in Geneva, where Lavrov arrived on 26 May"); a travel verb with neither a
destination nor such a clause is no visit (sentences written for this test)."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def visits(found) -> list[tuple]:
    return [(e.participants, e.place, e.date) for e in found if e.type == "visit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks ended in Geneva, where Sergei Lavrov arrived on 26 May.",
            [(["sergei-lavrov"], "Geneva", "2025-05-26")],
        ),
        (
            "Next came Geneva, where Wang Yi arrived on 26 May and held talks.",
            [(["wang-yi"], "Geneva", "2025-05-26")],
        ),
        ("A delegation headed by Sergei Lavrov signed the accord.", []),
        ("Sergei Lavrov arrived on 26 May.", []),
    ],
)
def test_an_arrival_in_a_where_clause_is_a_visit_there(nlp, text, expected):  # noqa: F811
    assert visits(events(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xi Jinping paid a short visit to Geneva on Monday, where he met Vladimir Putin.",
            ("Geneva", "2025-06-09"),
        ),
        (
            "Wang Yi travelled to Geneva on 2 June, where he held talks with Sergei Lavrov.",
            ("Geneva", "2025-06-02"),
        ),
        # its own date wins
        (
            "Wang Yi travelled to Geneva on 2 June, where he met Sergei Lavrov on 4 June.",
            ("Geneva", "2025-06-04"),
        ),
    ],
)
def test_an_undated_event_of_a_where_clause_takes_the_date_of_its_host(nlp, text, expected):  # noqa: F811
    met = [e for e in events(nlp, text) if e.type in ("meeting", "talks")]
    assert [(e.place, e.date) for e in met] == [expected]
