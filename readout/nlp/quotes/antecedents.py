"""Antecedents of "he", "it" and "the minister": the most salient earlier mention.

Salience is simple and works for news copy: in the speaker's own sentence only an earlier
subject ("Although Wang met Lavrov, he said ..."), before that the subjects of each preceding
sentence in text order (a pronoun subject stands for its own antecedent), then the other
mentions, nearest first. Mentions inside quotes never count: "we" and "Putin" in a quote are
not who is speaking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from readout.knowledge import fold
from readout.nlp.quotes.context import COLLECTIVE, PERSON, SUBJECT_DEPS, DocContext, Mention
from readout.nlp.quotes.cues import Cues

LOOK_BACK = 4  # sentences searched before the one holding the pronoun
# A role noun ("the Russian minister") names what its antecedent is, so it may reach further
# back than a pronoun: captions, bylines or a paragraph about the other side may stand between.
ROLE_LOOK_BACK = 16
GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f",
                    "ms.": "f", "madam": "f", "miss": "f"}  # fmt: skip


@dataclass(frozen=True)
class Candidate:
    """A possible antecedent."""

    position: int  # token index
    actor_id: str | None
    mention: Mention | None  # None for a pronoun standing for an earlier mention
    subject: bool


Accept = Callable[[Candidate], bool]


class Antecedents:
    def __init__(self, ctx: DocContext, cues: Cues, day: date | None) -> None:
        self.ctx, self.cues, self.day = ctx, cues, day
        self._memo: dict[int, str | None] = {}  # pronoun token -> actor, for chains
        self._gender: dict[str, str] = self._honorific_genders()  # actor -> "m" | "f"
        self._cursor = 0  # pronouns before this token have given their gender evidence
        # who a role-noun subject ("the Russian minister replied") stands for: set by the
        # speaker resolver, so that a later "he" can take it up
        self.role_subject: Callable[[Token], str | None] = lambda token: None

    def pronoun(self, token: Token) -> str | None:
        lower = token.lower_
        if lower in self.cues.person_pronouns:
            gender = GENDER.get(lower)
            if gender is None:
                return self.person(token, lambda c: True)
            self._learn_genders(token.i)
            return self.person(
                token, lambda c: self._gender.get(c.actor_id or "") in (None, gender)
            )
        if lower in self.cues.thing_pronouns:
            return self.collective(token)
        return None

    def person(self, token: Token, accept: Accept) -> str | None:
        return self._search(token, accept, PERSON)

    def _honorific_genders(self) -> dict[str, str]:
        """'Mr Wang' is a man, 'Ms Lindqvist' a woman."""
        found: dict[str, str] = {}
        for mention in self.ctx.mentions:
            start = mention.span.start
            for token in self.ctx.doc[max(0, start - 1) : start + 1]:
                gender = HONORIFIC_GENDER.get(token.lower_)
                if gender and mention.actor_id and mention.kind in PERSON:
                    found.setdefault(mention.actor_id, gender)
        return found

    def _learn_genders(self, upto: int) -> None:
        """Resolve the pronouns before ``upto`` in order: whoever 'he' referred to is a man."""
        doc = self.ctx.doc
        while self._cursor < upto:
            token = doc[self._cursor]
            self._cursor += 1
            gender = GENDER.get(token.lower_)
            if gender is None or token.lower_ not in self.cues.person_pronouns:
                continue
            if token.i in self.ctx.quoted or token.dep_ not in SUBJECT_DEPS:
                continue
            actor = self.pronoun(token)
            if actor is not None:
                self._gender.setdefault(actor, gender)

    def collective(self, token: Token) -> str | None:
        """'it', 'a spokesperson': the country or organisation in focus."""
        return self._search(token, lambda c: c.actor_id is not None, COLLECTIVE)

    def named_with(self, token: Token) -> str | None:
        """'the ministry', 'the agency': the organisation named before whose name holds the
        noun ("the Russian Foreign Ministry said ... the ministry said")."""
        word = fold(token.lemma_ or token.text)

        def accept(candidate: Candidate) -> bool:
            mention = candidate.mention
            if mention is None or mention.kind == "country" or candidate.actor_id is None:
                return False
            return word in fold(mention.span.text).split()

        return self._search(token, accept, COLLECTIVE)

    def role(self, token: Token, words: tuple[str, ...], country: str | None) -> str | None:
        """A person whose role (by date) or description contains one of ``words``."""
        return self._search(token, self._role_filter(words, country), PERSON, ROLE_LOOK_BACK)

    def _search(
        self, token: Token, accept: Accept, kinds: set[str], look_back: int = LOOK_BACK
    ) -> str | None:
        plain = kinds == PERSON and token.lower_ in self.cues.person_pronouns
        if plain and token.i in self._memo:
            return self._memo[token.i]
        if plain and (reporter := self._reporter(token)) is not None:
            self._memo[token.i] = reporter
            return reporter
        sent_no = self.ctx.sent_index[token.i]
        found = None
        for n in range(sent_no, max(-1, sent_no - look_back - 1), -1):
            candidates = self._candidates(n, token.i if n == sent_no else None, kinds)
            if n == sent_no:  # in its own sentence only a subject can be the antecedent
                candidates = [c for c in candidates if c.subject]
            found = next((c for c in candidates if accept(c)), None)
            if found is not None:
                break
        actor = found.actor_id if found is not None else None
        if plain:
            self._memo[token.i] = actor
        return actor

    def _reporter(self, token: Token) -> str | None:
        """ "X, who wrote that he had thanked Y", "X said he would ...": the subject of a
        clause reported by a person is that person."""
        if token.dep_ not in SUBJECT_DEPS or token.head.dep_ != "ccomp":
            return None
        verb = token.head.head
        if not self.cues.is_speech_verb(verb):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subject = verb.head
        mention = self.ctx.mention_at(subject, PERSON) if subject is not None else None
        return mention.actor_id if mention is not None else None

    def _candidates(self, sent_no: int, before: int | None, kinds: set[str]) -> list[Candidate]:
        ctx = self.ctx
        found = [
            Candidate(m.span.start, m.actor_id, m, ctx.is_subject(m.span.root))
            for m in ctx.mentions_before(sent_no, before, kinds)
        ]
        if kinds == PERSON:
            for token in ctx.sents[sent_no]:
                if before is not None and token.i >= before:
                    break
                if token.i in ctx.quoted or token.dep_ not in SUBJECT_DEPS:
                    continue
                if token.lower_ in self.cues.person_pronouns:
                    found.append(Candidate(token.i, self.pronoun(token), None, True))
                elif token.pos_ == "NOUN" and token.i not in ctx.by_token:
                    actor = self.role_subject(token)
                    if actor is not None:
                        found.append(Candidate(token.i, actor, None, True))
        # the main clause's subject first ("Costa and Ruiz may meet in May, Silva said":
        # Silva), then subjects of embedded clauses, each in text order
        depth = {c.position: _depth(ctx.doc[c.position]) for c in found if c.subject}
        subjects = sorted(
            (c for c in found if c.subject), key=lambda c: (depth[c.position], c.position)
        )
        others = sorted((c for c in found if not c.subject), key=lambda c: -c.position)
        return subjects + others

    def _role_filter(self, words: tuple[str, ...], country: str | None) -> Accept:
        kb = self.ctx.kb

        def accept(candidate: Candidate) -> bool:
            actor = kb.actors.get(candidate.actor_id or "")
            if country and actor is not None and actor.country != country:
                return False
            described = ""
            if candidate.mention is not None:
                described = " ".join(sorted(self.ctx.descriptors(candidate.mention)))
            roles = kb.roles_of(candidate.actor_id or "", self.day)
            labels = [r.role for r in roles] + [kb.role_labels.get(r.role, "") for r in roles]
            haystack = " ".join([described, *[fold(x) for x in labels]])
            return any(w.lower() in haystack for w in words)

        return accept


def _depth(token: Token) -> int:
    """How many clauses down the subject ``token`` sits: verbs among its ancestors."""
    return sum(1 for head in token.ancestors if head.pos_ in {"VERB", "AUX"})
