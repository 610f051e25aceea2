"""Sentence breaks: every paragraph break is one, and none falls between the opening words of
a paragraph (the small parser sometimes cuts a subject off after a short heading).
Texts written for this test."""

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Catch up: the envoy's week in Oslo\n\nLi Hui reached Oslo by train on Sunday evening.",
            [
                "Catch up: the envoy's week in Oslo",
                "Li Hui reached Oslo by train on Sunday evening.",
            ],
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


def test_the_parser_is_told_no_sentence_starts_between_two_words(nlp):
    from readout.nlp.quotes.paragraphs import paragraph_breaks

    doc = paragraph_breaks(nlp.make_doc("Catch up: the week\n\nLi Hui reached Oslo by train."))
    starts = {t.text: t.is_sent_start for t in doc if not t.is_space}
    assert starts["Li"] is True  # a paragraph break
    assert (starts["Hui"], starts["reached"]) == (False, False)
    assert starts[":"] is None  # after punctuation the parser decides
