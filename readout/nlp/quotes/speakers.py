"""Who is speaking: the subject of a reporting verb resolved to an actor.

Named people, countries, capitals and resolved titles come from the actor linker. Pronouns
("he") and role nouns ("the minister") look back for a salient person (``quote_antecedents``);
a role noun only accepts a person whose role or description fits it. Unnamed spokespeople and
statements ("a Chinese Foreign Ministry spokesperson", "a Kremlin statement") speak for their
institution (``quote_institutions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from readout.knowledge import slugify
from readout.nlp.quotes.antecedents import Antecedents
from readout.nlp.quotes.context import (
    COLLECTIVE,
    PERSON,
    DocContext,
    Mention,
    definite,
    indefinite,
    np_text,
    np_tokens,
)
from readout.nlp.quotes.cues import Cues
from readout.nlp.quotes.institutions import Institutions
from readout.nlp.quotes.new_people import add_new_person, described_name

SUBJECT_HOPS = 4  # "said ..., adding that" -> "said" -> its subject
SOURCE_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}


@dataclass(frozen=True)
class Speaker:
    text: str  # surface text of the speaker mention
    actor_id: str | None
    token: int  # index of the head token of the mention


class SpeakerResolver:
    def __init__(self, ctx: DocContext, cues: Cues, day: date | None) -> None:
        self.ctx, self.cues, self.day, self.kb = ctx, cues, day, ctx.kb
        self.antecedents = Antecedents(ctx, cues, day)
        self.institutions = Institutions(ctx, cues)
        self._role_subjects: dict[int, str | None] = {}
        self.antecedents.role_subject = self._role_subject

    # --- from a verb to its speaker, addressee and source ------------------------------------

    def speaker_of(self, verb: Token) -> Speaker | None:
        subject = self._quoted_source(verb) or self.subject_of(verb)
        if subject is None or not self.ctx.same_paragraph(subject, verb):
            return None  # a misparse joining a headline to the paragraph under it
        return self.resolve(subject)

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of ``verb``, inherited from the governing verb for participles and
        coordinated verbs ("... and says", "..., adding that")."""
        token = self._lifted_conjunct(verb)
        for _ in range(SUBJECT_HOPS):
            # a passive subject is spoken to or about ("Wang was told", "is said to"), never
            # the speaker; the agent is ("was criticised by NATO officials")
            for dep in ("nsubj", "agent"):
                child = self._subject_child(token, dep)
                if child is None:
                    continue
                if child.lower_ in {"who", "which", "that"}:  # "leaders who say ..."
                    return token.head if token.dep_ == "relcl" else None
                if child.dep_ != "expl":
                    return child
            if token.dep_ == "acl":  # "an official ... called it 'X'" parsed as a fragment
                return token.head
            if token.dep_ not in {"conj", "advcl", "xcomp", "pcomp"} or token.head == token:
                return None
            adjunct = _comma_participle(token)
            token = token.head if token.dep_ != "pcomp" else token.head.head
            token = self._outside_quotes(token)
            if adjunct:
                token = _main_clause(token)
        return None

    def _outside_quotes(self, token: Token) -> Token:
        """'Michel wrote that "no talks can happen without Kyiv" and rejected ...': the parser
        hangs "rejected" on the quoted verb; the words in marks are not the sentence's own, so
        the verb that governs the quote is the one whose subject counts."""
        while token.i in self.ctx.quoted and token.head != token:
            token = token.head
        return token

    def _lifted_conjunct(self, verb: Token) -> Token:
        """A speech verb the parser coordinated inside the reported clause belongs to the
        reporting verb above it: in "X said the talks had gone well and warned Y", "warned"
        hangs on "gone", but X warned, not the talks."""
        head = verb.head
        if verb.dep_ != "conj" or head.dep_ != "ccomp" or not self.cues.is_speech_verb(verb):
            return verb
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return verb
        if self.cues.is_speech_verb(head) or not self.cues.is_speech_verb(head.head):
            return verb
        return head.head

    def _subject_child(self, verb: Token, dep: str) -> Token | None:
        """The child of ``verb`` with ``dep``; of two subjects the parser split apart
        ("China's top diplomat | Wang Yi told"), the one naming a person."""
        children = [c for c in verb.children if c.dep_ == dep and c.i not in self.ctx.quoted]
        if dep == "agent":
            children = [g for c in children for g in c.children if g.dep_ == "pobj"]
        named = [c for c in children if self.ctx.mention_at(c, PERSON)]
        return (named or children or [None])[0]

    def _quoted_source(self, verb: Token) -> Token | None:
        """The person whose words are passed on: "quoted Ryabkov as saying" (the object of
        the quoting verb above) or "reported, citing Wang" (the object of one below)."""
        quoting = self.cues.quoting_verbs
        above = verb.head.head if verb.head.lower_ == "as" else verb.head
        candidates = [above] if above.lemma_.lower() in quoting and above != verb else []
        candidates += [c for c in verb.children if c.lemma_.lower() in quoting]
        for quoter in candidates:
            objects = ("dobj", "nsubjpass")  # "quoted Wang as saying", "Wang was quoted as"
            obj = next((c for c in quoter.children if c.dep_ in objects), None)
            if obj is not None and self.ctx.mention_at(obj, PERSON | COLLECTIVE):
                return obj
        return None

    def addressee_of(self, verb: Token, speaker_id: str | None = None) -> str | None:
        """The actor spoken to: the object of 'told', 'urged', 'assured'. Only an actor the
        object names ("told Lavrov", "told him"), not one modifying it ("Russian media"),
        or the speaker's counterpart ("told his Russian counterpart")."""
        if not self.cues.takes_addressee(verb):
            return None
        for child in verb.children:
            if child.dep_ not in {"dobj", "dative", "iobj"}:
                continue
            if child.lower_ in self.cues.person_pronouns:
                return self.antecedents.pronoun(child)
            tokens = np_tokens(child, self.ctx.quoted)
            if child.lower_ in self.cues.counterparts:
                return self._counterpart(tokens, speaker_id)
            mention = self._named_person(child, tokens) or self.ctx.mention_at(
                child, PERSON | COLLECTIVE
            )
            if mention is not None and mention.actor_id:
                return mention.actor_id
        return None

    def _counterpart(self, tokens: list[Token], speaker_id: str | None) -> str | None:
        """The holder of the speaker's role in the country named ("his Russian counterpart")."""
        country = self._country(tokens)
        if country is None or speaker_id is None:
            return None
        for role in self.kb.roles_of(speaker_id, self.day):
            holder = self.kb.holder(role.role, country, self.day)
            if holder is not None and holder.id != speaker_id:
                return holder.id
        return None

    def source_of(self, head: Token) -> Speaker | None:
        """The object of "according to": an actor, a named entity, or a speech or
        spokesperson noun ("according to sources"), not "according to the plan"."""
        found = self.resolve(head)
        lemma = head.lemma_.lower()
        sourcey = lemma in self.cues.speech_nouns or lemma in self.cues.spokespeople
        if found.actor_id or sourcey or head.ent_type_ in SOURCE_ENTITIES:
            return found
        return None

    # --- from a noun phrase to an actor ---------------------------------------------------

    def resolve(self, head: Token) -> Speaker:
        tokens = np_tokens(head, self.ctx.quoted)
        text = np_text(tokens, head) or head.text
        return Speaker(text, self._actor_for(head, tokens), head.i)

    def _actor_for(self, head: Token, tokens: list[Token]) -> str | None:
        lower, lemma = head.lower_, head.lemma_.lower()
        if head.pos_ == "PRON" or lower in self.cues.person_pronouns:
            return self.antecedents.pronoun(head)
        named = self._named_person(head, tokens)
        if named is not None and named.actor_id:
            return named.actor_id
        untagged = described_name(head, set(self.ctx.by_token), self.ctx.quoted)
        if untagged is not None:
            known = slugify(untagged)
            return known if known in self.kb.actors else add_new_person(self.ctx.doc, untagged)
        if lemma in self.cues.speech_nouns or lower in self.cues.speech_nouns:
            owner = self.institutions.owner(tokens, head)
            return owner or (self._earlier_statement(head) if definite(head) else None)
        role = self._role_phrase(head, tokens)
        spokes = lower in self.cues.spokespeople or lemma in self.cues.spokespeople
        if role is None and not spokes:
            found = self.institutions.collective(tokens, head)
            if found is None and definite(head) and head.pos_ == "NOUN":
                return self.antecedents.named_with(head)  # "the ministry"
            return found
        if definite(head):
            found = self._same_noun(head) or self._role_antecedent(head, tokens, role)
            if found is not None:
                return found
        institution = self.institutions.of_phrase(tokens)
        if institution is None and head.tag_ == "NN":  # "a spokesperson": the one in focus
            return self.antecedents.collective(head)
        return institution

    def _role_subject(self, head: Token) -> str | None:
        """The person a definite role noun stands for ("the Russian minister" after "Sergei
        Lavrov"), or None; once per token, as pronouns after it ask again."""
        if head.i not in self._role_subjects:
            self._role_subjects[head.i] = None  # a chain back to itself finds nobody
            tokens = np_tokens(head, self.ctx.quoted)
            role = self._role_phrase(head, tokens)
            found = None
            if role is not None and definite(head):
                found = self._same_noun(head) or self._role_antecedent(head, tokens, role)
            self._role_subjects[head.i] = found
        return self._role_subjects[head.i]

    def _named_person(self, head: Token, tokens: list[Token]) -> Mention | None:
        """A person named in the phrase: the head itself, or a name in apposition/compound.
        A title after "a" ("a Foreign Ministry spokesperson") is one of several people."""
        mention = self.ctx.mention_at(head, PERSON)
        if mention is not None and not (mention.span.label_ == "TITLE" and indefinite(head)):
            return mention
        for token in tokens:
            if token.dep_ in {"appos", "compound", "flat"} or token.head.dep_ == "appos":
                mention = self.ctx.mention_at(token, PERSON)
                if mention is not None and mention.span.label_ != "TITLE":
                    return mention
        return None

    def _role_phrase(self, head: Token, tokens: list[Token]) -> str | None:
        """The role noun of the phrase ("foreign minister", "minister", "head of state")."""
        before = [t.lower_ for t in tokens if t.i < head.i]
        after = " ".join(t.lower_ for t in tokens if t.i >= head.i)  # "head of state"
        for phrase in (after, " ".join([*before[-1:], head.lower_]), head.lower_):
            if self.cues.role_words(phrase) is not None:
                return phrase
        return None

    def _same_noun(self, head: Token) -> str | None:
        """'the official' after 'a senior EU official': the earlier phrase's speaker."""
        ctx = self.ctx
        first = ctx.sents[max(0, ctx.sent_index[head.i] - 4)].start
        for i in range(head.i - 1, first - 1, -1):
            token = ctx.doc[i]
            if token.lemma_ != head.lemma_ or token.i in ctx.quoted or definite(token):
                continue
            if token.tag_ != head.tag_:
                continue  # "the minister" does not take up "defence ministers": one is not two
            if ctx.is_subject(token):
                return self._actor_for(token, np_tokens(token, ctx.quoted))
        return None

    def _earlier_statement(self, head: Token) -> str | None:
        """'according to the statement' after 'the ministry said in a statement': whoever
        issued the statement mentioned before."""
        ctx = self.ctx
        first = ctx.sents[max(0, ctx.sent_index[head.i] - 3)].start
        for i in range(head.i - 1, first - 1, -1):
            token = ctx.doc[i]
            if token.lemma_ != head.lemma_ or token.i in ctx.quoted:
                continue
            owner = self.institutions.owner(np_tokens(token, ctx.quoted), token)
            verb = token.head.head if token.head.dep_ == "prep" else token.head
            if owner is None and self.cues.is_speech_verb(verb):  # "said in a statement"
                speaker = self.speaker_of(verb)
                owner = speaker.actor_id if speaker is not None else None
            if owner is not None:
                return owner
        return None

    def _role_antecedent(self, head: Token, tokens: list[Token], role: str | None):
        """A person named before whose role fits: 'the minister' after 'Sergei Lavrov'."""
        words = self.cues.role_words(role) if role is not None else None
        if not words:  # "the official": any person would be a guess
            return None
        return self.antecedents.role(head, words, self._country(tokens))

    def _country(self, tokens: list[Token]) -> str | None:
        """The country named in a phrase ("the Chinese diplomat" -> "China")."""
        for mention in self.ctx.mentions_in(tokens):
            if mention.kind == "country" and mention.actor_id in self.kb.actors:
                return self.kb.actors[mention.actor_id].name
        return None


def _comma_participle(verb: Token) -> bool:
    """'..., telling reporters that ...': a participle set off by a comma, with no subject
    of its own."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return False
    return verb.doc[verb.i - 1].text == "," and verb.i > verb.head.i


def _main_clause(verb: Token) -> Token:
    """A comma-set participle that the parser hung on the last verb of a reported clause
    ("X did not exclude that Y might come, telling reporters ...") describes the
    one reporting it, not the clause's own subject: climb out of complement clauses that
    follow their verb. A reported clause before its verb ("X hoped ..., saying ..., the
    ministry added") is the content passed on, and its subject said it."""
    while verb.dep_ == "ccomp" and verb.head.i < verb.i:
        verb = verb.head
    return verb
