"""The bulk attribute ruler leaves every token exactly as spaCy's AttributeRuler does: with
the model's own rules, and with rules written to hit each kind of test it handles."""

from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Token

from readout.nlp.bulk.tag_attributes import BulkAttributeRuler
from readout.nlp.pipeline import load_model

TEXTS = [
    "Wang Yi said the talks were constructive; Lavrov didn't disagree.",
    "I ain't gonna do it, y'all. Let's go -- c'mon, nothin' gets done.",
    "There is a plan and there were meetings.  They've gotta meet again!",
    "",
    "   ",
    "The U.S.A. and the E.U. met on 3 May 2025 in Brussels.\n\nMore follows.",
    "Brussels hosted talks with Moscow",  # a rule's later token at the start, a word at the end
]


def rule(patterns: list, attrs: dict, index: int = 0) -> dict:
    return {"patterns": patterns, "attrs": attrs, "index": index}


EXTRA_RULES = [
    rule([[{"TAG": "NNP"}]], {"MORPH": "Foo=Bar"}),
    rule([[{"LOWER": "the", "DEP": "det"}]], {"LEMMA": "THE"}),
    rule([[{"TAG": {"IN": ["VBD", "VBZ"]}}]], {"POS": "AUX"}),
    rule([[{"DEP": {"NOT_IN": ["punct", ""]}, "IS_SPACE": False}]], {"MORPH": "X=Y"}),
    rule([[{"ORTH": {"REGEX": "^[A-Z]\\w+$"}}, {"TAG": "NNP"}]], {"POS": "X"}, index=-1),
    rule([[{"LOWER": "and"}], [{"LOWER": "in"}]], {"LEMMA": "CONJ-OR-IN"}),
    rule([[{"LOWER": "met"}, {"LOWER": {"IN": ["on", "again"]}}]], {"TAG": "XX"}, index=1),
    rule([[{"TAG": "NNP", "OP": "+"}]], {"LEMMA": "NAME"}),  # left to the Matcher
    rule([[{"LOWER": "plan"}]], {"_": {"flag": "planned"}}),
]


def attributes(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, t.morph.key, t.lemma_, t.dep_, t.head.i, t._.flag) for t in doc]


@pytest.fixture(scope="module")
def parsed():
    """Docs with the model's annotations up to its attribute ruler (and none of its own)."""
    if not Token.has_extension("flag"):
        Token.set_extension("flag", default=None)
    nlp = load_model()
    upto = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    model_rules = nlp.get_pipe("attribute_ruler").patterns
    docs = list(nlp.pipe(TEXTS, disable=[p for p in nlp.pipe_names if p not in upto]))
    return nlp, docs, model_rules


@pytest.mark.parametrize("extra", [False, True], ids=["model rules", "model and extra rules"])
def test_same_attributes_as_spacy(parsed, extra):
    nlp, docs, rules = parsed
    rules = rules + (EXTRA_RULES if extra else [])
    reference, bulk = AttributeRuler(nlp.vocab), BulkAttributeRuler(nlp.vocab)
    reference.add_patterns(rules)
    bulk.add_patterns(rules)
    assert bulk.patterns == reference.patterns
    for doc in docs:
        ours, theirs = doc.copy(), doc.copy()
        assert attributes(bulk(ours)) == attributes(reference(theirs)), doc.text


def test_extra_rules_change_something(parsed):
    """The extra rules really fire on these texts, so the comparison above tests them."""
    nlp, docs, rules = parsed
    plain, extra = BulkAttributeRuler(nlp.vocab), BulkAttributeRuler(nlp.vocab)
    plain.add_patterns(rules)
    extra.add_patterns(rules + EXTRA_RULES)
    changed = [attributes(plain(d.copy())) != attributes(extra(d.copy())) for d in docs]
    assert sum(changed) >= 3
    assert any(t._.flag == "planned" for t in extra(docs[2].copy()))


def test_pipeline_uses_it(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), BulkAttributeRuler)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


def test_rules_added_after_a_call_apply(parsed):
    """The per-tag rows and the rule index are built lazily; a later rule must still count."""
    nlp, docs, rules = parsed
    reference, bulk = AttributeRuler(nlp.vocab), BulkAttributeRuler(nlp.vocab)
    reference.add_patterns(rules)
    bulk.add_patterns(rules)
    bulk(docs[0].copy())  # fills the caches
    for ruler in (reference, bulk):
        ruler.add_patterns(EXTRA_RULES[:2])  # a tag map entry and a word rule
    assert attributes(bulk(docs[0].copy())) == attributes(reference(docs[0].copy()))
