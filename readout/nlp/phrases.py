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

from readout.records import StatementRecord

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
    doc = chunk.doc
    return doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def statement_phrases(doc: Doc, start: int, end: int) -> list[str]:
    """The phrases of the noun chunks inside ``doc.text[start:end]``, in order, each once."""
    found = []
    for chunk in doc.noun_chunks:
        if chunk.start_char >= start and chunk.end_char <= end:
            phrase = phrase_of(chunk)
            if phrase:
                found.append(" ".join(phrase.split()))  # a line break inside a chunk
    return list(dict.fromkeys(found))


def tag_phrases(doc: Doc, statements: list[StatementRecord]) -> list[StatementRecord]:
    if not doc.has_annotation("DEP"):  # no parser, no noun chunks: no phrases
        return statements
    for statement in statements:
        statement.phrases = statement_phrases(doc, statement.start, statement.end)
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
