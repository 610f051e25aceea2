"""Colons that attribute quotes.

A headline's colon or spaced dash sets a speaker apart ("'...' – Lavrov", "China FM: '...'"):
``separator`` and ``phrase_head`` serve ``Attributor._by_colon``.

A speech noun before a colon introduces its content: "X reacted with a post on its channel:
'...'", "Y issued a statement addressed to Z: '...'". The verb before the colon is no
reporting verb ("reacted", "issued"), but the noun it governs is speech, so the words after
the colon are that noun's content and its issuer is the speaker: the noun's owner ("the
ministry's statement read:") or else the subject of the clause holding the noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from readout.nlp.quotes.cues import Cues
from readout.nlp.quotes.speakers import Speaker, SpeakerResolver

TRAILING_SEPARATORS = {":", "-", "–", "—", "|"}  # "'...' – Lavrov"
NOUN_REACH = 12  # tokens before the colon searched for the speech noun
CLIMB = 4  # heads climbed from the noun to the verb whose subject issued it


def speech_noun_colon(
    colon: Token, resolver: SpeakerResolver, cues: Cues, quoted: set[int]
) -> Speaker | None:
    """The issuer of the speech noun nearest before ``colon`` in its sentence."""
    if colon.text != ":":
        return None
    sent = resolver.ctx.sent_of(colon)
    first = max(sent.start, colon.i - NOUN_REACH)
    for i in range(colon.i - 1, first - 1, -1):
        noun = colon.doc[i]
        if i in quoted or noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        if noun.lemma_.lower() not in cues.speech_nouns and noun.lower_ not in cues.speech_nouns:
            continue
        return _issuer(noun, resolver, quoted)
    return None


def _issuer(noun: Token, resolver: SpeakerResolver, quoted: set[int]) -> Speaker | None:
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i not in quoted), None)
    if owner is not None:  # "his channel": the owner when it names someone, else the clause's
        found = resolver.resolve(owner)
        if found.actor_id:
            return found
    head = noun
    for _ in range(CLIMB):
        if head.head == head:
            return None
        head = head.head
        if head.pos_ in {"VERB", "AUX"} and head.i not in quoted:
            found = resolver.speaker_of(head)
            return found if found is not None and found.actor_id else None
    return None


def separator(token: Token) -> bool:
    """A colon, or a dash standing apart ("' – Lavrov"), not one inside "US-China"."""
    if token.text == ":":
        return True
    spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)
    return token.text in TRAILING_SEPARATORS and spaced


def phrase_head(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head == token:
            return token
    return tokens[-1]
