"""The bulk lemmatizer gives every token the lemma the model's own lemmatizer gives it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from readout.nlp.bulk.lemmas import BulkLemmatizer
from readout.nlp.pipeline import load_model

TEXTS = [
    "Wang Yi said the talks were constructive; Lavrov didn't disagree.",
    "The ministers met, meeting again after meetings: they've been better, the best.",
    "I ain't gonna do it. Leaves leave; she was leaving the leaves.",
    "",
    "   ",
    "Said he: 'Running, ran, runs.' The U.S. said so on 3 May 2025.\n\nMore follows.",
]


@pytest.fixture(scope="module")
def tagged():
    """The model, and docs with its annotations up to (not including) its lemmatizer."""
    nlp = load_model()
    upto = nlp.pipe_names[: nlp.pipe_names.index("lemmatizer")]
    docs = list(nlp.pipe(TEXTS, disable=[p for p in nlp.pipe_names if p not in upto]))
    return nlp, docs


def lemmas(doc) -> list[str]:
    return [t.lemma_ for t in doc]


@pytest.mark.parametrize("overwrite", [False, True])
def test_same_lemmas_as_spacy(tagged, overwrite):
    nlp, docs = tagged
    model = nlp.get_pipe("lemmatizer")
    model.overwrite = overwrite
    try:
        bulk = BulkLemmatizer().wrap(model)
        for doc in docs:
            ours, theirs = doc.copy(), doc.copy()
            if len(doc) > 2:  # a lemma set earlier (as by the attribute ruler) is kept
                ours[1].lemma_ = theirs[1].lemma_ = "PRESET"
            assert lemmas(bulk(ours)) == lemmas(model(theirs)), doc.text
    finally:
        model.overwrite = False


def test_morphology_is_part_of_the_key(tagged):
    """The same word and part of speech with other morphology can have another lemma."""
    nlp, _ = tagged
    model = nlp.get_pipe("lemmatizer")
    words = ["better", "better", "saw", "saw"]
    pos = ["ADJ", "ADJ", "VERB", "VERB"]
    morphs = ["Degree=Cmp", "Degree=Pos", "Tense=Past|VerbForm=Fin", "VerbForm=Inf"]
    doc = Doc(nlp.vocab, words=words, pos=pos, morphs=morphs)
    expected = lemmas(model(doc.copy()))
    assert expected[0] != expected[1] and expected[2] != expected[3]
    assert lemmas(BulkLemmatizer().wrap(model)(doc)) == expected


def test_lemmas_really_change_words(tagged):
    """The comparison above means something: most inflected forms get a different lemma."""
    nlp, docs = tagged
    bulk = BulkLemmatizer().wrap(nlp.get_pipe("lemmatizer"))
    doc = bulk(docs[1].copy())
    changed = {t.text: t.lemma_ for t in doc if t.lemma_ != t.text.lower()}
    assert {"met": "meet", "meetings": "meeting", "'ve": "have", "been": "be"}.items() <= (
        changed.items()
    )


def test_other_modes_use_the_model(tagged):
    """A lookup (or any non-rule) lemmatizer is called as it is."""
    _, docs = tagged
    calls = []

    class LookupLemmatizer:
        mode = "lookup"

        def __call__(self, doc):
            calls.append(doc)
            return doc

    assert BulkLemmatizer().wrap(LookupLemmatizer())(docs[0]) is docs[0]
    assert calls == [docs[0]]


def test_pipeline_uses_it(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, BulkLemmatizer)
    assert lemmatizer.mode == "rule"  # the model's settings, read through the wrapper
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")
