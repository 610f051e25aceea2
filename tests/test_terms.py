"""Terms vs statements on sentences written for the test: quoted names, labels and scare
quotes are stored as kind "term", never as something said; short partial quotes that a
speaker's verb governs stay direct quotes. Docs are annotated by hand (``test_quotes``)."""

from __future__ import annotations

import pytest
from test_quotes import BOTH, LAVROV, WANG, plain_nlp, statements

from readout.nlp.quotes.marks import find_quotes

PUTIN = {"Putin": "vladimir-putin", "Xi": "xi-jinping", "China": "china", "Russia": "russia"}
KULEBA = {"Kuleba": "dmytro-kuleba", "China": "china"}
HUNGARY = {"Hungary": "hungary", "Orban": "viktor-orban"}


@pytest.fixture(scope="module", autouse=True)
def _model():
    plain_nlp()


def kinds(text: str, actors: dict[str, str]) -> list[tuple[str, str]]:
    """(kind, text) of every quoted statement or term, in text order."""
    _, records = statements(text, actors)
    return [(r.kind, r.text) for r in records if r.kind in {"direct", "term"}]


TERMS = [
    # a noun phrase quoted as a modifier of a noun after it
    ("Putin and Xi declared a 'no limits' partnership in early February.", PUTIN, "no limits"),
    ('Kuleba expressed support for the "one China" principle on Friday.', KULEBA, "one China"),
    # after a strong naming cue, any span
    ('Lavrov said the so-called "grain deal" was dead.', LAVROV, "grain deal"),
    # after a naming verb, a noun phrase
    ('Orban went on what he has called his "peace missions" in July.', HUNGARY, "peace missions"),
    ('Moscow launched what Putin calls a "special military operation".', PUTIN,
     "special military operation"),
    ('Wang said the pipeline, known as the "eastern route", was ready.', BOTH, "eastern route"),
    ('Analysts have dubbed the plan the "grain corridor" for months.', BOTH, "grain corridor"),
    # a name in title case inside a sentence that is not
    ('Hungary chose a motto, "Make Europe Great Again", for its term.', HUNGARY,
     "Make Europe Great Again"),
    ('China published a paper titled "On the Political Settlement of the Crisis".', BOTH,
     "On the Political Settlement of the Crisis"),
    # a noun phrase that no speech or framing verb attributes: scare quotes
    ('China released a twelve-point "peace plan" a year after the invasion.', BOTH, "peace plan"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actors", "term"), TERMS, ids=[t[2] for t in TERMS])
def test_names_and_scare_quotes_are_terms(text, actors, term):
    assert kinds(text, actors) == [("term", term)]


STATEMENTS = [
    # an adjective is somebody's judgement, whatever frames it
    ('Putin praised China\'s "balanced" approach to the crisis.', PUTIN, ["balanced"]),
    ("Lavrov called the talks 'timely' and left for Minsk.", LAVROV, ["timely"]),
    # noun phrases governed by a speaker's speech or framing verb are the speaker's words
    ('Wang said the "strategic partnership" had reached "a new stage".', WANG,
     ["strategic partnership", "a new stage"]),
    ('NATO members have called Moscow a "direct threat" to the alliance.',
     {"NATO": "nato", "Moscow": "russia"}, ["direct threat"]),
    # a headline capitalises every word: its quote is not a name for that
    ("Lavrov Says Talks With Wang Were 'Very Useful'\n\nThe two met on Friday.", BOTH,
     ["Very Useful"]),
    # after a naming verb, a noun phrase opening with "a" is a judgement, not a name
    ('Lavrov praised the talks, which he called "a success".', LAVROV, ["a success"]),
    # a clause is speech, not a name, even after "called"
    ('Wang called the meeting "proof that talks work".', WANG, ["proof that talks work"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actors", "quotes"), STATEMENTS, ids=[s[2][0] for s in STATEMENTS]
)
def test_partial_quotes_governed_by_a_speaker_stay_statements(text, actors, quotes):
    assert kinds(text, actors) == [("direct", q) for q in quotes]


def test_term_keeps_the_actor_using_it():
    """Terms feed the shared phrases of the comparison: who used the name is kept."""
    _, records = statements('China released a twelve-point "peace plan" last year.', BOTH)
    [term] = records
    assert (term.kind, term.speaker_id) == ("term", "china")


def test_a_term_does_not_carry_a_speaker_on():
    """A paragraph opening with a quote carries on the last speaker, never a term's user."""
    text = (
        'China released its "peace plan" in February.\n\n'
        '"Nobody here wants this war to last another winter and another one."'
    )
    _, records = statements(text, BOTH)
    assert [(r.kind, r.speaker_id) for r in records] == [("term", "china"), ("direct", None)]


def test_verb_that_is_no_cue_attributes_no_words():
    """'Wang hosted a "..." dialogue': no speech verb frames it, so nobody said it."""
    assert kinds('Wang hosted a "calm and candid" dialogue in May.', WANG) == []


def test_a_quoted_utterance_is_not_a_name():
    """Words ending a sentence inside the marks were uttered, whoever it was."""
    assert kinds('A banner outside the embassy read "No more war!"', BOTH) == []


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("They declared a 'no limits' partnership.", ["no limits"]),
        (
            "'Our countries' interests are served,' he said.",
            ["Our countries' interests are served"],
        ),
        ("The countries' interests differ.", []),
    ],
)
def test_single_mark_after_a_plural_closes_a_short_quote_only(text, quotes):
    found = find_quotes(text, lambda _i: True)  # the tagger calls every such mark possessive
    assert [q.text(text) for q in found] == quotes


def test_a_sentence_with_a_term_is_still_reported_speech():
    text = "Kuleba said Ukraine firmly supported the 'one China' principle."
    _, records = statements(text, KULEBA)
    assert [(r.kind, r.speaker_id, r.text) for r in records] == [
        ("indirect", "dmytro-kuleba", "Ukraine firmly supported the 'one China' principle"),
        ("term", "dmytro-kuleba", "one China"),
    ]
