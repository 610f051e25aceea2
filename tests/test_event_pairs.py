"""Two people named before and then referred to together (sentences written for this test):
"the pair met", "the two men held talks", including the one who told the other something in
the same sentence ("X told Y ..., as the pair met"); talks "for three hours" last that long
and still are talks. The spokesman who tells reporters is never one of the pair."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def contacts(found) -> list[tuple]:
    kinds = ("meeting", "talks", "call")
    return sorted((e.type, tuple(sorted(e.participants))) for e in found if e.type in kinds)


WANG_LAVROV = ("sergei-lavrov", "wang-yi")
XI_PUTIN = ("vladimir-putin", "xi-jinping")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wang Yi assured his Russian counterpart Sergei Lavrov of support "
            "when the pair met in Beijing.",
            [("meeting", WANG_LAVROV)],
        ),
        (
            "Xi Jinping greeted Vladimir Putin at the airport. The two men held talks.",
            [("meeting", XI_PUTIN), ("talks", XI_PUTIN)],
        ),
        (
            "Xi Jinping greeted Vladimir Putin at the airport. "
            "The two men then held talks for three hours.",
            [("meeting", XI_PUTIN), ("talks", XI_PUTIN)],
        ),
        (
            "Xi Jinping welcomed Vladimir Putin to Beijing on Monday. "
            "The duo spoke by phone again on Friday.",
            [("call", XI_PUTIN), ("meeting", XI_PUTIN)],
        ),
    ],
)
def test_two_people_referred_to_together(nlp, text, expected):  # noqa: F811
    assert contacts(events(nlp, text)) == expected


def test_the_one_who_tells_reporters_is_not_one_of_the_pair(nlp):  # noqa: F811
    text = "Wang Yi told reporters that Xi Jinping had spoken with Putin. The pair met last year."
    assert all("wang-yi" not in e.participants for e in events(nlp, text))


def test_talks_aimed_at_something_still_need_their_sides(nlp):  # noqa: F811
    assert contacts(events(nlp, "The envoy called for talks to end the war.")) == []
