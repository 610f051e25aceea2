"""Speakers across sentences and paragraphs, and statements counted once, on texts written for
the test. Docs are annotated by hand (``test_quotes.annotate``) with a small knowledge base."""

from __future__ import annotations

import pytest
from test_quotes import BOTH, direct, plain_nlp, statements

XI = {"Xi Jinping": "xi-jinping", "Xi": "xi-jinping"}
MAO = {"Mao Ning": "mao-ning", "Mao": "mao-ning"}
PEOPLE = {**BOTH, **XI, **MAO, "Chinese": "china", "Russian": "russia"}
INSTITUTIONS = {
    "the Kremlin": "kremlin",
    "Kremlin": "kremlin",
    "China's Foreign Ministry": "chinese-foreign-ministry",
    "TASS": "",  # an outlet the linker did not know: a name, no actor
}


@pytest.fixture(scope="module", autouse=True)
def _model():
    plain_nlp()


def speakers(text: str, actors: dict[str, str], published: str = "2025-03-28") -> list:
    """(kind, speaker id) of every statement, in text order."""
    _, records = statements(text, actors, published)
    return [(r.kind, r.speaker_id) for r in records]


def quote_speakers(text: str, actors: dict[str, str], published: str = "2025-03-28") -> list:
    _, records = statements(text, actors, published)
    return [r.speaker_id for r in direct(records)]


# --- pronouns, role nouns and sources across sentences ----------------------------------------

ACROSS = [
    # "he" after a sentence whose main clause reports someone else's plans: the reporter of
    # the main clause is the one in focus, not the subject of the clause he reported
    (
        "main-clause subject before an embedded one",
        "Xi and Lavrov may meet in Beijing in May, Wang said on Monday.\n\n"
        '"We expect the talks to be substantive and useful for both sides," he added.',
        ["wang-yi"],
    ),
    # a role noun with a nationality picks the person of that country
    (
        "the Chinese diplomat",
        "Lavrov met Wang in Minsk on Friday.\n\n"
        '"There is no alternative to dialogue," the Chinese diplomat told reporters.',
        ["wang-yi"],
    ),
    # "he" after a role noun that spoke takes up the person the role noun stands for
    (
        "'he' after 'the Russian minister'",
        'Wang met Lavrov in Minsk on Friday. "We agreed on much," Wang told his guest.\n\n'
        '"Our work goes on," the Russian minister replied. He added that the day was "useful".',
        ["wang-yi", "sergei-lavrov", "sergei-lavrov"],
    ),
    # "according to X" after the quote
    (
        "according to a person",
        '"The door to talks stays open," according to Lavrov.',
        ["sergei-lavrov"],
    ),
    # a paragraph opening with a quote carries on the previous paragraph's speaker
    (
        "paragraph-opening quote",
        '"We are ready to help," Mao said on Friday.\n\n'
        '"China will keep in close touch with all parties to the conflict."',
        ["mao-ning", "mao-ning"],
    ),
    # ... and on a speaker of reported speech
    (
        "paragraph-opening quote after reported speech",
        "Xi told Lavrov that China wanted an early ceasefire.\n\n"
        '"Dialogue and negotiation are the only way out of this crisis."',
        ["xi-jinping"],
    ),
    # a colon after the reporting verb introduces the quote, also over a paragraph break
    (
        "colon after 'said'",
        'Wang said:\n\n"Both sides agreed to keep in close contact on every issue."',
        ["wang-yi"],
    ),
    (
        "colon after 'wrote on Telegram'",
        'Lavrov wrote on Telegram: "The meeting in Minsk was frank and useful."',
        ["sergei-lavrov"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [a[1:] for a in ACROSS], ids=[a[0] for a in ACROSS])
def test_speakers_across_sentences_and_paragraphs(text, expected):
    assert quote_speakers(text, PEOPLE) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2023-03-01", "sergei-lavrov"), ("2025-03-28", "wang-yi")],
)
def test_role_noun_takes_the_role_held_on_the_article_date(published, expected):
    """Wang became foreign minister on 2023-07-25 (small_kb): before that, "the foreign
    minister" after Wang and Lavrov is Lavrov."""
    text = (
        "Wang met Lavrov in Minsk on Friday.\n\n"
        '"Nobody can isolate us from our partners," the foreign minister told reporters.'
    )
    assert quote_speakers(text, PEOPLE, published) == [expected]


# --- whose words: a person, or the institution or outlet passing them on ----------------------

NESTED = [
    (
        "a ministry passing on a person's words",
        "China's Foreign Ministry said Wang met Lavrov.\n\n"
        'Wang hoped for a summit in June, saying it could be "a real chance for peace", '
        "the ministry added.",
        ["wang-yi"],
    ),
    (
        "an institution whose own verb governs the quote",
        'Wang said on Friday that the Kremlin had called the plan "a provocation".',
        ["kremlin"],
    ),
    (
        "an outlet passing on a person's words",
        'Lavrov went on to state that the "strategic partnership" was "stronger than ever", '
        "TASS reported.",
        ["sergei-lavrov", "sergei-lavrov"],
    ),
    (
        "the owner of a speech noun",
        'Wang rejected Lavrov\'s claim that the West had chosen a "path of war".',
        ["sergei-lavrov"],
    ),
    (
        "a participle introducing the next quote is not the attribution of the one before",
        'Wang rejected Lavrov\'s claim that the West wanted "a long war," saying that '
        '"nobody in Europe wants a war at all."',
        ["sergei-lavrov", "wang-yi"],
    ),
    (
        "a verb the parser hung on a quoted verb",
        'Lavrov wrote that "no talks can happen without Moscow" and rejected the plan, '
        'saying that "it is a trap for everyone involved."',
        ["sergei-lavrov", "sergei-lavrov"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [n[1:] for n in NESTED], ids=[n[0] for n in NESTED])
def test_a_person_speaks_through_the_institution_that_reports_them(text, expected):
    assert quote_speakers(text, {**PEOPLE, **INSTITUTIONS}) == expected


INSTITUTIONAL = [
    (
        "a ministry's statement and its next paragraph",
        'China\'s Foreign Ministry said: "China has always stood for peace."\n\n'
        '"It will keep working for a political settlement of the crisis."',
        ["chinese-foreign-ministry", "chinese-foreign-ministry"],
    ),
    ("a capital", '"The door stays open," Beijing said on Friday.', ["china"]),
    ("the Kremlin", '"The talks were useful," the Kremlin said.', ["kremlin"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [i[1:] for i in INSTITUTIONAL], ids=[i[0] for i in INSTITUTIONAL]
)
def test_words_of_institutions_are_not_credited_to_a_person(text, expected):
    assert quote_speakers(text, {**PEOPLE, **INSTITUTIONS, "Beijing": "china"}) == expected


# --- a statement counted once ---------------------------------------------------------------


def test_headline_quote_and_the_same_words_in_the_body_are_one_statement():
    text = (
        "China ready for 'constructive role' in talks: Wang\n\n"
        "China will play a 'constructive role' in the talks, Wang said on Friday."
    )
    _, records = statements(text, PEOPLE)
    found = direct(records)
    assert [(r.text, r.speaker_id) for r in found] == [("constructive role", "wang-yi")]
    assert found[0].start > text.index("\n")  # the body's, with its sentence


def test_same_words_from_two_speakers_are_two_statements():
    text = "Wang called the talks 'constructive'. Lavrov also called them 'constructive'."
    assert quote_speakers(text, PEOPLE) == ["wang-yi", "sergei-lavrov"]


def test_a_sentence_with_a_direct_quote_is_not_also_reported_speech():
    text = (
        "Although Wang said there had been progress, he admitted that the talks were "
        '"long and difficult".'
    )
    assert speakers(text, PEOPLE) == [("direct", "wang-yi")]


@pytest.mark.parametrize(
    "text",
    [
        "A Western intelligence report said troops may have been moved to the border.",
        "The two sides discussed new supply routes, according to media reports.",
        "An assessment by NATO said the army had lost many of its tanks.",
        '"Troops have moved," a NATO report said.',
    ],
)
def test_a_finding_of_a_report_is_not_a_statement(text):
    assert speakers(text, {**PEOPLE, "NATO": "nato", "Western": ""}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A source in the Russian delegation said the talks took "several hours".', "russia"),
        ('An official with the Russian mission said the visit was "useful".', "russia"),
    ],
)
def test_an_unnamed_member_speaks_for_the_body_named_after_them(text, expected):
    """The last country named before does not speak for a source placed in another one."""
    actors = {**PEOPLE, "Russian": "russia"}
    assert quote_speakers("Wang arrived in China on Monday.\n\n" + text, actors) == [expected]


def test_a_dateline_is_not_part_of_the_speaker_text():
    text = 'MOSCOW (Reuters) - Foreign Minister Sergei Lavrov said the talks were "useful".'
    _, records = statements(text, PEOPLE)
    assert [(r.speaker_id, r.speaker_text) for r in direct(records)] == [
        ("sergei-lavrov", "Foreign Minister Sergei Lavrov")
    ]
