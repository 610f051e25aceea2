"""What an event frame is, and the reading of its parties shared by every kind of frame:
noun phrases to parties, partners after "with/between", objects, agents, subjects, and
whether the parties are enough for an event. ``readout.nlp.events.frames`` builds the frames.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from readout.nlp.events.lexicon import Lexicon
from readout.nlp.events.parties import Parties, Party
from readout.nlp.events.places import place_text, prep_place
from readout.nlp.events.triggers import REPORTING, Trigger, verb_subject

PARTNER_PREPS = ("with", "between", "from", "and")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# a noun event these introduce is a time reference ("before the talks"), not dated here
SEPARATE = {"separate", "individual", "one-on-one", "bilateral"}
TIME_REFERENCE = {"before", "after", "since", "following", "ahead"}


@dataclass
class Frame:
    trigger: Trigger
    type: str
    parties: list[Party]
    place: str | None
    anchors: list[Token] = field(default_factory=list)  # tokens whose dates are this event's
    gov: Token | None = None  # the verb a noun event hangs from
    gov_preps: tuple[str, ...] = ()
    needs_date: bool = False  # a stay ("will be in Russia") is only a visit with its dates
    hosts: list[Party] = field(default_factory=list)  # people a visit was to: also a meeting
    guests: list[Party] = field(default_factory=list)  # people welcomed to a place: a visit
    purpose: str | None = None  # the contact with the hosts: "travelled for talks with X"
    # a summit told with no participant ("the group will hold a summit in Kazan on 22-24
    # October"): not an event of its own, but the dates and venue of one reported before
    refers_back: bool = False


def _objects_of_prep(child: Token) -> list[Token]:
    """A preposition's object; "with visiting Prime Minister X" parses "visiting" as a verb
    with X as its object, and X is still the partner."""
    if child.dep_ == "pobj":
        return [child]
    if child.dep_ == "pcomp" and child.lower_ in ("visiting", "touring"):
        return [c for c in child.children if c.dep_ == "dobj"]
    return []


class FrameParties:
    """The party-reading helpers of ``FrameBuilder``."""

    def __init__(self, parties: Parties, lex: Lexicon):
        self.p, self.lex = parties, lex

    # --- helpers ----------------------------------------------------------------------------

    def _phrases(self, heads: list[Token]) -> list[Party]:
        return [party for head in heads for party in self.p.of_phrase(head)]

    def _licensed(self, heads: list[Token]) -> list[Party]:
        """Unlinked party nouns of a country ("Russian leaders", "US officials") stand in as
        partners that stay unnamed; "business leaders" or "troops" do not."""
        return [
            Party(token=h.i)
            for h in heads
            if h.lemma_.lower() in self.lex.party_nouns and self._country_modified(h)
        ]

    def _country_modified(self, head: Token) -> bool:
        """ "Russian officials", "the US delegation", "Biden's national security adviser"."""
        return any(
            (c.dep_ in ("amod", "compound", "poss", "nmod") and self.p.kb.country_of_word(c.text))
            or (c.dep_ == "poss" and self.p.actor_at(c))
            for c in head.children
        )

    def _partners(self, token: Token, preps: tuple[str, ...] = PARTNER_PREPS) -> list[Party]:
        heads = [
            obj
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in preps
            for child in prep.children
            for obj in _objects_of_prep(child)
        ]
        found = self._phrases(heads)
        return found or self._licensed(heads)

    def partners(self, noun: Token) -> list[Party]:
        """Who a folded noun adds: "travelled for talks with Lavrov" adds Lavrov."""
        return self._partners(noun)

    def venue(self, noun: Token) -> str | None:
        """Where a folded noun was: "met on the sidelines of the summit in Kazan"."""
        place = prep_place(self.p, noun)
        mods = (c for c in noun.children if c.dep_ in ("compound", "nmod"))
        return place or next((place_text(self.p, m) for m in mods if self.p.is_place(m)), None)

    def _objects(self, verb: Token) -> list[Party]:
        heads = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        return self._phrases(heads) or self._licensed(heads)

    def _agents(self, verb: Token) -> list[Party]:
        """The doer of a passive: "was received by Galuzin", "was welcomed by Xi"."""
        agents = [c for c in verb.children if c.dep_ == "agent"]
        heads = [o for a in agents for o in a.children if o.dep_ == "pobj"]
        return self._phrases(heads) or self._licensed(heads)

    def _people(self, parties: list[Party]) -> list[Party]:
        return [p for p in parties if self.p.is_person(p.actor_id) or not p.actor_id]

    def _subject_parties(self, verb: Token) -> list[Party]:
        """The subject, climbing to the next clause when it is not a person: in "Ruiz said
        Spain is ready ..., during a meeting" the meeting is Ruiz's."""
        for _ in range(3):
            subjects = verb_subject(verb)
            parties = self._phrases(subjects)
            reported = verb.dep_ == "ccomp" or (not subjects and verb.dep_ in ("conj", "advcl"))
            if self._people(parties) or not reported:
                return parties
            if any(s.lemma_.lower() in self.lex.party_nouns for s in subjects):
                return parties  # "X said the envoy had explained ... during the trip": the
                # envoy's trip, though the envoy is not named here; never the speaker's
            verb = verb.head
        return []

    def _is_side(self, party: Party) -> bool:
        """A person, or a reference to people ("his counterpart", "the two leaders")."""
        return self.p.is_person(party.actor_id) or bool(party.counterpart_of or party.group_roles)

    def _at_home(self, visitors: list[Party], place: str | None) -> bool:
        """ "Xi arrived back in Beijing" is a trip home, not a visit."""
        country = self.p.kb.country_of_word(place) if place else None
        people = [p.actor_id for p in visitors if self.p.is_person(p.actor_id)]
        return bool(country and people) and all(self.p.country_of(a) == country for a in people)

    def _enough(self, parties: list[Party], kind: str) -> bool:
        """Visits and summits need a person; contacts need two sides, one of them a person
        or a group ("the two leaders"), or two named countries/organisations."""
        size = sum(p.group_size or 1 for p in parties)
        people = self._people(parties)
        named = [p for p in parties if p.actor_id or p.counterpart_of or p.group_roles]
        if kind in ("visit", "summit"):
            return any(self.p.is_person(p.actor_id) for p in people)
        if kind == "statement":  # by a person, or by a side whose people are found later
            return bool(named)
        if not named:
            return False
        return size >= 2 and (bool(people) or len(named) >= 2)

    # --- occasions ------------------------------------------------------------------------

    def _topic_object(self, verb: Token) -> Token | None:
        """The object of a verb that is a contact only with it ("exchanged views")."""
        objects = self.lex.verb_objects.get(verb.lemma_.lower())
        if not objects:
            return None
        return next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in objects), None
        )

    def _occasion(self, noun: Token) -> bool:
        """ "bilateral consultations", "a ministerial meeting", "Russian-Chinese talks": a
        meeting with other sides, named or not."""
        # every word before the noun in its phrase: "Russian-Chinese" parses as a chain
        mods = [t for c in noun.lefts if c.dep_ != "det" for t in c.subtree]
        if any(m.lower_ in self.lex.occasion_words for m in mods):
            return True
        countries = {self.p.kb.country_of_word(m.text) for m in mods} - {None}
        return len(countries) >= 2

    def _attended_alone(self, frame: Frame) -> bool:
        """A person who spoke "at bilateral consultations" or "during a ministerial meeting"
        took part in it, though no other side is named (the event has one participant)."""
        noun = frame.trigger.token
        if frame.type not in ("meeting", "talks") or frame.gov_preps[:1] not in (
            ("at",),
            ("during",),
        ):
            return False
        people = [p for p in frame.parties if self.p.is_person(p.actor_id)]
        return bool(people) and self._occasion(noun)

    # --- nouns that sum up or name a topic ---------------------------------------------

    def _several_contacts(self, noun: Token, own: list[Party]) -> bool:
        """ "his visits with A, B and C", "her meetings with A and B": the plural of a
        countable event noun with three or more people sums up several contacts, one event
        each, none of them told here."""
        if noun.tag_ != "NNS" or noun.lower_ in self.lex.nouns:
            return False  # "talks", "consultations" are plural-only names of one event
        if any(c.dep_ == "amod" and c.lower_ in SEPARATE for c in noun.children):
            return False  # "held separate meetings with A, B and C": one each (per_contact)
        return len({p.actor_id for p in own if self.p.is_person(p.actor_id)}) >= 3

    def _topic_of_verb(self, noun: Token) -> bool:
        """The noun is the object of a verb that does not hold it ("undermine", "criticise",
        "discuss") and only a possessive pronoun says whose it is: with no partner and no
        place, it is what the verb is about."""
        if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
            return False
        mods = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
        if not any(c.dep_ == "poss" for c in mods) or any(self.p.actor_at(m) for m in mods):
            return False  # only "his summit": "the Zelensky-Xi call" names its parties
        lemma = noun.head.lemma_.lower()
        holds = self.lex.light_verbs | self.lex.hosting_verbs | self.lex.contact_verbs
        return lemma not in holds and lemma not in REPORTING and lemma not in self.lex.verbs

    def _held_by_two(self, gov: Token | None, preps: tuple[str, ...]) -> bool:
        """ "X and Y held consultations": the sides are named as the light verb's subject."""
        if gov is None or preps or gov.lemma_.lower() not in self.lex.light_verbs:
            return False
        return len(self._people(self._subject_parties(gov))) >= 2

    def _possessed(self, noun: Token, kind: str) -> bool:
        """ "Xi's visit", "Putin's call with Trump": a possessor names the event's own party;
        the subject of the clause does not join ("Xi spoke to Putin a day after Putin's call
        with Trump"). A possessive pronoun ("his talks with Xi") is the subject's."""
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if kind == "visit":
            return bool(owners)
        return any(c.pos_ != "PRON" and self._people(self.p.of_phrase(c)) for c in owners)
