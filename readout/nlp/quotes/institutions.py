"""Institutions behind unnamed speakers: "a Chinese Foreign Ministry spokesperson",
"a Kremlin statement", "Russia's Foreign Ministry", "NATO members".

An organisation the linker found in the phrase wins; else the knowledge base is searched by
name for an organisation of the phrase's country whose name contains the phrase's other words
("Chinese" + "Foreign Ministry" -> "Chinese Foreign Ministry"); else the country speaks.
"""

from __future__ import annotations

from spacy.tokens import Token

from readout.knowledge import fold
from readout.nlp.quotes.context import COLLECTIVE, PERSON, DocContext, Mention
from readout.nlp.quotes.cues import Cues

NAME_POS = {"PROPN", "NOUN", "ADJ"}


class Institutions:
    def __init__(self, ctx: DocContext, cues: Cues) -> None:
        self.ctx, self.cues, self.kb = ctx, cues, ctx.kb

    def of_phrase(self, tokens: list[Token]) -> str | None:
        """The organisation, else the country, a phrase names."""
        mentions = [m for m in self.ctx.mentions_in(tokens) if m.actor_id]
        orgs = [m for m in mentions if m.kind in {"organization", "media"}]
        if orgs:
            return orgs[0].actor_id
        countries = [m for m in mentions if m.kind == "country"]
        if not countries:
            return None
        country = self.kb.actors[countries[0].actor_id]
        return self._by_name(tokens, country.name, countries[0]) or country.id

    def owner(self, tokens: list[Token], head: Token) -> str | None:
        """Who issued a statement: 'Wang's statement', 'a foreign ministry statement'."""
        for token in tokens:
            mention = self.ctx.mention_at(token, PERSON)
            if mention is not None and token.i != head.i:
                return mention.actor_id
        return self.of_phrase(tokens)

    def collective(self, tokens: list[Token], head: Token) -> str | None:
        """'Beijing', 'NATO members', 'Russia's Foreign Ministry': the actor the head names,
        else the institution its modifiers name."""
        mention = self.ctx.mention_at(head, COLLECTIVE | PERSON)
        if mention is not None and mention.actor_id:
            return mention.actor_id
        if any(t.i != head.i and self.ctx.mention_at(t, COLLECTIVE) for t in tokens):
            return self.of_phrase(tokens)
        return None

    def _by_name(self, tokens: list[Token], country: str, country_mention: Mention) -> str | None:
        skip = set(range(country_mention.span.start, country_mention.span.end))
        words = [
            fold(t.text)
            for t in tokens
            if t.i not in skip and t.is_alpha and t.pos_ in NAME_POS and not self._speaker_noun(t)
        ]
        if not words:
            return None
        phrase = " ".join(words)
        best: tuple[int, str] | None = None
        for actor in self.kb.actors.values():
            if actor.kind in {"person", "country"} or actor.country != country:
                continue
            forms = [fold(f) for f in actor.surface_forms]
            if any(phrase in f for f in forms):
                length = min(len(f) for f in forms)  # the plainest name: "Foreign Ministry"
                if best is None or length < best[0]:
                    best = (length, actor.id)
        return best[1] if best else None

    def _speaker_noun(self, token: Token) -> bool:
        """Spokespeople, role and speech nouns: the words around an institution's name."""
        cues = self.cues
        return any(
            w in cues.spokespeople or w in cues.speech_nouns or cues.role_words(w) is not None
            for w in (token.lower_, token.lemma_.lower())
        )
