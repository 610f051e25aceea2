"""A meeting someone speaks about is the topic of the speech, not a meeting of the speaker or
the listener (sentences written for this test): "X told Y about his talks with Z" reports
talks of X and Z; "briefed Y on the talks" and "spoke of the meeting" name no one who met.
"On" stays a setting where it is one ("said on the sidelines of the summit")."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def contacts(found) -> list[tuple]:
    return sorted((e.type, tuple(sorted(e.participants))) for e in found if e.type != "visit")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Putin told Xi about his talks with Barrot in Paris.",
            [("talks", ("jean-noel-barrot", "vladimir-putin"))],
        ),
        ("Wang Yi told reporters about the talks in Moscow.", []),
        ("Lavrov briefed Wang Yi on the talks in Paris.", []),
        ("Xi informed Putin of the meeting in Geneva.", []),
        ("Wang Yi spoke about the meeting in Kyiv regarding the war.", []),
    ],
)
def test_a_meeting_spoken_about_is_not_the_speakers(nlp, text, expected):  # noqa: F811
    assert contacts(events(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a setting: the one told was there
        (
            "Wang Yi told Lavrov during their talks in Moscow that China was neutral.",
            [("talks", ("sergei-lavrov", "wang-yi"))],
        ),
        # "on" is a topic only after a verb of speaking
        (
            "Xi and Putin agreed on the summit in Kazan.",
            [("summit", ("vladimir-putin", "xi-jinping"))],
        ),
    ],
)
def test_a_setting_still_gives_the_parties(nlp, text, expected):  # noqa: F811
    assert contacts(events(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Xi and Putin discussed the situation in Geneva.", None),  # the topic's place
        ("Xi and Putin discussed the crisis in Gaza by video link.", None),
        ("Xi met Putin's advisers in Geneva.", "Geneva"),  # people met there
    ],
)
def test_a_place_in_what_was_discussed_is_not_the_venue(nlp, text, place):  # noqa: F811
    found = [e for e in events(nlp, text) if e.type != "visit"]
    assert [e.place for e in found] == [place]
