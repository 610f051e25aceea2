"""Key phrases of statements (readout/nlp/quotes/phrases.py) on hand-written sentences: noun chunks
trimmed of articles, pronouns and numbers; two words or more, or one proper noun."""

from __future__ import annotations

import pytest

from readout.nlp.quotes.phrases import statement_phrases

CASES = [
    # what, text, expected phrases
    ("articles and possessives go, the content stays",
     "The envoy urged a lasting political solution and our shared economic interests.",
     ["lasting political solution", "shared economic interests"]),
    ("a bare common noun or a pronoun is too little",
     "They said the problem was the sanctions.", []),
    ("a single proper noun names something",
     "The minister blamed NATO for the tension.", ["NATO"]),
    ("the possessive ending is trimmed from a name on its own",
     "The diplomat criticised the OSCE's.", ["OSCE"]),
    ("numbers and quantifiers lead nothing",
     "Both countries signed two new trade agreements.", ["new trade agreements"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_statement_phrases(nlp, what, text, expected):
    doc = nlp(text)
    assert statement_phrases(doc, 0, len(text)) == expected


def test_only_chunks_inside_the_statement_count(nlp):
    text = "The foreign minister said the bilateral trade deal would hold."
    doc = nlp(text)
    start = text.index("the bilateral")
    assert statement_phrases(doc, start, len(text)) == ["bilateral trade deal"]


def test_the_pipeline_stores_phrases_on_each_statement(nlp):
    doc = nlp('"We want a comprehensive ceasefire agreement," the Finnish president said.')
    [statement] = [s for s in doc._.statements if s.kind == "direct"]
    assert statement.phrases == ["comprehensive ceasefire agreement"]


def _phrases_from_whole_doc(doc, start, end):
    """The reference: every noun chunk of the document, kept when inside the span."""
    from readout.nlp.quotes.phrases import phrase_of

    found = [phrase_of(c) for c in doc.noun_chunks if c.start_char >= start and c.end_char <= end]
    return list(dict.fromkeys(" ".join(p.split()) for p in found if p))


def test_phrases_of_a_statement_over_several_sentences_match_the_whole_document(nlp):
    # Only the sentences a statement touches are chunked; the result must be what chunking
    # the whole document and keeping the chunks inside the statement gives.
    text = (
        "The trade ministers met in a northern port city. The visiting minister praised the "
        "new grain corridor. He said the joint customs office and the regional energy link "
        "would open soon. Officials expected further border talks."
    )
    doc = nlp(text)
    start, end = text.index("the new grain"), text.index(" Officials")
    assert statement_phrases(doc, start, end) == _phrases_from_whole_doc(doc, start, end)
    assert "new grain corridor" in statement_phrases(doc, start, end)
    assert "further border talks" not in statement_phrases(doc, start, end)
