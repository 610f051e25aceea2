"""Names the model misses after a title: "Ambassador to China Igor Morgulov", "High
Representative Borrell", "Envoy Ana Ruiz".

News copy puts a person's office straight before their name, and the small model often tags
the pair as nothing at all once a complement stands between them ("Ambassador to Russia").
After a title word (the head of any title phrase of ``titles.toml``, "ambassador",
"representative", "minister", or a person noun such as "analyst"), optionally followed by
"to/of/for" and a place or organisation the model or the ruler already marked, a run of one
to three capitalised proper nouns that no entity covers is a PERSON. Headlines, whose words
are all capitalised, are left alone: "Foreign Minister Arrives" names nobody.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from readout import KNOWLEDGE_DIR
from readout.knowledge import KnowledgeBase
from readout.nlp.actors.link import PERSON_NOUNS
from readout.nlp.kb import get_knowledge

COMPLEMENT_WORDS = {"to", "of", "for"}
COMPLEMENT_LABELS = {"GPE", "ORG", "NORP", "LOC"}
MAX_NAME_WORDS = 3
HEADLINE_SHARE = 0.6  # a sentence with this share of capitalised words is a headline


def title_heads(kb: KnowledgeBase) -> frozenset[str]:
    """The last word of every title phrase ("foreign minister" -> "minister"), and the nouns
    that describe a person."""
    heads = {phrase.split()[-1].lower() for phrases in kb.titles.values() for phrase in phrases}
    return frozenset(heads | PERSON_NOUNS)


def _headline(sentence: Span) -> bool:
    words = [t for t in sentence if t.is_alpha and not t.is_stop]
    return (
        bool(words)
        and sum(t.is_title or t.is_upper for t in words) / len(words) >= (HEADLINE_SHARE)
        and not sentence.text.rstrip().endswith((".", "?", "!", '"', "”"))
    )


def _after_complement(doc: Doc, i: int) -> int:
    """The index after "to China" / "of the UN" at ``i``, or ``i`` when there is none."""
    if i + 1 >= len(doc) or doc[i].lower_ not in COMPLEMENT_WORDS:
        return i
    start = doc[i + 1]
    if start.ent_iob_ != "B" or start.ent_type_ not in COMPLEMENT_LABELS:
        return i
    j = i + 2
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j


def _name_word(token: Token) -> bool:
    return (
        token.pos_ == "PROPN" and token.is_title and token.is_alpha and not token.is_stop
        and token.ent_type_ == ""
    )  # fmt: skip


def titled_names(doc: Doc, heads: frozenset[str]) -> list[Span]:
    """PERSON spans for the untagged names right after a title."""
    found: list[Span] = []
    for token in doc:
        if token.lower_ not in heads or token.ent_type_ == "PERSON" or token.is_sent_end:
            continue
        start = _after_complement(doc, token.i + 1)
        end = start
        while end < len(doc) and end - start < MAX_NAME_WORDS and _name_word(doc[end]):
            end += 1
        if end == start or (end < len(doc) and doc[end].is_title and doc[end].is_alpha):
            continue  # nothing, or a longer proper name (an organisation) goes on
        if len(doc[start:end].text) < 3 or (found and start < found[-1].end):
            continue
        if _headline(token.sent):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
    return found


@Language.factory(
    "readout_titled_names",
    requires=["doc.ents"],
    assigns=["doc.ents"],
    default_config={"knowledge_dir": str(KNOWLEDGE_DIR)},
)
def make_titled_names(nlp: Language, name: str, knowledge_dir: str):
    heads = title_heads(get_knowledge(knowledge_dir))

    def component(doc: Doc) -> Doc:
        added = titled_names(doc, heads)
        if added:
            doc.ents = list(doc.ents) + added  # untagged tokens only: no overlap
        return doc

    return component
