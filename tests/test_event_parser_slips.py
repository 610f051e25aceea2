"""Events the parser's slips would lose: a name right before a main verb that was left
without a subject (a long title made the name hang from the date), and a day given beside
the month it falls in ("Earlier this month, on June 3"). Sentences written for this test."""

from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def test_a_name_right_before_a_verb_without_subject_is_its_subject(nlp):  # noqa: F811
    text = (
        "Earlier this month, on June 3, Chairman of the Harbour Board and Deputy Chairman of "
        "the State Council Wang Yi paid a visit to Paris and met with Barrot."
    )
    found = {
        (e.type, tuple(sorted(e.participants)), e.date) for e in events(nlp, text, "2025-06-11")
    }
    assert ("visit", ("wang-yi",), "2025-06-03") in found
    assert ("meeting", ("jean-noel-barrot", "wang-yi"), "2025-06-03") in found


def test_a_day_wins_over_its_month(nlp):  # noqa: F811
    found = events(nlp, "Earlier this month, on June 3, Wang Yi visited Paris.", "2025-06-11")
    assert [(e.type, e.date, e.date_precision) for e in found] == [("visit", "2025-06-03", "day")]


def test_a_month_alone_stays_a_month(nlp):  # noqa: F811
    found = events(nlp, "Earlier this month, Wang Yi visited Paris.", "2025-06-11")
    assert [(e.date, e.date_precision) for e in found] == [("2025-06-01", "month")]


def test_the_people_who_met_someone_unknown_did_not_meet_each_other(nlp):  # noqa: F811
    text = "At the airport, the head of the delegation was met by Wang Yi and Barrot."
    assert events(nlp, text, "2025-06-11") == []


def test_a_passive_meeting_with_a_known_subject_stays(nlp):  # noqa: F811
    found = events(nlp, "Wang Yi was met by Lavrov in Moscow on Monday.", "2025-06-11")
    assert [(e.type, sorted(e.participants)) for e in found if e.type == "meeting"] == [
        ("meeting", ["sergei-lavrov", "wang-yi"])
    ]
