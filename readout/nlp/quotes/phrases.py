"""Key phrases of statements: the noun phrases a speaker uses ("a political settlement", "the
root causes of the crisis"), so that the app can say what only one side of a contact says.

The parser's noun chunks inside the statement's words, trimmed of what carries no content
(articles, possessive pronouns, numbers, quantifiers), kept when they still name something: two
words or more, or a single proper noun ("NATO"). A bare common noun ("the crisis", "things")
and pronouns tell a reader nothing about one side's wording. The app never runs spaCy, so the
phrases are found here and stored with the statement.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from readout.nlp.extensions import sentence_starts
from readout.snapshot.records import StatementRecord

TRIM_POS = frozenset({"DET", "PRON", "NUM", "PART", "ADP", "CCONJ", "PUNCT", "SYM"})
MAX_WORDS = 5  # longer chunks are clauses in disguise ("the issues that the two sides ...")


def _trimmed(chunk: Span) -> list[Token]:
    tokens = list(chunk)
    while tokens and (tokens[0].pos_ in TRIM_POS or tokens[0].is_stop or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ == "PART"):
        tokens.pop()  # "NATO 's" -> "NATO"
    return tokens


def phrase_of(chunk: Span) -> str | None:
    """The chunk's content words as they stand in the text, or None if too little is left."""
    tokens = _trimmed(chunk)
    if not tokens or tokens[-1].pos_ == "PRON" or len(tokens) > MAX_WORDS:
        return None
    if len(tokens) == 1 and tokens[0].pos_ != "PROPN":
        return None
    if not any(t.is_alpha for t in tokens):
        return None
    return chunk.doc[tokens[0].i : tokens[-1].i + 1].text  # not doc.text: built anew each call


def _chunks_around(doc: Doc, spans: list[tuple[int, int]]) -> list[Span]:
    """``doc.noun_chunks`` of the sentences that overlap a span, in order. The chunker walks
    each token it is given and never joins two sentences, so the chunks of a sentence are the
    same whether it walks that sentence or the whole document; statements cover a few."""
    starts = sentence_starts(doc)
    bounds = [(start, end) for start, end in zip(starts, (*starts[1:], len(doc)), strict=True)]
    chunks = []
    for start, end in bounds:
        sent = doc[start:end]
        if any(s < sent.end_char and e > sent.start_char for s, e in spans):
            chunks += [Span(doc, a, b, label=label) for a, b, label in _iterator(doc)(sent)]
    return chunks


def _iterator(doc: Doc):
    if doc.noun_chunks_iterator is None:  # as doc.noun_chunks: this language has no chunker
        raise NotImplementedError(f"no noun chunks for the language {doc.lang_!r}")
    return doc.noun_chunks_iterator


def _phrases_in(doc: Doc, spans: list[tuple[int, int]]) -> list[list[str]]:
    """For each (start, end) character span, the phrases of the noun chunks inside it, in
    order, each once. One pass over the document's chunks (``Span.noun_chunks`` walks the
    whole document each time); only chunks inside a span are trimmed."""
    found: list[list[str]] = [[] for _ in spans]
    if not spans:
        return found
    for chunk in _chunks_around(doc, spans):
        inside = [
            i for i, (s, e) in enumerate(spans) if chunk.start_char >= s and chunk.end_char <= e
        ]
        if inside and (phrase := phrase_of(chunk)):
            for i in inside:
                found[i].append(" ".join(phrase.split()))  # a line break inside a chunk
    return [list(dict.fromkeys(f)) for f in found]


def statement_phrases(doc: Doc, start: int, end: int) -> list[str]:
    """The phrases of the noun chunks inside ``doc.text[start:end]``."""
    return _phrases_in(doc, [(start, end)])[0]


def tag_phrases(doc: Doc, statements: list[StatementRecord]) -> list[StatementRecord]:
    if not statements or not doc.has_annotation("DEP"):  # no parser, no noun chunks
        return statements
    spans = [(st.start, st.end) for st in statements]
    for statement, phrases in zip(statements, _phrases_in(doc, spans), strict=True):
        statement.phrases = phrases
    return statements


@Language.factory(
    "readout_phrases",
    requires=["doc._.statements", "token.dep"],
    assigns=["doc._.statements"],
)
def make_phrases(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.statements = tag_phrases(doc, list(doc._.statements or []))
        return doc

    return component
