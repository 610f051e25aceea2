"""Contacts of groups and lists (sentences written for this test): "the two ministers" are
the ministers named before, "separate meetings with A, B and C" are three meetings, and a
"between" phrase that names no one leaves the parties to its verb."""

from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def _found(nlp, text):  # noqa: F811
    return sorted((e.type, tuple(sorted(e.participants)), e.date) for e in events(nlp, text))


def test_the_two_ministers_are_the_ministers_named_before(nlp):  # noqa: F811
    text = "Lavrov came to Beijing at Wang Yi's invitation. The two ministers held talks on Tuesday"
    assert ("talks", ("sergei-lavrov", "wang-yi"), "2025-06-10") in _found(nlp, text)


def test_separate_meetings_with_several_people_are_one_each(nlp):  # noqa: F811
    text = "On Monday Putin held separate meetings with Xi, Zelensky and Trump."
    meetings = [f for f in _found(nlp, text) if f[0] == "meeting"]
    assert meetings == [
        ("meeting", ("donald-trump", "vladimir-putin"), "2025-06-09"),
        ("meeting", ("vladimir-putin", "volodymyr-zelensky"), "2025-06-09"),
        ("meeting", ("vladimir-putin", "xi-jinping"), "2025-06-09"),
    ]


def test_meetings_with_several_people_summed_up_stay_no_event(nlp):  # noqa: F811
    assert _found(nlp, "His meetings with Xi, Zelensky and Trump went well.") == []


def test_a_between_phrase_naming_no_one_leaves_the_parties_to_the_verb(nlp):  # noqa: F811
    text = "On Monday, Xi and Putin chaired the meeting between the heads of the two delegations."
    assert ("meeting", ("vladimir-putin", "xi-jinping"), "2025-06-09") in _found(nlp, text)
