"""Doc and Span extensions used by Readout's components, registered once at import.

* ``doc._.published``  the article's publication date (ISO string or None); set before the
  pipeline runs, it anchors relative dates and dated titles ("China's foreign minister").
* ``doc.spans["actors"]``  every linked actor mention (people, organisations, countries,
  resolved titles); each span has ``span._.actor_id`` (None when not linked).
* ``doc._.statements`` / ``doc._.events`` / ``doc._.new_actors``  extractor output as records.
"""

from spacy.tokens import Doc, Span

ACTOR_SPANS = "actors"

_DOC_EXTENSIONS = {
    "published": None,
    "statements": None,
    "events": None,
    "new_actors": None,
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
