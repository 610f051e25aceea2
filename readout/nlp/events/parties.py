"""Who took part in an event: linked actor mentions, pronouns, counterparts and groups.

A noun phrase becomes a ``Party``: a linked actor id, or a deferred reference that needs the
event's date and other participants ("his Russian counterpart", "the two leaders").
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from readout.knowledge import KnowledgeBase
from readout.nlp.events.lexicon import Lexicon
from readout.nlp.events.party import Party
from readout.nlp.events.pronouns import PLURAL_PRONOUNS, person_antecedent, plural_antecedent
from readout.nlp.events.titled import led_by, title_holder
from readout.nlp.events.triggers import REPORTING
from readout.nlp.extensions import actor_spans, sentence_of, sentence_starts

PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
# Headline verbs of saying that a name never ends in ("Lavrov Says", "Xi Tells").
REPORTING_FORMS = frozenset({"says", "tells", "urges", "warns", "vows", "calls", "holds"})
SUBJECTS = ("nsubj", "nsubjpass")
LOCATIVE = {"in", "at", "to", "from", "into"}
# Span labels of actors that can take part in an event as people.
PERSON_LABELS = {"PERSON", "TITLE"}
# Nouns for two people named before: "the pair met", "the duo held talks".
PAIR_NOUNS = {"pair", "duo"}


class Parties:
    """Actor mentions of one doc, indexed by token, and the reference rules."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, lex: Lexicon):
        self.doc, self.kb, self.lex = doc, kb, lex
        self.spans: dict[int, Span] = {}
        ranked = sorted(
            (s for s in actor_spans(doc) if s._.actor_id),
            key=lambda s: (s.label_ in PERSON_LABELS, len(s)),
        )
        for span in ranked:  # later (better) spans overwrite earlier ones
            for i in range(span.start, span.end):
                self.spans[i] = span

    # --- what kind of actor -------------------------------------------------------------

    def kind(self, actor_id: str) -> str:
        actor = self.kb.actors.get(actor_id)
        return actor.kind if actor else "person"  # ids outside the KB are new people

    def is_person(self, actor_id: str | None) -> bool:
        return actor_id is not None and self.kind(actor_id) == "person"

    def is_headline_fragment(self, actor_id: str) -> bool:
        """A "person" found only as title-case words ending in a verb: a headline's "Lavrov
        Arrives" or "Minister Meets" is never an actor. Known actors are never fragments."""
        if actor_id in self.kb.actors:
            return False
        spans = [s for s in dict.fromkeys(self.spans.values()) if s._.actor_id == actor_id]
        verbs = self.lex.verb_forms | REPORTING_FORMS
        # any name of it: the linker may also give the fragment's id to a later reference
        # ("the presidents"), which has no verb but does not make the fragment a name
        return any(
            any(t.lower_ in verbs and t.text[:1].isupper() for t in span[1:]) for span in spans
        )

    def country_of(self, actor_id: str) -> str | None:
        actor = self.kb.actors.get(actor_id)
        if actor is None:
            return None
        return actor.name if actor.kind == "country" else actor.country

    def actor_at(self, token: Token) -> str | None:
        span = self.spans.get(token.i)
        return span._.actor_id if span is not None else None

    def is_seat(self, token: Token) -> bool:
        """An office named after its building ("the Kremlin"), which can be a place."""
        return self.actor_at(token) in self.lex.seats

    def is_place(self, token: Token) -> bool:
        """A country or city named as a place (GPE/LOC entity or a linked country word)."""
        if token.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        actor = self.actor_at(token)
        return actor is not None and self.kind(actor) == "country" and token.pos_ == "PROPN"

    def capital_at(self, token: Token) -> str | None:
        """ "the Russian capital", "the capital of China": the city (a place for events)."""
        if token.lemma_.lower() != "capital" or token.pos_ != "NOUN":
            return None
        country = self._country_modifier(token)
        return self.kb.capital_of(country) if country else None

    # --- noun phrases to parties ----------------------------------------------------------

    def of_phrase(self, token: Token) -> list[Party]:
        """The parties named by a noun phrase and its conjuncts ("Xi and Putin")."""
        heads = [token, *token.conjuncts]
        # "US President Joe Biden and Xi Jinping": the conjunct hangs from the apposition
        heads += [c for h in heads for a in h.children if a.dep_ == "appos" for c in a.conjuncts]
        found = []
        for head in dict.fromkeys(heads):
            found += self._of_head(head)
        return found

    def _of_head(self, head: Token) -> list[Party]:
        actor = self.actor_at(head)
        if actor is not None:
            return [Party(actor, token=head.i)]
        for child in head.children:
            if child.dep_ == "appos" and self.actor_at(child):
                return [Party(self.actor_at(child), token=child.i)]
        if titled := title_holder(self, head):
            return [titled]
        if led := led_by(self, head):
            return led
        if head.lower_ in PRONOUNS:
            antecedent = self.antecedent(head)
            return [Party(antecedent, token=head.i)] if antecedent else []
        if head.lower_ in PLURAL_PRONOUNS:
            return plural_antecedent(self, head)
        if head.lemma_.lower() == "counterpart":
            country = self._country_modifier(head)
            return [Party(counterpart_of=country, token=head.i)] if country else []
        group = self._group(head) or self._described(head)
        return [group] if group else []

    def _described(self, head: Token) -> Party | None:
        """ "the Chinese diplomat", "the Russian leader": the last person of that country
        mentioned in the sentences before; "the president": the last person mentioned, if
        a president."""
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
        if head.tag_ not in ("NN", "NNP") or not definite:
            return None
        if head.lemma_.lower() not in self.lex.party_nouns:
            return None
        country = self._country_modifier(head)
        roles = self._roles_named(head.lemma_.lower()) if country is None else set()
        if country is None and not roles:
            return None
        sent_starts = [s for s in sentence_starts(self.doc) if s <= head.i][-4:]
        holders: set[str] = set()
        for i in range(head.i - 1, (sent_starts[0] if sent_starts else 0) - 1, -1):
            actor = self.actor_at(self.doc[i])
            if not self.is_person(actor):
                continue
            if country is not None and self.country_of(actor or "") == country:
                return Party(actor, token=head.i)
            if country is None and roles & self._roles_of(actor):
                holders.add(actor)
        # "the prime minister": the one prime minister the sentences before name
        return Party(holders.pop(), token=head.i) if len(holders) == 1 else None

    def _roles_of(self, actor: str) -> set[str]:
        known = self.kb.actors.get(actor)
        return {r.role for r in known.roles} if known is not None else set()

    def _roles_named(self, word: str) -> set[str]:
        """The roles whose title ends in ``word`` ("president", "minister")."""
        return {
            role
            for role, phrases in self.kb.titles.items()
            if any(phrase.split()[-1].lower() == word for phrase in phrases)
        }

    def _country_modifier(self, head: Token) -> str | None:
        """ "the Chinese diplomat", "Russia's leader", "the President of China"."""
        for child in head.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                country = self.kb.country_of_word(child.text)
                if country:
                    return country
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in (o for o in child.children if o.dep_ == "pobj"):
                    actor = self.actor_at(obj)
                    if actor is not None and self.kind(actor) == "country":
                        return self.country_of(actor)
        return None

    def _group(self, head: Token) -> Party | None:
        """ "the two leaders", "both foreign ministers" -> a deferred group of role holders;
        "the two", "both" alone -> the last two people mentioned."""
        if head.lower_ in ("two", "both") and head.dep_ in ("nsubj", "nsubjpass", "pobj"):
            return Party(group_roles=("*",), group_size=2, token=head.i)
        if head.lemma_.lower() in PAIR_NOUNS and any(c.lower_ == "the" for c in head.children):
            return Party(group_roles=("*",), group_size=2, token=head.i)  # "as the pair met"
        if head.tag_ not in ("NNS", "NNPS"):
            return None
        words = {c.lower_ for c in head.children if c.dep_ in ("nummod", "det", "predet")}
        size = 2 if words & {"two", "both"} else 3 if "three" in words else 0
        if not size:
            return None
        mods = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound")]
        phrase = " ".join([*mods, head.lemma_.lower()])
        plural = " ".join([*mods, head.lower_])
        roles = self.lex.groups.get(plural) or self.lex.groups.get(head.lower_)
        roles = roles or tuple(self.kb.roles_for_title(phrase))
        return Party(group_roles=tuple(roles), group_size=size, token=head.i) if roles else None

    def antecedent(self, pronoun: Token) -> str | None:
        return person_antecedent(self, pronoun)

    # --- deferred references --------------------------------------------------------------

    def resolve(self, parties: list[Party], on: date | None) -> list[str]:
        """Actor ids of the parties, counterparts and groups resolved on the event's date."""
        ids = [p.actor_id for p in parties if p.actor_id]
        for party in parties:
            if party.counterpart_of:
                ids += self._counterpart(party.counterpart_of, ids, on)
            elif party.group_roles:
                ids += self._group_members(party, ids, on)
        return list(dict.fromkeys(ids))

    def _counterpart(self, country: str, known: list[str], on: date | None) -> list[str]:
        """ "his Russian counterpart": Russia's holder of a role the subject holds that day."""
        for subject in known:
            if not self.is_person(subject) or self.country_of(subject) == country:
                continue
            for role in self.kb.roles_of(subject, on):
                holder = self.kb.holder(role.role, country, on)
                if holder is not None and holder.id != subject:
                    return [holder.id]
        return []

    def _group_members(self, party: Party, known: list[str], on: date | None) -> list[str]:
        """The role holders meant by a group: people mentioned earlier who hold one of the
        roles, else the holders in the countries the sentence names (not as places)."""
        wanted = party.group_size
        found: list[str] = []
        reporters = self._reporters_above(self.doc[party.token])
        for i in range(party.token - 1, -1, -1):
            actor = self.actor_at(self.doc[i])
            new = actor and actor not in known and actor not in found and i not in reporters
            if new and self._holds(actor, party, on):
                found.append(actor)
            if len(found) == wanted:
                return found
        countries = self._sentence_countries(party.token, known)
        holders = []
        for country in countries:
            for role in party.group_roles:
                holder = self.kb.holder(role, country, on)
                if holder is not None and holder.id not in known:
                    holders.append(holder.id)
                    break
        return holders if len(holders) == wanted else []

    def _reporters_above(self, token: Token) -> set[int]:
        """Tokens of whoever reports the clause of ``token``: in "the spokesman said the two
        had a call", the spokesman is not one of "the two"."""
        found: set[int] = set()
        for head in token.ancestors:
            if head.lemma_.lower() in REPORTING and not self._addresses_a_person(head):
                for subject in (c for c in head.children if c.dep_ in SUBJECTS):
                    found |= {t.i for t in subject.subtree if t.dep_ != "poss"}
                    found -= {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
        return found

    def _addresses_a_person(self, verb: Token) -> bool:
        """ "X told Y that ..., as the pair met": one who tells a named person speaks with
        them, and may be one of the pair; one who tells reporters is not."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        return any(
            self.is_person(self.actor_at(t))
            for o in objects
            for t in (o, *o.children)
            if t.dep_ != "poss"
        )

    def _holds(self, actor: str, party: Party, on: date | None) -> bool:
        if party.group_roles == ("*",):
            return self.is_person(actor)
        return any(r.role in party.group_roles for r in self.kb.roles_of(actor, on))

    def _sentence_countries(self, index: int, known: list[str]) -> list[str]:
        taken = {self.country_of(a) for a in known}
        countries: list[str] = []
        for token in sentence_of(self.doc[index]):
            actor = self.actor_at(token)
            if actor is None or self.kind(actor) != "country" or token.dep_ == "compound":
                continue
            if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE:
                continue
            name = self.kb.actors[actor].name
            if name not in taken and name not in countries:
                countries.append(name)
        return countries
