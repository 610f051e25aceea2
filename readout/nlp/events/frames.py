"""One event frame per trigger: who took part, where, and which tokens carry its date.

The place names themselves are read from the parse by ``readout.nlp.events.places``.
"""

from __future__ import annotations

from spacy.tokens import Token

from readout.nlp.events.frame_base import (
    PARTNER_PREPS,
    SUBJECT_DEPS,
    TIME_REFERENCE,
    Frame,
    FrameParties,
)
from readout.nlp.events.hedges import is_hedged
from readout.nlp.events.parties import Party
from readout.nlp.events.places import (
    PLACE_PREPS,
    carried_place,
    named_destination,
    place_text,
    place_within,
    prep_place,
    relative_place,
)
from readout.nlp.events.triggers import (
    REPORTING,
    Trigger,
    governor,
    phone_marked,
    verb_subject,
)


class FrameBuilder(FrameParties):
    def build(self, trigger: Trigger) -> Frame | None:
        make = {
            "verb": self._verb,
            "noun": self._noun,
            "host": self._host,
            "contact": self._contact,
            "stay": self._stay,
        }[trigger.role]
        return make(trigger)

    # --- roles ------------------------------------------------------------------------------

    def _verb(self, trigger: Trigger) -> Frame | None:
        verb, kind = trigger.token, trigger.type
        subjects = self._subject_parties(verb)
        place = prep_place(self.p, verb)
        if verb.dep_ == "conj" and verb.head.lemma_ == "be":  # "is in Moscow and met"
            place = place or prep_place(self.p, verb.head)
        place = place or carried_place(self.p, verb) or relative_place(self.p, verb)
        if kind == "visit":
            dest = next((c for c in verb.children if c.dep_ == "dobj"), None)
            place = (
                prep_place(self.p, verb, trigger.preps)
                or named_destination(self.p, verb, trigger.preps)
                or (place_within(self.p, dest, 0) if dest is not None else None)
                or carried_place(self.p, verb, trigger.preps)
                or prep_place(self.p, verb, ("in",))  # "visit the UN in New York"
                or relative_place(self.p, verb)  # "Oslo, where the envoy arrived on Friday"
            )
            # "visited Zelensky in Kyiv": the visit is the visitor's, the host is met
            hosts = [h for h in self._objects(verb) if self._is_side(h)]
            place = place or (carried_place(self.p, verb) if hosts else None)
            parties = subjects + self._partners(verb, ("with",))
            ok = (place is not None or bool(hosts)) and not self._at_home(subjects, place)
            frame = Frame(trigger, kind, parties, place, [verb], hosts=hosts)
            return frame if ok else None
        partners = self._objects(verb) + self._partners(verb, (*PARTNER_PREPS, *trigger.preps))
        topic = self._topic_object(verb)  # "exchanged views with X on Y by phone"
        if topic is not None:
            partners += self._partners(topic, ("with",))
            place = prep_place(self.p, verb) or carried_place(self.p, verb, ("in", "at"))
        agents = self._agents(verb) if kind == "meeting" else []
        if agents and not subjects and verb_subject(verb):
            return None  # "X was met by A and B", X unknown: A and B did not meet each other
        partners += agents
        # "Putin and Xi spoke by phone", "Wang and Lavrov discussed Ukraine": both sides
        # are the subject
        pair = sum(p.group_size or 1 for p in subjects if self._is_side(p)) >= 2
        by_phone = phone_marked(verb, self.lex) or (
            topic is not None and phone_marked(topic, self.lex)
        )
        if kind == "call":
            kind = "meeting" if place and not by_phone else "call"
            if not (pair or any(self.p.is_person(p.actor_id) for p in partners)):
                return None
        elif kind in ("talks", "meeting") and by_phone:
            kind = "call"  # "talked by phone", "met by video link"
        with_partner = self._partners(verb, ("with",)) or (topic and partners)
        if kind in ("talks", "call") and trigger.type == "talks" and not (pair or with_partner):
            return None
        parties = subjects + partners
        return Frame(trigger, kind, parties, place, [verb]) if self._enough(parties, kind) else None

    def _host(self, trigger: Trigger) -> Frame | None:
        """ "China hosted Shoigu": a visit by Shoigu to China; "Putin hosted Xi": a meeting."""
        verb = trigger.token
        guests, hosts = self._objects(verb), verb_subject(verb)
        host_parties = self._phrases(hosts)
        if any(c.dep_ == "agent" for c in verb.children):  # "was welcomed by Xi"
            guests, host_parties = host_parties, self._agents(verb)
            hosts = []
        if not any(self.p.is_person(p.actor_id) for p in guests):
            return None
        if hosts and self.p.is_place(hosts[0]):
            return Frame(trigger, "visit", guests, place_text(self.p, hosts[0]), [verb])
        parties = host_parties + guests
        if not self._enough(parties, "meeting"):
            return None
        # "welcomed Li to the Kremlin": the guests came there, a visit besides the meeting
        arrived = named_destination(self.p, verb, ("to",))
        place = prep_place(self.p, verb) or arrived or carried_place(self.p, verb)
        frame = Frame(trigger, "meeting", parties, place, [verb])
        frame.guests = guests if arrived else []
        return frame

    def _contact(self, trigger: Trigger) -> Frame | None:
        """ "In Beijing on Thursday, X urged Y ...": two people of different countries in one
        place; without a place it may be a call or an interview, so no event."""
        verb = trigger.token
        place = prep_place(self.p, verb, ("in",))
        speakers = [p for p in self._phrases(verb_subject(verb)) if self.p.is_person(p.actor_id)]
        heard = [p for p in self._objects(verb) if self.p.is_person(p.actor_id)]
        if speakers and heard and not place and phone_marked(verb, self.lex):
            return Frame(trigger, "call", speakers + heard, None, [verb])  # "told B by phone"
        if speakers and not place and self._in_call(verb):
            # "A tells B ... in phone call": B may be hidden in a headline's misparse
            heard = heard or self._people_below(verb)
            if heard:
                return Frame(trigger, "call", speakers + heard, None, [verb])
        if not (place and speakers and heard):
            return None
        countries = {self.p.country_of(p.actor_id) for p in speakers + heard}
        if len(countries) < 2:
            return None
        return Frame(trigger, "meeting", speakers + heard, place, [verb])

    def _in_call(self, verb: Token) -> bool:
        """ "tells B ... in phone call", "during a video call": said in a call (the parse of a
        headline may hang the call anywhere in the verb's clause)."""
        for obj in verb.subtree:
            call = self.lex.noun_type(obj.lemma_.lower(), None) == "call"
            in_prep = obj.dep_ == "pobj" and obj.head.lower_ in ("in", "during", "on", "over")
            if call and in_prep and phone_marked(obj, self.lex):
                return True
        return False

    def _people_below(self, verb: Token) -> list[Party]:
        """People named inside the verb's objects: "tells Putin Beijing ..." misparsed."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        found = {self.p.actor_at(t): t.i for o in objects for t in o.subtree}
        return [Party(a, token=i) for a, i in found.items() if self.p.is_person(a)]

    def _stay(self, trigger: Trigger) -> Frame | None:
        """ "Wang will be in Russia until Thursday": a visit, if it has dates of its own."""
        verb = trigger.token
        place = prep_place(self.p, verb, ("in",))
        people = [p for p in self._phrases(verb_subject(verb)) if self.p.is_person(p.actor_id)]
        if not (place and people) or self._at_home(people, place):
            return None
        return Frame(trigger, "visit", people, place, [verb], needs_date=True)

    def _noun(self, trigger: Trigger) -> Frame | None:
        noun, kind = trigger.token, trigger.type
        own = self._partners(noun, (*PARTNER_PREPS, "by"))
        gov, preps = governor(noun, self.lex.event_parts)
        if gov is not None and self.lex.is_topic(gov.lemma_.lower(), preps):
            gov, preps = None, ()  # "told Y about his talks with Z": only the noun's own parties
        if not own and gov is not None and not preps and gov.lemma_.lower() in self.lex.light_verbs:
            own = self._partners(gov, ("with",))  # "held talks in Moscow on Friday with X"
        explicit, two_owners = bool(own), False
        place = prep_place(self.p, noun, (*PLACE_PREPS, "to") if kind == "visit" else PLACE_PREPS)
        for child in noun.children:
            if child.dep_ == "poss":
                owners = self.p.of_phrase(child)
                own += owners
                # "their video call", "Xi and Putin's talks": both sides named
                two_owners = two_owners or len({p.actor_id for p in self._people(owners)}) >= 2
            elif child.dep_ in ("compound", "nmod", "amod"):
                if self.p.is_place(child) and place is None and not self._is_pair(noun):
                    place = place_text(self.p, child)  # "the Samarkand meeting", "Moscow talks"
                elif self.p.is_person(self.p.actor_at(child)) or self._is_pair(noun):
                    own += self.p.of_phrase(child)
                    # "the Zelensky-Xi call": the first name hangs from the second
                    own += [
                        party
                        for g in child.children
                        if g.dep_ in ("compound", "nmod") and self.p.actor_at(g)
                        for party in self.p.of_phrase(g)
                    ]
        place = place or carried_place(self.p, noun)
        if kind == "summit":  # "the summit, hosted by Xi in Tianjin": the host attends
            for host in (c for c in noun.children if c.dep_ == "acl"):
                if host.lemma_.lower() in self.lex.hosting_verbs:
                    own += self._agents(host)
                    place = place or prep_place(self.p, host)
        if kind == "call" and not (phone_marked(noun, self.lex) or explicit):
            return None
        aimed = any(
            c.dep_ == "prep" and c.lower_ in ("for", "to") and not _lasting(c)
            for c in noun.children
        )
        if aimed and kind in ("call", "talks") and not explicit:
            return None  # "the call for a ceasefire", "talks to end the war"
        explicit = explicit or two_owners or self._occasion(noun) or self._held_by_two(gov, preps)
        if noun.lower_ in self.lex.explicit_party_nouns and not explicit:
            return None
        if self._several_contacts(noun, own):
            return None
        if not explicit and place is None and self._topic_of_verb(noun):
            return None  # "accused China of undermining his peace summit": a topic
        return self._noun_frame(trigger, own, place, (gov, preps))

    def _is_pair(self, noun: Token) -> bool:
        """ "China-Russia talks", "Xi-Putin summit": two actors modifying the noun."""
        mods = [c for c in noun.children if c.dep_ in ("compound", "nmod")]
        mods += [g for m in mods for g in m.children if g.dep_ in ("compound", "nmod")]
        return len([m for m in mods if self.p.actor_at(m)]) >= 2

    def _noun_frame(
        self, trigger: Trigger, own: list[Party], place: str | None, governed: tuple
    ) -> Frame | None:
        noun = trigger.token
        gov, preps = governed  # governor(noun): the verb it hangs from, read once in _noun
        parties = list(own)
        # "talks between X and Y", "Xi's visit": the parties are named; no one else joins
        # (a "between" phrase naming no one, "between the heads of government of the two
        # countries", leaves the parties to the verb: "X and Y co-chaired the meeting between")
        between = any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)
        named = (between and bool(self._people(own))) or self._possessed(noun, trigger.type)
        takes_subject = gov is not None and (
            bool(preps)
            or gov.lemma_.lower() in self.lex.light_verbs
            or (trigger.type == "statement" and gov.lemma_.lower() in REPORTING)
        )  # the last: "X told a news conference", "addressed a briefing"
        passive = trigger.type == "statement" and gov is not None and _has_agent(gov)
        if takes_subject and passive:
            # "was repeated by X in his statement": X's; "a letter signed by lawmakers": no one
            parties = self._agents(gov)  # a possessive pronoun there is the agent's too
        elif takes_subject and not named and not (preps and is_hedged(gov, self.lex)):
            # (a setting is presupposed, but "did not meet Y during the summit" or "could meet
            # Y at the summit" does not say that X attended it)
            parties = self._subject_parties(gov) + parties
            if preps and gov.lemma_.lower() in self.lex.contact_verbs:
                # "X told Y during their talks": the one told took part
                parties += [o for o in self._objects(gov) if self.p.is_person(o.actor_id)]
            if gov.dep_ == "acl" and not any(c.dep_ in SUBJECT_DEPS for c in gov.children):
                parties = self._agents(gov) + parties  # "a remark made by X at a meeting"
        if noun.dep_ in ("nsubj", "nsubjpass"):  # "the meeting took place in Astana on Monday"
            gov, takes_subject = noun.head, True
        if gov is not None and place is None and takes_subject and not TIME_REFERENCE & set(preps):
            # (not "met Y in Moscow a week before the talks": they are another event)
            place = prep_place(self.p, gov) or relative_place(self.p, gov)
        if trigger.type == "visit" and place is not None:
            # a visit to one's own country is no visit: the visitors are the others
            parties = [p for p in parties if not self._at_home([p], place)]
        kind = trigger.type
        by_phone = phone_marked(noun, self.lex) or (takes_subject and phone_marked(gov, self.lex))
        if kind in ("talks", "meeting") and by_phone:
            kind = "call"  # "held talks via video link", "had a meeting by phone"
        frame = Frame(trigger, kind, parties, place, [noun], gov, preps)
        if takes_subject and not TIME_REFERENCE.intersection(preps):
            frame.anchors.append(gov)  # not "before the talks": that date is another event's
        enough = self._enough(parties, trigger.type) or self._attended_alone(frame)
        if not enough and trigger.type == "summit" and not self._people(parties):
            frame.refers_back = True  # may date a summit the article reported before
            return frame
        return frame if enough or self._mentioned_again(frame) else None

    def _mentioned_again(self, frame: Frame) -> bool:
        """ "Ruiz said during the meeting ... in Lisbon": a definite noun with one person and
        a place refers back to an event already reported; kept so that merging adds the place."""
        noun = frame.trigger.token
        definite = any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children
        )
        people = [p for p in frame.parties if self.p.is_person(p.actor_id)]
        return definite and frame.place is not None and len(people) == 1


# Units of time: "talks for three hours" last that long; "talks for peace" aim at something.
TIME_UNITS = {"minute", "hour", "day", "week", "month", "year", "time", "while"}


def _lasting(prep: Token) -> bool:
    """ "for three hours", "for a long time": the for-phrase is a duration, not an aim."""
    return prep.lower_ == "for" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in TIME_UNITS for o in prep.children
    )


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)
