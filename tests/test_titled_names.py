"""Names the model misses after a title (readout/nlp/actors/titled_names.py), on hand-written
sentences: the name becomes a PERSON mention and links like any other."""

from __future__ import annotations

import pytest

CASES = [
    # what, text, (mention, actor id) pairs expected among the linked people
    ("a title, its complement, then a name nobody tagged",
     "The guests were greeted by Ambassador to Chile Tomas Ebbe and two aides.",
     [("Tomas Ebbe", "tomas-ebbe")]),
    ("a surname after a title links to the one person of that surname",
     "The plan was backed by High Representative Borrell on Friday.",
     [("Borrell", "josep-borrell")]),
    ("a headline's capitalised words are no name",
     "Foreign Minister Arrives in Oslo for Talks", []),
    ("a longer proper name is an organisation, not a person",
     "She joined Special Envoy Ocean Freight Logistics Group last year.", []),
]  # fmt: skip


@pytest.mark.parametrize(("what", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_titled_names(nlp, what, text, expected):
    doc = nlp(text)
    people = [(s.text, s._.actor_id) for s in doc.spans["actors"] if s.label_ == "PERSON"]
    assert people == expected


def test_a_full_name_the_model_tags_as_a_person_links_in_any_case(nlp):
    from spacy.tokens import Span

    from readout import KNOWLEDGE_DIR
    from readout.nlp.actors.link import link_mentions
    from readout.nlp.kb import get_knowledge

    doc = nlp("Earlier, the russian president vladimir putin said he may travel to Ankara.")
    start = [t.text for t in doc].index("vladimir")
    person = Span(doc, start, start + 2, label="PERSON")  # as the model tags it
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= start + 2] + [person]
    spans, _ = link_mentions(doc, kb=get_knowledge(str(KNOWLEDGE_DIR)))
    assert ("vladimir putin", "vladimir-putin") in {(s.text, s._.actor_id) for s in spans}
