"""Event triggers in a parsed sentence, and the syntax checks shared by event frames.

A trigger is a verb ("met", "travelled to"), a noun ("talks", "a phone call"), a hosting
verb ("China hosted X"), a face-to-face contact verb with a place ("In Beijing, X urged Y")
or a stay ("will be in Russia until Thursday").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from readout.nlp.events.lexicon import Lexicon
from readout.nlp.extensions import tag_rows

# Reporting verbs end the search for modality: "X said he could meet Y" is hedged by
# "could", but "X said on Friday that Y met Z" is not hedged by "said".
REPORTING = {"say", "tell", "announce", "add", "report", "state", "confirm", "note", "quote"}
# Prepositions by which a noun event belongs to the verb it hangs from: the purpose ("travelled
# to Moscow for talks"), the venue ("met at the summit"), the frame ("during the visit").
ABSORBING_PREPS = {"for", "at", "on", "during"}
RELATIVES = {"who", "which", "that"}
CALL_EXCLUDED = {"for", "on", "upon", "off", "back", "up", "in", "out"}
# Prepositions that give the medium of a contact ("by phone", "via video link", "over a secure
# line", "on the phone"); "according to a video released by ..." names a source, not a medium.
MEDIUM_PREPS = {"by", "via", "over", "through", "on", "in"}


@dataclass
class Trigger:
    token: Token
    type: str  # visit | meeting | talks | call | summit | statement
    role: str  # verb | noun | host | contact | stay
    preps: tuple[str, ...] = ()  # destination (visit) or partner prepositions


def _compound(token: Token) -> str | None:
    words = [c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")]
    return words[-1] if words else None


def noun_type(token: Token, lex: Lexicon) -> str | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    compound = _compound(token)
    return lex.noun_type(token.lemma_.lower(), compound) or lex.noun_type(token.lower_, compound)


def _verb_trigger(token: Token, lex: Lexicon) -> Trigger | None:
    lemma = token.lemma_.lower()
    if lemma in lex.hosting_verbs:
        return Trigger(token, "visit", "host")
    if lemma in lex.verbs:
        kind, preps = lex.verbs[lemma]
        if kind == "visit" and preps and not _has_prep(token, preps) and not where_clause(token):
            return None  # "headed to Moscow" travels; "a delegation headed by X" does not
        if lemma == "call" and _not_a_phone_call(token):
            return None
        if lemma in lex.verb_objects and not _has_object(token, lex.verb_objects[lemma]):
            return None
        return Trigger(token, kind, "verb", preps)
    if lemma in lex.contact_verbs:
        return Trigger(token, "meeting", "contact")
    return None


def where_clause(verb: Token) -> Token | None:
    """The "where" clause a verb (or one of its conjuncts) belongs to: "Moscow, where Li
    arrived on Friday and held talks" -> arrived; its head is the place."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    if clause.dep_ != "relcl" or not any(c.lower_ == "where" for c in clause.children):
        return None
    return clause


def _has_prep(verb: Token, preps: tuple[str, ...]) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps for c in verb.children)


def _has_object(verb: Token, objects: frozenset[str]) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children)


def _not_a_phone_call(token: Token) -> bool:
    """ "called for talks", "called on Russia to", "called it a success", "called back";
    but "called Putin on Saturday" is a call."""
    has_object = any(c.dep_ == "dobj" for c in token.children)
    for child in token.children:
        if child.dep_ in ("oprd", "ccomp", "attr", "acomp", "dative"):
            return True
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in CALL_EXCLUDED):
            if has_object and child.lower_ == "on":
                continue
            return True
    return False


# Headlines drop the article and make "heads" a noun: "Xi Jinping heads to Moscow".
HEADLINE_VERBS = {"heads": "head", "travels": "travel", "flies": "fly", "visits": "visit"}


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    found = []
    for token in _may_trigger(sent, lex):
        if token.pos_ == "VERB":
            trigger = _verb_trigger(token, lex)
        elif token.dep_ == "ROOT" and token.lower_ in HEADLINE_VERBS:
            kind, preps = lex.verbs.get(HEADLINE_VERBS[token.lower_], (None, ()))
            trigger = Trigger(token, kind, "verb", preps) if kind else None
        elif token.pos_ == "AUX" and token.lemma_ == "be":
            trigger = Trigger(token, "visit", "stay", ("in",))
        else:
            kind = noun_type(token, lex)
            # "summit" in "summit meeting" is part of the phrase, not a second event
            part_of_phrase = token.dep_ == "compound" and noun_type(token.head, lex)
            trigger = Trigger(token, kind, "noun") if kind and not part_of_phrase else None
        if trigger is not None:
            found.append(trigger)
    return found


def _may_trigger(sent: Span, lex: Lexicon) -> list[Token]:
    """The tokens ``find_triggers`` must look at, read off the sentence's arrays: any other
    token gives no trigger, whatever its syntax (its word is in no list), and building a Token
    object for every word of every sentence is most of what the search would cost."""
    strings, doc = sent.doc.vocab.strings, sent.doc
    verbs, nouns = lex.trigger_verbs, lex.noun_heads
    found = []
    for k, (pos, lemma, lower, dep) in enumerate(tag_rows(doc)[sent.start : sent.end]):
        if pos == VERB:
            hit = strings[lemma].lower() in verbs
        elif dep == _ROOT and strings[lower] in HEADLINE_VERBS or pos == AUX and lemma == _BE:
            hit = True
        else:
            words = (strings[lemma].lower(), strings[lower])
            hit = pos in (NOUN, PROPN) and not nouns.isdisjoint(words)
        if hit:
            found.append(doc[sent.start + k])
    return found


_ROOT, _BE = get_string_id("ROOT"), get_string_id("be")


# --- syntax shared by the frames -----------------------------------------------------------


def governor(
    noun: Token, parts: frozenset[str] = frozenset()
) -> tuple[Token | None, tuple[str, ...]]:
    """The verb a noun event hangs from and the prepositions on the way, nearest the noun
    first: "held talks" -> (held, ()); "travelled for talks" -> (travelled, ("for",));
    "two days of meetings" -> (the verb above "days", ("of", "after")); "ahead of a visit"
    -> (the verb, ("of", "ahead")).

    ``parts`` are nouns naming a part or a run of an event ("round", "sidelines", "end"):
    "held the 20th round of consultations" is "held consultations" -> (held, ()). Through
    any other noun the event is a topic, not something the verb's subject took part in
    ("briefed Y on preparations for the summit") -> (None, ()).
    """
    verb_head = noun.head.pos_ in ("VERB", "AUX") and not _as_preposition(noun.head)
    if noun.dep_ in ("dobj", "attr", "oprd") and verb_head:
        return noun.head, ()
    token, preps = noun, ()
    for _ in range(4):
        if token.dep_ != "pobj" and not (token.dep_ == "dobj" and _as_preposition(token.head)):
            return None, ()
        preps += (token.head.lower_,)
        head = token.head.head
        if head.pos_ in ("VERB", "AUX"):
            return head, preps
        if head.lower_ == "ahead":
            return head.head, (*preps, "ahead")
        if head.pos_ not in ("NOUN", "PROPN", "NUM"):
            return None, ()
        if parts and head.pos_ == "NOUN" and not {head.lemma_.lower(), head.lower_} & parts:
            return None, ()  # a name in between is a misattached phrase: "by X in his statement"
        stand_in = preps == ("of",) and head.dep_ in ("dobj", "attr")
        if parts and stand_in and head.head.pos_ == "VERB":
            return head.head, ()  # "held a new round of talks": the round is the talks
        token = head
    return None, ()


def _as_preposition(token: Token) -> bool:
    """ "said following talks with X": the parser makes "following" a verb with an object."""
    return token.lower_ in ("following", "during") and token.dep_ == "prep"


def verb_subject(verb: Token) -> list[Token]:
    """Subject heads of a verb, looking through conjunction, control and passive:
    "Li would travel ... and hold talks", "Wang is scheduled to meet", "after meeting X"."""
    if verb.pos_ != "VERB" and verb.lower_ in HEADLINE_VERBS:
        return [c for c in verb.children if c.dep_ == "compound"][-1:]
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ in ("relcl", "acl") and all(s.lower_ in RELATIVES for s in subjects):
            return [verb.head]  # "Wang, who is on a visit", "Lavrov, speaking after talks"
        if subjects:
            return subjects + _headline_list(verb, subjects)
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acomp"):
            verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
            continue
        return _name_before(verb)
    return []


def _name_before(verb: Token) -> list[Token]:
    """A main verb the parser left without a subject, right after a name: the name is the
    subject ("On December 21, Deputy Chairman of the Council Dmitry Medvedev paid a visit",
    where the long title made the name an apposition of the date)."""
    before = verb.doc[verb.i - 1] if verb.i else None
    if verb.dep_ != "ROOT" or verb.tag_ not in FINITE or before is None:
        return []
    return [before] if before.pos_ == "PROPN" and before.dep_ not in ("nsubj", "nsubjpass") else []


FINITE = ("VBD", "VBZ", "VBP")


LOOSE_DEPS = frozenset({"npadvmod", "advcl", "dep", "appos", "nmod"})


def _headline_list(verb: Token, subjects: list[Token]) -> list[Token]:
    """A headline joins subjects with a comma ("Modi, Scholz Hold Talks"); the parser makes the
    first a loose dependent of the verb (which one, and its tag, vary with the names); only
    linked actors among them become participants."""
    if verb.dep_ != "ROOT":
        return []
    first = min(s.i for s in subjects)
    return [
        c
        for c in verb.children
        if c.dep_ in LOOSE_DEPS and (c.pos_ == "PROPN" or c.is_title) and c.i < first
        and c.doc[c.i + 1].text == "," and c.doc[c.i + 1 : first].text.count(",") == 1
    ]  # fmt: skip


def phone_marked(token: Token, lex: Lexicon) -> bool:
    """ "phone call", "by phone", "telephone conversation", "held a video call"."""
    nearby = [*token.subtree] if token.pos_ != "VERB" else [*token.children]
    for near in nearby:
        if near.lower_ in lex.phone_words:
            return True
        if (
            near.dep_ in ("prep", "agent")
            and near.lower_ in MEDIUM_PREPS
            and any(t.lower_ in lex.phone_words for c in near.children for t in c.subtree)
        ):
            return True  # "by phone", "by video link", "over a secure telephone line"
    return False
