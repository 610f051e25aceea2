"""What the speaker resolver knows about a document: actor mentions by token, sentences cut
at paragraph breaks, who is a subject, and the noun phrases that name speakers.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span, Token

from readout.knowledge import KnowledgeBase
from readout.nlp.extensions import actor_spans, text_of, tokens_where
from readout.nlp.quotes.marks import paragraphs

PERSON = {"person"}
COLLECTIVE = {"country", "organization", "media"}
PERSON_LABELS = {"PERSON", "TITLE"}
DEFINITE = {"the", "this", "that", "these", "those"}
INDEFINITE = {"a", "an", "one", "another", "some", "several"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Children that are not part of a noun phrase naming a speaker.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "preconj", "punct", "prep"}
NAME_DEPS = {"compound", "appos", "flat", "poss", "amod", "nmod", "det", "case", "nummod"}
# Prepositions that attach an institution to a speaker ("a spokesman for the ministry", "a
# source in the Russian delegation", "an official with the mission").
INSTITUTION_PREPS = {"of", "for", "at", "from"}
MEMBER_PREPS = {"in", "with"}  # only after a common noun: "Wang in Moscow" is just Wang
DATELINE_ENDS = {"-", "–", "—"}  # what ends a dateline the parser joined to a subject
BRIDGED = {",", *DATELINE_ENDS}  # punctuation inside a speaker phrase ("spokesperson, Guo")


def np_tokens(head: Token, quoted: set[int] | frozenset[int] = frozenset()) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``: names, titles and modifiers, not
    the clauses, coordinated phrases or quoted words hanging off it."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS and not _institution_prep(child):
            continue
        tokens += [t for t in child.subtree if t.i not in quoted]
    return sorted(tokens, key=lambda t: t.i)


def _institution_prep(token: Token) -> bool:
    if token.dep_ != "prep":
        return False
    member = token.lower_ in MEMBER_PREPS and token.head.pos_ == "NOUN"
    return token.lower_ in INSTITUTION_PREPS or member


def np_text(tokens: list[Token], head: Token | None = None) -> str:
    """Surface text of a noun phrase: the run of its tokens around the head, bridging only
    punctuation ("spokesperson, Guo Jiakun"), without trailing punctuation or "'s"."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    members = {t.i for t in tokens}
    head_i = head.i if head is not None else tokens[0].i
    start = end = head_i
    while start - 1 >= 0 and _joins(doc, start - 1, members, step=-1):
        start -= 1
    while end + 1 < len(doc) and _joins(doc, end + 1, members, step=1):
        end += 1
    while end >= start and (_edge(doc[end]) or doc[end].tag_ == "POS"):
        end -= 1
    start = _after_dateline(doc, start, end)
    while start <= end and _edge(doc[start]):
        start += 1
    return doc[start : end + 1].text.strip()


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Where the phrase starts once a dateline the parser joined to it is cut off
    ("MOSCOW (Reuters) - Foreign Minister X": "Foreign Minister X")."""
    first = doc[start].text
    if not (first.isalpha() and first.isupper() and len(first) >= 3):
        return start
    cuts = [i for i in range(start, end) if doc[i].text in DATELINE_ENDS and doc[i].whitespace_]
    words = [i for i in range(cuts[-1] + 1, end + 1) if doc[i].is_alpha] if cuts else []
    return cuts[-1] + 1 if words else start


def _joins(doc: Doc, i: int, members: set[int], step: int) -> bool:
    """Token ``i`` belongs to the phrase, or is punctuation leading to a member."""
    if i in members:
        return True
    j = i
    while 0 <= j < len(doc) and j not in members and _edge(doc[j]) and doc[j].text in BRIDGED:
        j += step
    return 0 <= j < len(doc) and j in members and j != i


def _edge(token: Token) -> bool:
    return token.is_punct or token.is_space


def sentence_units(doc: Doc) -> list[Span]:
    """The parser's sentences, split again at paragraph breaks: a headline or standfirst
    without a full stop must not run into the next paragraph."""
    # A paragraph starts at a word right after a whitespace token holding a line break.
    spaces = tokens_where(doc, doc.to_array([IS_SPACE]))
    after_break = [t.i + 1 for t in spaces if "\n" in t.text and t.i + 1 < len(doc)]
    breaks = [i for i in after_break if not doc[i].is_space]
    units = []
    for sent in doc.sents:
        start = sent.start
        for i in breaks[
            bisect.bisect_right(breaks, sent.start) : bisect.bisect_left(breaks, sent.end)
        ]:
            units.append(doc[start:i])
            start = i
        units.append(doc[start : sent.end])
    return units


@dataclass(frozen=True)
class Mention:
    span: Span
    actor_id: str | None
    kind: str  # person | country | organization | media


class DocContext:
    """Actor mentions of one document with their kinds, its sentences and paragraphs."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, quoted: set[int]) -> None:
        self.doc, self.kb, self.quoted = doc, kb, quoted
        self.mentions = [Mention(s, s._.actor_id, self._kind(s)) for s in actor_spans(doc)]
        self.by_token: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            for i in range(mention.span.start, mention.span.end):
                self.by_token.setdefault(i, []).append(mention)
        self.paragraphs = paragraphs(text_of(doc))
        self._para_starts = [start for start, _ in self.paragraphs]
        self.sents = sentence_units(doc)
        self.sent_index = {i: n for n, s in enumerate(self.sents) for i in range(s.start, s.end)}

    def sent_of(self, token: Token) -> Span:
        return self.sents[self.sent_index[token.i]]

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, char) - 1)

    def same_paragraph(self, a: Token, b: Token) -> bool:
        return self.paragraph_of(a.idx) == self.paragraph_of(b.idx)

    def _kind(self, span: Span) -> str:
        actor = self.kb.actors.get(span._.actor_id or "")
        if actor is not None:
            return actor.kind
        if span.label_ in PERSON_LABELS:
            return "person"
        return "country" if span.label_ in {"GPE", "NORP"} else "organization"

    def mentions_in(self, tokens: list[Token]) -> list[Mention]:
        """Mentions overlapping ``tokens``, longest first, without duplicates."""
        seen: dict[int, Mention] = {}
        for token in tokens:
            for mention in self.by_token.get(token.i, []):
                seen[id(mention)] = mention
        return sorted(seen.values(), key=lambda m: (-len(m.span), m.span.start))

    def mention_at(self, token: Token, kinds: set[str]) -> Mention | None:
        for mention in self.mentions_in([token]):
            if mention.kind in kinds:
                return mention
        return None

    def is_subject(self, token: Token) -> bool:
        """True when ``token`` sits in the subject phrase of some verb."""
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ in SUBJECT_DEPS:
                return True
            if ancestor.dep_ not in NAME_DEPS | {"appos"}:
                return False
        return False

    def mentions_before(self, sent_no: int, before: int | None, kinds: set[str]) -> list[Mention]:
        """Mentions of ``kinds`` in sentence ``sent_no`` outside quotes, in text order (only
        those before token ``before`` when given)."""
        sent = self.sents[sent_no]
        end = sent.end if before is None else min(sent.end, before)
        return [
            m
            for m in self.mentions
            if sent.start <= m.span.start < end
            and m.kind in kinds
            and m.span.start not in self.quoted
        ]

    def descriptors(self, mention: Mention) -> set[str]:
        """Lowercase words describing a person where they are named ("Foreign Ministry
        spokesman Guo Jiakun" -> {"foreign", "ministry", "spokesman", ...})."""
        root = mention.span.root
        words = {t.lower_ for t in np_tokens(root) if t.is_alpha}
        if root.dep_ == "appos":
            words |= {t.lower_ for t in np_tokens(root.head) if t.is_alpha}
        for child in root.children:
            if child.dep_ == "appos":
                words |= {t.lower_ for t in np_tokens(child) if t.is_alpha}
        return words


def definite(head: Token) -> bool:
    """'the minister', 'his spokesman': a role noun that points back to someone."""
    for child in head.children:
        if child.dep_ == "det":
            return child.lower_ in DEFINITE
        if child.dep_ == "poss" and child.pos_ == "PRON":
            return True
    return False


def indefinite(head: Token) -> bool:
    """'a spokesperson', 'one official': one of several, so no single person is meant."""
    return any(c.dep_ in {"det", "nummod"} and c.lower_ in INDEFINITE for c in head.children)
