"""Contacts summed up, denied or judged unlikely are no events (sentences written for these
tests); one told with "for the first time" or a count of two still is."""

import pytest
from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


@pytest.mark.parametrize(
    "text",
    [
        "Putin has met Xi more than 40 times.",
        "Putin and Xi have repeatedly held talks.",
        "Analysts said a meeting between Putin and Xi was unlikely.",
        "Lavrov denied that he had met Wang Yi.",
    ],
)
def test_no_event(nlp, text):  # noqa: F811
    assert [(e.type, e.participants) for e in events(nlp, text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Putin met Xi for the first time in May.",
        "Putin met Xi twice in May.",
        "Qin Gang said China is willing to help, during a meeting with Lavrov on Thursday.",
    ],
)
def test_still_an_event(nlp, text):  # noqa: F811
    assert [e.type for e in events(nlp, text)] == ["meeting"]
