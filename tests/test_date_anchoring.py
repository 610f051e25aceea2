"""Event dates anchored as a news reader anchors them, on sentences written for these tests.

The publication day is the reference time; relative words resolve in the tense's direction;
anaphora ("the same day", "a week later") resolve against the last event day; the tense and
aspect of a clause without a date decide whether it is a same-day report; a date modifying
another noun is that noun's. Each event records how its date was found (``date_basis``).
"""

import pytest
from test_events import WEDNESDAY, events, nlp  # noqa: F401  (nlp is a fixture)

MEETS = "Wang Yi met Sergei Lavrov in Moscow"


def meeting_of(found, partner="sergei-lavrov"):
    hits = [e for e in found if e.type in ("meeting", "talks") and partner in e.participants]
    assert len(hits) == 1, [(e.type, e.participants, e.date) for e in found]
    return hits[0]


def dating(event) -> tuple:
    return (event.date, event.date_precision, event.date_basis)


# --- expressions resolved against the publication day (a Wednesday) ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{MEETS} on June 3.", ("2025-06-03", "day", "stated")),
        (f"{MEETS} on Monday.", ("2025-06-09", "day", "relative")),  # past: the last Monday
        ("Wang Yi will meet Sergei Lavrov in Moscow on Friday.", ("2025-06-13", "day", "relative")),
        ("Wang Yi will meet Sergei Lavrov in Moscow on Monday.", ("2025-06-16", "day", "relative")),
        (f"{MEETS} yesterday.", ("2025-06-10", "day", "relative")),
        (f"Last month, {MEETS}.", ("2025-05-01", "month", "relative")),
        (f"Earlier in the week, {MEETS}.", ("2025-06-01", "month", "relative")),
        (
            "Wang Yi will meet Sergei Lavrov in Moscow from Monday to Wednesday.",
            ("2025-06-16", "day", "relative"),
        ),
        (f"{MEETS} yesterday, state media reported.", ("2025-06-10", "day", "relative")),
        (
            "Wang Yi will meet Sergei Lavrov in Moscow next month.",
            ("2025-07-01", "month", "relative"),
        ),
    ],
)
def test_relative_and_stated_dates_carry_their_basis(nlp, text, expected):  # noqa: F811
    assert dating(meeting_of(events(nlp, text))) == expected


# --- a date inside a modifier of another noun is that noun's ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi met Sergei Lavrov after the 2 June reception.",
        "Wang Yi met Sergei Lavrov to discuss the February plan.",
    ],
)
def test_a_date_modifying_another_noun_is_not_the_event_date(nlp, text):  # noqa: F811
    assert dating(meeting_of(events(nlp, text))) == (None, "unknown", "none")


def test_a_date_modifying_the_event_noun_is_its_date(nlp):  # noqa: F811
    found = events(nlp, "The June 3 meeting between Wang Yi and Sergei Lavrov was tense.")
    assert dating(meeting_of(found)) == ("2025-06-03", "day", "stated")


# --- discourse anaphora against the last event day ---------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("On the same day", "2025-06-09"),
        ("Later that day", "2025-06-09"),
        ("Earlier in the day", "2025-06-09"),
        ("The following day", "2025-06-10"),
        ("The next day", "2025-06-10"),
        ("The day before", "2025-06-08"),
        ("A day later", "2025-06-10"),
        ("Two days earlier", "2025-06-07"),
        ("A week after", "2025-06-16"),
    ],
)
def test_anaphora_resolve_against_the_last_event_day(nlp, phrase, day):  # noqa: F811
    text = f"{MEETS} on Monday. {phrase}, Wang Yi met Vladimir Putin in Moscow."
    putin = meeting_of(events(nlp, text), "vladimir-putin")
    assert dating(putin) == (day, "day", "anaphoric")


def test_anaphora_fall_back_to_the_publication_day(nlp):  # noqa: F811
    found = events(nlp, "Earlier in the day, Wang Yi met Sergei Lavrov in Moscow.")
    assert dating(meeting_of(found)) == (WEDNESDAY, "day", "anaphoric")


def test_an_offset_forward_from_the_publication_day_gives_no_date(nlp):  # noqa: F811
    text = f"{MEETS}. A week later, Wang Yi met Vladimir Putin in Beijing."
    assert meeting_of(events(nlp, text), "vladimir-putin").date is None


def test_the_anchor_is_the_event_day_not_a_later_date_in_the_sentence(nlp):  # noqa: F811
    text = (
        "Wang Yi met Sergei Lavrov in Moscow on Monday, ahead of a vote due on June 30. "
        "The next day, Wang Yi met Vladimir Putin in Moscow."
    )
    assert meeting_of(events(nlp, text), "vladimir-putin").date == "2025-06-10"


# --- tense and aspect of an undated main clause ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wang Yi meets Sergei Lavrov in Moscow.", (WEDNESDAY, "day", "publication")),
        (
            "Wang Yi and Sergei Lavrov are holding talks in Moscow.",
            (WEDNESDAY, "day", "publication"),
        ),
        (
            "Wang Yi and Sergei Lavrov have begun talks in Moscow.",
            (WEDNESDAY, "day", "publication"),
        ),
        ("Wang Yi had met Sergei Lavrov in Moscow.", (None, "unknown", "none")),
        (f"{MEETS}.", (None, "unknown", "none")),
        ("Wang Yi will meet Sergei Lavrov in Moscow.", (None, "unknown", "none")),
        ("Wang Yi is expected to meet Sergei Lavrov in Moscow.", (None, "unknown", "none")),
        ("Wang Yi's meeting with Sergei Lavrov has drawn criticism.", (None, "unknown", "none")),
    ],
)
def test_tense_and_aspect_decide_a_same_day_report(nlp, text, expected):  # noqa: F811
    assert dating(meeting_of(events(nlp, text))) == expected


def test_future_and_modal_events_are_planned(nlp):  # noqa: F811
    event = meeting_of(events(nlp, "Wang Yi will meet Sergei Lavrov in Moscow."))
    assert event.status == "planned"
    assert events(nlp, "Wang Yi could meet Sergei Lavrov in Moscow.") == []


def test_an_ordinal_count_is_scoped_by_the_year_not_dated(nlp):  # noqa: F811
    found = events(nlp, "Sergei Lavrov made his second visit to France this year.")
    assert [(e.type, e.date) for e in found] == [("visit", None)]


@pytest.mark.parametrize(
    "text", ["This is Sergei Lavrov's visit to France.", "Sergei Lavrov is on a visit to France."]
)
def test_a_visit_going_on_in_the_present_is_a_same_day_report(nlp, text):  # noqa: F811
    found = events(nlp, text)
    assert [(e.type, e.date, e.date_basis) for e in found] == [("visit", WEDNESDAY, "publication")]


# --- the one date grammar: full dates as pages print them --------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published 24 Jul, 2024", "2024-07-24"),
        ("2025-03-28", "2025-03-28"),
        ("March 28, 20252:14 PM", "2025-03-28"),  # the time glued on
        ("Sept. 5, 2023", "2023-09-05"),
        ("5th of May 2022", "2022-05-05"),
        ("13/04/2025", "2025-04-13"),
        ("03/04/2025", None),  # reads two ways
        ("in 2024", None),
    ],
)
def test_full_dates_in_page_text(text, iso):
    from readout.nlp.dates.scanner import find_full_date

    assert find_full_date(text)[0] == iso


def test_an_ending_verb_dates_the_last_day_of_a_stated_duration(nlp):  # noqa: F811
    found = events(nlp, "Xi Jinping concluded a three-day state visit to Russia on Wednesday.")
    assert [(e.date, e.end_date) for e in found] == [("2025-0609"[:4] + "-06-09", WEDNESDAY)]


def test_words_said_during_a_meeting_date_it_by_the_speakers_dated_words(nlp):  # noqa: F811
    text = (
        "Vladimir Putin said on Monday that ties were strong. “We are close,” Vladimir Putin"
        " said during a meeting with Wang Yi."
    )
    assert dating(meeting_of(events(nlp, text), "wang-yi")) == ("2025-06-09", "day", "anaphoric")
    alone = "“We are close,” Vladimir Putin said during a meeting with Wang Yi."
    assert meeting_of(events(nlp, alone), "wang-yi").date is None
