"""Doc and Span extensions used by Readout's components, registered once at import.

* ``doc._.published``  the article's publication date (ISO string or None); set before the
  pipeline runs, it anchors relative dates and dated titles ("China's foreign minister").
* ``doc.spans["actors"]``  every linked actor mention (people, organisations, countries,
  resolved titles); each span has ``span._.actor_id`` (None when not linked).
* ``doc._.statements`` / ``doc._.events`` / ``doc._.new_actors``  extractor output as records.
* ``doc._.sentence_starts``  the parser's sentence starts, found once (``sentence_of``).
* ``doc._.text``  ``doc.text``, joined once (``text_of``): spaCy joins the tokens on every access.
* ``doc._.tags``  part of speech, lemma, lowercase form and dependency of every token as Python
  ints, read once (``tag_rows``): ``Span.to_array`` costs as much as the whole doc's.
"""

from bisect import bisect_right

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

ACTOR_SPANS = "actors"

_DOC_EXTENSIONS = {
    "published": None,
    "statements": None,
    "events": None,
    "new_actors": None,
    "sentence_starts": None,
    "text": None,
    "tags": None,
}

for _name, _default in _DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

if not Span.has_extension("actor_id"):
    Span.set_extension("actor_id", default=None)


def actor_spans(doc: Doc) -> list[Span]:
    """Linked actor mentions in document order (empty before the linker ran)."""
    if ACTOR_SPANS not in doc.spans:
        return []
    return sorted(doc.spans[ACTOR_SPANS], key=lambda s: (s.start, -s.end))


def tokens_with_text(doc: Doc, texts) -> list[Token]:
    """The tokens whose text is one of ``texts``, found on the doc's arrays: a Python loop
    over every token would build a Token object for each."""
    return tokens_where(doc, numpy.isin(doc.to_array([ORTH]), [get_string_id(t) for t in texts]))


def tokens_where(doc: Doc, mask) -> list[Token]:
    return [doc[i] for i in numpy.flatnonzero(mask).tolist()]


def sentence_starts(doc: Doc) -> tuple[int, ...]:
    """Token index of each sentence start, found once per doc (the parser set them before
    Readout's components run, and none of them moves a boundary)."""
    if doc._.sentence_starts is None or len(doc) != doc._.sentence_starts[1]:
        doc._.sentence_starts = (tuple(s.start for s in doc.sents), len(doc))
    return doc._.sentence_starts[0]


def text_of(item: Doc | Span) -> str:
    """``item.text``, from the doc's text joined once rather than from the tokens on every call
    (a doc's text never changes: retokenizing merges tokens, not characters)."""
    if isinstance(item, Span):
        return text_of(item.doc)[item.start_char : item.end_char]
    if item._.text is None:
        item._.text = item.text
    return item._.text


TAG_COLUMNS = (POS, LEMMA, LOWER, DEP)


def tag_rows(doc: Doc) -> list[list[int]]:
    """(POS, LEMMA, LOWER, DEP) of each token, read once per doc: the model's annotations, which
    Readout's components read and never change."""
    if doc._.tags is None or len(doc._.tags) != len(doc):
        doc._.tags = doc.to_array(list(TAG_COLUMNS)).reshape(len(doc), -1).tolist()
    return doc._.tags


def sentence_of(token: Token) -> Span:
    """``token.sent``, without spaCy's walk through every sentence of the doc on each call."""
    doc = token.doc
    starts = sentence_starts(doc)
    n = bisect_right(starts, token.i) - 1
    end = starts[n + 1] if n + 1 < len(starts) else len(doc)
    return doc[starts[n] : end]
