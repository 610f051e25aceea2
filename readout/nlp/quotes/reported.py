"""Reported speech: "Guo emphasized that dialogue and negotiation are the only solutions".

A speech verb with a clausal complement and a subject makes a statement of kind "indirect";
so does a sentence sourced with "according to X". Complements that contain a direct quote
are left to the quote extractor, which keeps the speaker's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from readout.nlp.extensions import text_of
from readout.nlp.quotes.cues import Cues
from readout.nlp.quotes.speakers import Speaker, SpeakerResolver

MIN_WORDS = 3


@dataclass(frozen=True)
class Reported:
    speaker: Speaker
    cue: Token | None
    content: Span  # the reported clause, without "that"
    sentence: Span


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """Drop a leading "that"/punctuation and trailing punctuation from a clause."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if sum(1 for t in doc[start:end] if not t.is_punct) < MIN_WORDS:
        return None
    return doc[start:end]


def _complement(verb: Token, cues: Cues) -> Token | None:
    """The reported clause: the verb's complement, or a "that" clause the parser hung on
    the person addressed ("tells Russian counterpart that Beijing is ready")."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None or not cues.takes_addressee(verb):
        return comp
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "dative"}):
        for clause in obj.children:
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            if clause.dep_ in {"acl", "relcl", "ccomp"} and "that" in marks:
                return clause
    return None


def _not_said(verb: Token, comp: Token, cues: Cues) -> bool:
    """Nothing was stated: "did not say", "declined to say", "asked whether"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.refusing_verbs:
        return True
    return any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in comp.children)


def speech_clauses(
    doc: Doc, resolver: SpeakerResolver, cues: Cues, quoted: set[int]
) -> list[Reported]:
    """Every speech verb with a complement and a speaker, outside direct quotes."""
    found = []
    for verb in cues.speech_verb_candidates(doc):
        if verb.i in quoted or not cues.is_speech_verb(verb):
            continue
        comp = _complement(verb, cues)
        if comp is None or _not_said(verb, comp, cues):
            continue
        sentence = resolver.ctx.sent_of(verb)
        subtree = list(comp.subtree)
        if any(t.i in quoted or t.i == verb.i for t in subtree):
            continue
        if subtree[0].i < sentence.start or subtree[-1].i >= sentence.end:
            continue  # a misparse joining paragraphs
        content = _trim(doc, subtree[0].i, subtree[-1].i + 1)
        speaker = resolver.speaker_of(verb)
        if content is None or speaker is None:
            continue
        found.append(Reported(speaker, verb, content, sentence))
    return found


def according_clauses(
    doc: Doc, resolver: SpeakerResolver, cues: Cues, quoted: set[int], taken: set[int]
) -> list[Reported]:
    """Sentences sourced with "according to X" and no quote or speech verb of their own."""
    found = []
    for sent in resolver.ctx.sents:
        if any(i in quoted or i in taken for i in range(sent.start, sent.end)):
            continue
        cue = according_cue(sent, cues)
        if cue is None:
            continue
        first, obj = cue
        phrase = {t.i for t in first.subtree} | {first.i}
        rest = [t for t in sent if t.i not in phrase]
        if not rest or obj is None:
            continue
        content = _trim(doc, rest[0].i, rest[-1].i + 1)
        if content is None or any(t.i in phrase for t in content):
            content = _trim(doc, sent.start, sent.end)
        source = resolver.source_of(obj)
        if content is not None and source is not None:
            found.append(Reported(source, None, content, sent))
    return found


def according_cue(sent: Span, cues: Cues) -> tuple[Token, Token | None] | None:
    """The first "according to X" in ``sent``: (its first token, the head of X)."""
    doc = sent.doc
    lowered = text_of(sent).lower()
    if not any(phrase[0] in lowered for phrase in cues.according_to):  # no Token built then
        return None
    for token in sent:
        for phrase in cues.according_to:
            if token.lower_ != phrase[0]:  # cheap test first: this runs at every token
                continue
            words = tuple(t.lower_ for t in doc[token.i : token.i + len(phrase)])
            if words != phrase:
                continue
            last = doc[token.i + len(phrase) - 1]
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if obj is None:  # a misparse: the first word after the phrase attached to it
                obj = next((t for t in sent if t.i > last.i and t.head.i <= last.i), None)
            return token, obj
    return None
