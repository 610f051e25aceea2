"""The helpers that stand in for spaCy's per-call walks give spaCy's answers."""

from __future__ import annotations

from readout.nlp.extensions import sentence_of, text_of, tokens_with_text

TEXT = (
    "China's envoy met Lavrov in Moscow. He said the talks were ‘useful’.\n\n"
    "Kyiv’s officials' reply came later — a short one. Nobody else spoke!"
)


def test_sentence_of_is_token_sent(nlp):
    doc = nlp(TEXT)
    assert len(list(doc.sents)) >= 3
    for token in doc:
        assert sentence_of(token) == token.sent, token.text


def test_text_of_is_text(nlp):
    doc = nlp(TEXT)
    assert text_of(doc) == doc.text == TEXT
    for span in [*doc.sents, *doc.ents, doc[2:9], doc[-1:]]:
        assert text_of(span) == span.text


def test_tokens_with_text(nlp):
    doc = nlp(TEXT)
    expected = [t.i for t in doc if t.text in {"'", "’"}]
    assert [t.i for t in tokens_with_text(doc, ("'", "’"))] == expected
    assert expected, "the text has bare apostrophes"
