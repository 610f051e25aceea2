"""Summits, invitations and topics (sentences written for this test): days given to a meeting on
the sidelines of a summit are the summit's; "let him come" is no visit; a meeting noun that
a verb is about, with no partner or place, is a topic."""

from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def _found(nlp, text):  # noqa: F811
    return [(e.type, sorted(e.participants), e.date, e.end_date) for e in events(nlp, text)]


def test_days_of_a_meeting_at_a_summit_are_the_summits(nlp):  # noqa: F811
    text = "Putin and Xi will meet on the sidelines of a summit in Astana on June 20-21."
    summits = [f for f in _found(nlp, text) if f[0] == "summit"]
    assert summits == [("summit", ["vladimir-putin", "xi-jinping"], "2025-06-20", "2025-06-21")]


def test_a_one_day_meeting_does_not_date_the_summit(nlp):  # noqa: F811
    text = "Putin met Xi on the sidelines of the summit in Astana on Friday."
    summits = [f for f in _found(nlp, text) if f[0] == "summit"]
    assert [f[2] for f in summits] == [None]


def test_let_him_come_is_an_invitation(nlp):  # noqa: F811
    assert _found(nlp, 'Putin told reporters: "Let Zelensky come to Moscow."') == []


def test_a_summit_a_verb_is_about_is_a_topic(nlp):  # noqa: F811
    text = "Zelensky accused Moscow of trying to undermine his peace summit."
    assert _found(nlp, text) == []
