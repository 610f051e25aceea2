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
