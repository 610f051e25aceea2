"""Days an event shares with another of its sentence: a conjoined verb ("met on Feb. 4 and
signed a statement"), a trip whose "where" clause is dated ("flew on to Oslo, where she met
X on June 3"), and a bound that is never a first day ("until 2030"). Sentences written for
these tests; published Wednesday 2024-06-05."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)

PUB = "2024-06-05"


def by_type(nlp, text):  # noqa: F811
    return {e.type: (e.date, e.date_precision) for e in events(nlp, text, PUB)}


def test_a_conjoined_verb_shares_the_day(nlp):  # noqa: F811
    found = by_type(nlp, "Putin and Xi met in Beijing on Feb. 4 and signed a joint statement.")
    assert found["statement"] == ("2024-02-04", "day")


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Xi met in Beijing on Feb. 4 and later signed a joint statement.",
        "Putin and Xi met in Beijing on Feb. 4 and afterwards signed a joint statement.",
    ],
)
def test_a_conjoined_verb_told_as_later_does_not(nlp, text):  # noqa: F811
    assert by_type(nlp, text)["statement"][1] != "day"


def test_talks_with_no_one_named_after_a_trip_are_its_purpose(nlp):  # noqa: F811
    found = events(
        nlp, "Qin Gang would travel to Paris on Sunday and hold talks with officials.", PUB
    )
    assert [e.type for e in found] == ["visit"]


def test_talks_with_someone_named_after_a_trip_share_its_day(nlp):  # noqa: F811
    found = by_type(nlp, "Xi arrived in Moscow on Monday and held talks with Putin.")
    assert found["talks"] == ("2024-06-03", "day")


def test_a_trip_takes_the_day_of_its_where_clause(nlp):  # noqa: F811
    found = by_type(nlp, "Zelensky flew on to Paris, where he met Barrot on June 3.")
    assert found["visit"] == ("2024-06-03", "day")


def test_a_bound_is_not_a_first_day(nlp):  # noqa: F811
    text = "Xi and Putin have signed a joint statement on economic cooperation until 2030."
    # a same-day report in the present perfect, not an event of 2030
    assert by_type(nlp, text)["statement"] == (PUB, "day")


def test_what_follows_the_talks_is_on_their_day(nlp):  # noqa: F811
    text = (
        "Xi held talks with Putin in Beijing on Thursday. After the talks, Xi and Putin "
        "signed and issued a joint statement on their partnership."
    )
    assert by_type(nlp, text)["statement"] == ("2024-05-30", "day")


def test_after_talks_told_with_more_is_not_the_talks_before(nlp):  # noqa: F811
    text = (
        "Xi held talks with Putin in Beijing on Thursday. After the talks in Paris last "
        "year, Xi and Putin signed a joint statement."
    )
    assert by_type(nlp, text)["statement"][1] != "day"


@pytest.mark.parametrize(
    "text",
    [
        "Kuleba said Kyiv had asked Beijing for a conversation between Zelensky and Xi.",
        "Zelensky requested a meeting with Xi in Paris.",
    ],
)
def test_a_contact_asked_for_is_no_event(nlp, text):  # noqa: F811
    assert events(nlp, text, PUB) == []


def test_talks_during_a_visit_of_several_days_take_its_month(nlp):  # noqa: F811
    text = "On May 20-22, Xi paid a state visit to Russia, during which he held talks with Putin."
    assert by_type(nlp, text)["talks"] == ("2024-05-01", "month")


def test_talks_during_a_one_day_visit_take_its_day(nlp):  # noqa: F811
    text = "On May 20, Xi paid a visit to Moscow, during which he held talks with Putin."
    assert by_type(nlp, text)["talks"] == ("2024-05-20", "day")


def test_a_verb_conjoined_to_a_clause_timed_by_when_shares_its_day(nlp):  # noqa: F811
    text = (
        "Putin and Xi proclaimed the partnership when they met in Beijing on Feb. 4, and "
        "signed a joint statement."
    )
    assert by_type(nlp, text)["statement"] == ("2024-02-04", "day")


def test_a_statement_after_dated_talks_is_on_their_day(nlp):  # noqa: F811
    text = (
        "Putin and Xi met in Moscow. The two presidents signed a joint statement after their "
        "talks on Monday."
    )
    assert by_type(nlp, text)["statement"] == ("2024-06-03", "day")
