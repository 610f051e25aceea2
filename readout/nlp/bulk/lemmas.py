"""``readout_lemmatizer``: the model's rule lemmatizer, applied once per distinct word form.

spaCy's ``Lemmatizer.__call__`` visits every token from Python and sets ``token.lemma_`` one at
a time, although in rule mode a lemma depends only on the word, its part of speech and its
morphology: spaCy's own ``rule_lemmatize`` caches on exactly that key. This wrapper reads those
three columns with ``Doc.to_array``, asks the model's lemmatizer once for each key it has not
seen (through the same method, on the first token with that key), and writes every lemma back
with one ``Doc.from_array``. Tokens that already have a lemma keep it unless the lemmatizer
overwrites, as in spaCy. Any other mode (lookup, a custom one) is left to the model's own
``__call__``. ``build_nlp`` swaps it in for the model's lemmatizer; the pipe keeps its name.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

Key = tuple[int, int, int]  # (word, part of speech, morphology) hashes


class BulkLemmatizer:
    """Wraps a model's ``Lemmatizer``: same lemmas, one Python call per new word form."""

    def __init__(self, name: str = "lemmatizer") -> None:
        self.name = name
        self.model: Lemmatizer | None = None
        self._lemmas: dict[Key, int] = {}

    def wrap(self, model: Lemmatizer) -> BulkLemmatizer:
        self.model, self._lemmas = model, {}
        return self

    def __call__(self, doc: Doc) -> Doc:
        model = self.model
        if model is None or model.mode != "rule" or len(doc) == 0:
            return model(doc) if model is not None else doc
        if not model._validated:  # as spaCy's __call__: a clear error if tables are missing
            model._validate_tables(Errors.E1004)
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        known = self._lemmas
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not model.overwrite:
                continue
            key = (orth, pos, morph)
            if key not in known:
                known[key] = doc.vocab.strings.add(model.lemmatize(doc[i])[0])
            lemmas[i] = known[key]
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # The wrapped lemmatizer holds the tables: serialisation and scoring are its own.
    def __getattr__(self, name: str):
        model = self.__dict__.get("model")
        if model is None:
            raise AttributeError(name)
        return getattr(model, name)


@Language.factory("readout_lemmatizer")
def make_bulk_lemmatizer(nlp: Language, name: str) -> BulkLemmatizer:
    return BulkLemmatizer(name)


def use_bulk_lemmatizer(nlp: Language) -> None:
    """Swap the model's ``lemmatizer`` for the bulk wrapper around it (same name, same place)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    model = nlp.get_pipe("lemmatizer")
    if not isinstance(model, Lemmatizer):
        return
    nlp.replace_pipe("lemmatizer", "readout_lemmatizer").wrap(model)
