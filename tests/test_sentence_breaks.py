"""Sentence breaks: every paragraph break is one, and no break falls between two words of a
line (the small parser sometimes cuts a sentence's subject off after a short heading).
Texts written for this test."""

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Recap: Xi's first day in Moscow\n\nXi landed in Moscow on Monday for a state visit.",
            ["Recap: Xi's first day in Moscow", "Xi landed in Moscow on Monday for a state visit."],
        ),
        (
            "Live updates\n\nLavrov arrived in Beijing. He met Wang Yi.",
            ["Live updates", "Lavrov arrived in Beijing.", "He met Wang Yi."],
        ),
    ],
)
def test_sentences_start_at_paragraphs_and_never_between_two_words(nlp, text, sentences):
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == sentences
