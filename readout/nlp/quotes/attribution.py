"""Attribute a direct quote: find the reporting cue that governs it and its speaker.

In order: a reporting verb right at the quote ('...," he said', 'Wang said: "...'), else one
that governs the quote in the parse, else the nearest in its sentences; "according to X"; a
headline's colon or dash ("... 'constructive role' ...: China FM"); the verb whose subject
frames a partial quote ("NATO members have branded Beijing a '...'"). A quote left without a
speaker may still carry the previous one (``quotes``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from readout.nlp.extensions import text_of
from readout.nlp.quotes.colons import phrase_head, separator, speech_noun_colon
from readout.nlp.quotes.cues import Cues
from readout.nlp.quotes.marks import Quote
from readout.nlp.quotes.reported import according_cue
from readout.nlp.quotes.speakers import Speaker, SpeakerResolver

BARE_ATTRIBUTION = 12  # tokens: "Wang said." after a quote closing its own sentence
COLON_ATTRIBUTION = 6  # tokens: "...: China FM" in a headline
ADJACENT = 5  # tokens: '...," Foreign Minister Wang Yi said' / 'Wang Yi said: "...


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None
    cue: Token | None  # the reporting verb, when there is one
    how: str  # verb | according | colon | frame | loose (a verb that is no cue) | none
    sent_start: int  # character offsets of the sentences carrying the quote
    sent_end: int


def quote_tokens(doc: Doc, quote: Quote) -> list[Token]:
    """Tokens of a quote including its marks."""
    end = (quote.close_at + 1) if quote.close_at is not None else quote.end
    span = doc.char_span(quote.open_at, end, alignment_mode="expand")
    return list(span) if span is not None else []


class Attributor:
    def __init__(self, doc: Doc, resolver: SpeakerResolver, cues: Cues, quoted: set[int]):
        self.doc, self.resolver, self.cues, self.quoted = doc, resolver, cues, quoted
        self.ctx = resolver.ctx
        self.paragraphs = self.ctx.paragraphs

    def paragraph_of(self, char: int) -> int:
        return self.ctx.paragraph_of(char)

    # --- the window of sentences that may attribute a quote ------------------------------

    def window(self, quote: Quote, tokens: list[Token]) -> tuple[int, int]:
        """Token range of the sentences carrying the quote, within its paragraph(s)."""
        first, last = self.ctx.sent_of(tokens[0]), self.ctx.sent_of(tokens[-1])
        start, end = first.start, last.end
        para_start = self.paragraphs[self.paragraph_of(quote.open_at)][0]
        para_end = self.paragraphs[self.paragraph_of(quote.end)][1]
        before = self._previous_token(tokens[0])
        if before is not None and before.text in {":", ","}:
            start = min(start, self.ctx.sent_of(before).start)
            if before.text == ":":  # "Wang said:" may close the paragraph before the quote
                para_start = min(para_start, self.paragraphs[self.paragraph_of(before.idx)][0])
        following = self._next_sentence(last)
        if following is not None and self._bare_attribution(following):
            end = following.end
        while start < tokens[0].i and self.doc[start].idx < para_start:
            start += 1
        while end > tokens[-1].i + 1 and self.doc[end - 1].idx >= para_end:
            end -= 1
        return start, end

    def _previous_token(self, token: Token) -> Token | None:
        i = token.i - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        return self.doc[i] if i >= 0 else None

    def _next_sentence(self, sent: Span) -> Span | None:
        if sent.end >= len(self.doc):
            return None
        following = self.ctx.sent_of(self.doc[sent.end])
        same_para = self.paragraph_of(following.start_char) == self.paragraph_of(sent.end_char - 1)
        return following if same_para else None

    def _bare_attribution(self, sent: Span) -> bool:
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if len(words) > BARE_ATTRIBUTION or any(t.i in self.quoted for t in sent):
            return False
        return any(self.cues.is_cue_verb(t) for t in sent)

    # --- cues --------------------------------------------------------------------------

    def attribute(self, quote: Quote, tokens: list[Token]) -> Attribution:
        start, end = self.window(quote, tokens)
        span = self.doc[start:end]
        speaker, cue, how = self._by_verb(tokens, span)
        if speaker is None:
            speaker, how = self._by_according(span), "according"
        if speaker is None:
            speaker, how = self._by_colon(quote), "colon"
        if speaker is None and (before := self._previous_token(tokens[0])) is not None:
            speaker = speech_noun_colon(before, self.resolver, self.cues, self.quoted)
        if speaker is None:
            speaker, cue, how = self._by_frame(tokens)
        sent_start, sent_end = span.start_char, span.end_char
        if speaker is None:
            how = "none"
        return Attribution(speaker, cue, how, sent_start, sent_end)

    def _by_verb(self, tokens: list[Token], span: Span):
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i not in inside and not t.is_punct]
        ranked = []
        adjacent = self._adjacent_cues(tokens, span)
        for token in span:
            if token.i in self.quoted or not self.cues.is_cue_verb(token):
                continue
            rank = (-1, adjacent[token.i]) if token.i in adjacent else _rank(token, roots, tokens)
            ranked.append((rank, token))
        nouns = self._owned_speech_nouns(roots)
        ranked += nouns
        owned = {noun.i for _, noun in nouns}
        found = []
        for _, verb in sorted(ranked, key=lambda r: r[0]):
            speaker = self._owner(verb) if verb.i in owned else self.resolver.speaker_of(verb)
            if speaker is not None:
                found.append((speaker, verb))
        if not found:
            return None, None, "none"
        speaker, verb = found[0]
        if not self._is_person(speaker):
            person = self._reported_person(verb, found[1:], roots, speaker)
            speaker, verb = person or (speaker, verb)
        return speaker, verb, "verb"

    def _owner(self, noun: Token) -> Speaker | None:
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return self.resolver.resolve(owner) if owner is not None else None

    def _owned_speech_nouns(self, roots: list[Token]) -> list[tuple[tuple[int, int], Token]]:
        """Speech nouns with an owner above the quote ("rejected Orban's claim that the EU led
        a 'pro-war policy'"): the owner's words, ranked with the verbs by distance in the tree."""
        found = []
        for root in roots:
            for hops, head in enumerate(root.ancestors, start=1):
                if head.i in self.quoted or head.pos_ not in {"NOUN", "PROPN"}:
                    continue
                if head.lemma_.lower() not in self.cues.speech_nouns:
                    continue
                owner = next((c for c in head.children if c.dep_ == "poss"), None)
                if owner is not None and owner.i not in self.quoted:
                    found.append(((0, hops), head))
        return found

    def _is_person(self, speaker: Speaker) -> bool:
        actor = self.ctx.kb.actors.get(speaker.actor_id or "")
        return actor is not None and actor.kind == "person"

    def _reported_person(self, outer: Token, others, roots, said: Speaker):
        """'X hoped ..., saying it was "...", the ministry added', '... went on to state that
        the "..." played "...", TASS reported': an institution or outlet passes on the words of
        a person whose speech verb stands near the quote, or below the institution's verb.
        The person said them; not when the institution's verb governs the quote and stands
        below the person's ('X said the Kremlin called it a "..."'), unless that subject is
        the person's own country: 'Xi said China welcomed "..."' reports Xi's words."""
        outer_governs = any(outer in root.ancestors for root in roots)
        for speaker, verb in others:
            if not self._is_person(speaker):
                continue
            if not outer_governs or outer in verb.ancestors or self._own_country(speaker, said):
                return speaker, verb
        return None

    def _own_country(self, person: Speaker, country: Speaker) -> bool:
        actors = self.ctx.kb.actors
        place, who = actors.get(country.actor_id or ""), actors.get(person.actor_id or "")
        return place is not None and place.kind == "country" and who.country == place.name

    def _adjacent_cues(self, tokens: list[Token], span: Span) -> dict[int, int]:
        """The attribution right at the quote, whatever the parse says: '...," he said',
        '...?" asked Wang' after it (preferred), 'Wang said: "...' or 'Wang said, "...'
        before it. Token index -> preference (lower first)."""
        doc, found = self.doc, {}
        before = self._previous_token(tokens[0])
        if before is not None and before.text in {":", ","}:
            found |= dict.fromkeys(self._cues_in(range(before.i - ADJACENT, before.i), span), 1)
        last = tokens[-1]
        closing = doc[last.i - 1].text if last.i > 0 else ""
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if closing in {",", "?", "!", "—"} or (after is not None and after.text == ","):
            following = range(last.i + 1, last.i + 1 + ADJACENT)
            after = {i for i in self._cues_in(following, span) if not _introduces(doc[i])}
            found |= dict.fromkeys(after, 0)
        return found

    def _cues_in(self, indices: range, span: Span) -> set[int]:
        inside = [i for i in indices if span.start <= i < span.end and i not in self.quoted]
        return {
            i
            for i in inside
            if self.cues.is_cue_verb(self.doc[i]) and not _subordinate(self.doc[i])
        }

    def _by_according(self, span: Span) -> Speaker | None:
        outside = [t for t in span if t.i not in self.quoted]
        if not outside:
            return None
        cue = according_cue(self.doc[outside[0].i : outside[-1].i + 1], self.cues)
        if cue is None or cue[1] is None or cue[0].i in self.quoted:
            return None
        return self.resolver.source_of(cue[1])

    def _by_colon(self, quote: Quote) -> Speaker | None:
        """Headline attribution: "... 'quote' ...: China FM", "'quote' – Lavrov" or
        "China FM: 'quote'"."""
        p_start, p_end = self.paragraphs[self.paragraph_of(quote.open_at)]
        para = self.doc.char_span(p_start, p_end, alignment_mode="expand")
        if para is None:
            return None
        outside = [t for t in para if t.i not in self.quoted]
        words = [t for t in outside if not (t.is_punct or t.is_space)]
        trailing = [t for t in outside if separator(t) and t.idx > quote.end]
        text = text_of(self.doc)  # "China FM: 'quote'": the quote must open right after the colon
        colons = [
            t for t in outside if t.text == ":" and not text[t.idx + 1 : quote.open_at].strip()
        ]
        parts = []
        if trailing:
            parts.append([t for t in words if t.i > trailing[-1].i])
        if colons:
            parts.append([t for t in words if t.i < colons[0].i])
        for part in parts:
            if not 0 < len(part) <= COLON_ATTRIBUTION:
                continue
            found = self.resolver.resolve(phrase_head(part))
            if found.actor_id:
                return found
        return None

    def _by_frame(self, tokens: list[Token]):
        """The nearest verb above a partial quote whose subject is a known actor."""
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i not in inside and not t.is_punct]
        if not roots:
            return None, None, "none"
        for head in roots[0].ancestors:
            if head.pos_ not in {"VERB", "AUX"} or head.i in self.quoted:
                continue
            speaker = self.resolver.speaker_of(head)
            if speaker is not None and speaker.actor_id:
                # "China released a 'peace plan'": a verb that is no cue gives only the user
                # of a term, never the speaker of words
                return speaker, head, "frame" if self.cues.is_cue_verb(head) else "loose"
        return None, None, "none"


def _introduces(verb: Token) -> bool:
    """'... a "pro-war policy," saying that "it is ..."': a verb whose reported clause comes
    after it introduces those words; it does not attribute the quote before it."""
    return any(c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i for c in verb.children)


def _subordinate(verb: Token) -> bool:
    """A verb opening its own clause ("..., as Kremlin calls ...", "while Wang said"): not
    the attribution of the quote beside it."""
    return any(c.dep_ == "mark" for c in verb.children)


def _rank(verb: Token, roots: list[Token], tokens: list[Token]) -> tuple[int, int]:
    """Verbs governing the quote first (nearest in the tree), then by distance in the text."""
    hops = [_hops(root, verb) for root in roots]
    hops = [h for h in hops if h is not None]
    if hops:
        return (0, min(hops))
    distance = min(abs(verb.i - tokens[0].i), abs(verb.i - tokens[-1].i))
    return (1, distance)


def _hops(token: Token, ancestor: Token) -> int | None:
    for n, head in enumerate(token.ancestors, start=1):
        if head.i == ancestor.i:
            return n
    return None
