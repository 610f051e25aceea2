""" "their call" after a sentence that names exactly two people is the call of those two,
also when neither sentence has a plural subject. Sentences written for this test."""

from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def test_their_call_is_the_two_named_before(nlp):  # noqa: F811
    text = "Xi held a phone call with Putin on Monday. It followed their video call on Jan. 21."
    found = {
        (e.type, tuple(sorted(e.participants)), e.date) for e in events(nlp, text, "2025-02-25")
    }
    assert ("call", ("vladimir-putin", "xi-jinping"), "2025-01-21") in found


def test_their_with_three_people_named_is_no_one(nlp):  # noqa: F811
    text = "Xi met Putin and Zelensky on Monday. It followed their video call on Jan. 21."
    found = [e for e in events(nlp, text, "2025-02-25") if e.date == "2025-01-21"]
    assert found == []


def test_their_after_a_coordination_is_not_the_two_people(nlp):  # noqa: F811
    text = (
        "Putin met Barrot in Moscow on Monday. Wang Yi said China welcomes the consensus "
        "reached by Russia and France during their talks in Paris."
    )
    found = [e for e in events(nlp, text, "2025-02-25") if "wang-yi" in e.participants]
    assert [e.type for e in found if e.type in ("talks", "meeting")] == []


def test_their_conversation_is_no_call(nlp):  # noqa: F811
    found = events(nlp, "Putin and Xi would continue their conversation over tea.", "2025-02-25")
    assert [e.type for e in found] == []
