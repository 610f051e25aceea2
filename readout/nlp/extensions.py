"""Doc and Span extensions used by Readout's components, registered once at import.

* ``doc._.published``  the article's publication date (ISO string or None); set before the
  pipeline runs, it anchors relative dates and dated titles ("China's foreign minister").
* ``doc.spans["actors"]``  every linked actor mention (people, organisations, countries,
  resolved titles); each span has ``span._.actor_id`` (None when not linked).
* ``doc._.statements`` / ``doc._.events`` / ``doc._.new_actors``  extractor output as records.

Caches of what spaCy recomputes on every access live in ``doc.user_data`` under
``CACHE_KEY``, not in extensions: reading ``doc._`` builds a new object each time, and these
are read tens of thousands of times per article.

* ``sentence_starts``  the parser's sentence starts, found once (``sentence_of``).
* ``text``  ``doc.text``, joined once (``text_of``): spaCy joins the tokens on every access.
* ``tags``  part of speech, lemma, lowercase form and dependency of every token as Python ints,
  read once (``tag_rows``): ``Span.to_array`` costs as much as the whole doc's.
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
}
CACHE_KEY = "readout.cache"  # a key of doc.user_data, not a module

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


def _cache(doc: Doc) -> dict:
    cache = doc.user_data.get(CACHE_KEY)
    if cache is None or cache["length"] != len(doc):  # made anew if tokens were merged
        cache = doc.user_data[CACHE_KEY] = {"length": len(doc)}
    return cache


def sentence_starts(doc: Doc) -> tuple[int, ...]:
    """Token index of each sentence start, found once per doc (the parser set them before
    Readout's components run, and none of them moves a boundary)."""
    cache = _cache(doc)
    if "sentence_starts" not in cache:
        cache["sentence_starts"] = tuple(s.start for s in doc.sents)
    return cache["sentence_starts"]


def text_of(item: Doc | Span) -> str:
    """``item.text``, from the doc's text joined once rather than from the tokens on every call
    (a doc's text never changes: retokenizing merges tokens, not characters)."""
    doc = item.doc if isinstance(item, Span) else item
    cache = _cache(doc)
    if "text" not in cache:
        cache["text"] = doc.text
    return cache["text"][item.start_char : item.end_char] if doc is not item else cache["text"]


TAG_COLUMNS = (POS, LEMMA, LOWER, DEP)


def tag_rows(doc: Doc) -> list[list[int]]:
    """(POS, LEMMA, LOWER, DEP) of each token, read once per doc: the model's annotations, which
    Readout's components read and never change."""
    cache = _cache(doc)
    if "tags" not in cache:
        cache["tags"] = doc.to_array(list(TAG_COLUMNS)).reshape(len(doc), -1).tolist()
    return cache["tags"]


def sentence_of(token: Token) -> Span:
    """``token.sent``, without spaCy's walk through every sentence of the doc on each call."""
    doc = token.doc
    starts = sentence_starts(doc)
    n = bisect_right(starts, token.i) - 1
    end = starts[n + 1] if n + 1 < len(starts) else len(doc)
    return doc[starts[n] : end]
