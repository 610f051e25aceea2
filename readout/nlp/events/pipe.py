"""Diplomatic events: visits, meetings, talks, calls, summits and formal statements.

Per sentence: find triggers (``event_triggers``), build a frame per trigger with participants
and place (``event_frames``), fold purpose/venue nouns into the verb they hang from ("travelled
to Moscow for talks with Lavrov" is one visit), give each frame the date expressions it governs
(``event_dating``), and resolve deferred participants ("his Russian counterpart") on that date.
Statements get their authors in ``event_statements``, gapped lists ("met A in X and B in Y")
are split in ``event_gapping``, and a summit told with no one named dates an earlier one
(``event_coreference``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Span

from readout import KNOWLEDGE_DIR
from readout.knowledge import KnowledgeBase
from readout.nlp.dates.anaphora import anaphoric_dates, last_day_in
from readout.nlp.dates.mentions import date_for, find_dates, tense_of
from readout.nlp.dates.resolve import DateRange, as_date
from readout.nlp.event_coreference import refer_back
from readout.nlp.events.contacts import host_meeting, implied_visit, per_contact
from readout.nlp.events.dating import Dated, assign_dates, outside_quotes
from readout.nlp.events.frames import Frame, FrameBuilder
from readout.nlp.events.gapping import split_gapped
from readout.nlp.events.hedges import is_hedged, is_planned
from readout.nlp.events.inherited_dates import inherit_date
from readout.nlp.events.lexicon import Lexicon, load_lexicon
from readout.nlp.events.parties import Parties
from readout.nlp.events.statements import author_statements
from readout.nlp.events.tense import dated as dated_span
from readout.nlp.events.tense import main_clause, same_day_report
from readout.nlp.events.triggers import (
    ABSORBING_PREPS,
    REPORTING,
    find_triggers,
    governor,
    verb_subject,
)
from readout.nlp.extensions import tag_rows
from readout.nlp.kb import get_knowledge
from readout.snapshot.records import EventRecord

# Dates that bound rather than date an event ("since 2022", "before the summit") are ignored;
# "until Thursday" gives the end.
USABLE_BOUNDS = (None, "until", "through", "till")
NON_PARTICIPANT_KINDS = {"media"}


def extract_events(
    doc: Doc, *, kb: KnowledgeBase, lexicon: Lexicon | None = None
) -> list[EventRecord]:
    lex = lexicon or load_lexicon(str(KNOWLEDGE_DIR))
    parties = Parties(doc, kb, lex)
    builder = FrameBuilder(parties, lex)
    published = doc._.published
    records: list[EventRecord] = []
    # the last event day so far, for "the same day", "a day later"; at first the report's day
    last_day = as_date(published)
    said_on: dict[str, DateRange] = {}  # speaker -> the day of their last dated "said"
    for sent in doc.sents:
        told = last_day is not None and last_day != as_date(published)
        dated = _sentence_frames(sent, builder, lex, published, last_day, told)
        new: list[EventRecord] = []
        for item in dated:
            if item.frame.refers_back:
                span = dated_span(item, sent, lex, published)
                refer_back(item.frame.type, span, item.frame.place, records)
                continue
            inherit_date(item, dated, records, parties)
            _when_said(item, said_on, parties)
            record = _record(item, sent, parties, lex, published)
            trigger = item.frame.trigger.token
            contacts = split_gapped(record, trigger, sent, parties, published)
            for one in [
                *(c for r in contacts for c in per_contact(r, sent, parties)),
                *host_meeting(item, record, parties),
            ]:
                if _repeats(one, records):
                    continue
                records.append(one)
                new.append(one)
                visit = implied_visit(one, parties) if main_clause(item.frame, True) else None
                if visit is not None and not _repeats(visit, records):
                    records.append(visit)
        days = [r.date for r in new if r.date and r.date_precision == "day"]
        last_day = last_day_in(sent, published, last_day, days)
        _note_sayings(sent, parties, published, said_on)
    return records


# Prepositions by which a reporting verb says where its words were spoken.
SAID_AT = {"during", "at", "on", "in"}


def _note_sayings(sent: Span, parties: Parties, published, said_on: dict) -> None:
    """Remember the day each person was said to speak ("Putin said Wednesday ...")."""
    strings, doc = sent.doc.vocab.strings, sent.doc
    rows = tag_rows(doc)[sent.start : sent.end]  # no Token object for most words (speed)
    for k, (pos, lemma, _lower, _dep) in enumerate(rows):
        if pos != VERB or strings[lemma].lower() not in REPORTING:
            continue
        verb = doc[sent.start + k]
        day = date_for(verb, published)
        if day is None or day.precision != "day":
            continue
        for subject in verb_subject(verb):
            for party in parties.of_phrase(subject):
                if parties.is_person(party.actor_id):
                    said_on[party.actor_id] = day.based("anaphoric")


def _when_said(item: Dated, said_on: dict, parties: Parties) -> None:
    """ "X said during a meeting with Y" with no date: the meeting is when X spoke, and the
    story dated X's words before ("X said on Wednesday that ...")."""
    gov = item.frame.gov
    if item.range is not None or gov is None or gov.lemma_.lower() not in REPORTING:
        return
    if not SAID_AT.intersection(item.frame.gov_preps):
        return
    for subject in verb_subject(gov):
        for party in parties.of_phrase(subject):
            if party.actor_id in said_on:
                item.range = said_on[party.actor_id]
                return


# --- frames of one sentence ----------------------------------------------------------------


def _sentence_frames(
    sent: Span, builder: FrameBuilder, lex: Lexicon, published, last_day=None, told=True
) -> list[Dated]:
    triggers = [t for t in find_triggers(sent, lex) if not is_hedged(t.token, lex)]
    frames = [f for t in triggers if t.role != "noun" and (f := builder.build(t))]
    by_verb = {f.trigger.token.i: f for f in frames}
    venues: dict[int, Frame] = {}  # summit frame -> the meeting held at it
    for trigger in (t for t in triggers if t.role == "noun"):
        gov, preps = governor(trigger.token, lex.event_parts)
        host = by_verb.get(gov.i) if gov is not None else None
        absorbed = host is not None and ABSORBING_PREPS.intersection(preps)
        if absorbed and trigger.type != "statement":  # a statement is an event of its own
            host.anchors.append(trigger.token)  # its dates, partners and venue are the host's
            _absorb_partners(host, trigger, builder.partners(trigger.token), builder)
            host.place = host.place or builder.venue(trigger.token)
            if trigger.type == "visit":
                host.needs_date = False  # "X, who is in Russia on a state visit": a visit
            if trigger.type == "call" and host.type in ("meeting", "talks"):
                host.type = "call"  # "during a phone call, X and Y discussed ..."
            if trigger.type == "summit" and host.type != "summit":
                frames.append(summit := _attended(trigger, host, builder))
                venues[id(summit)] = host
        elif (frame := builder.build(trigger)) and not frame.refers_back:
            frames.append(frame)
        elif trigger.type == "summit" and (venue_of := _framed_above(trigger.token, frames)):
            frames.append(summit := _attended(trigger, venue_of, builder))  # "on the sidelines"
            venues[id(summit)] = venue_of
        elif frame is not None:
            frames.append(frame)  # a summit with no one named: it may date an earlier one
    mentions = [m for m in find_dates(sent, published) if m.bound in USABLE_BOUNDS]
    mentions += anaphoric_dates(sent, last_day, told, mentions) if frames else []
    mentions = outside_quotes(mentions, frames, sent)
    dated = author_statements(assign_dates(frames, mentions), builder.p)
    _summit_days(dated, venues)
    # a stay is a visit with dates of its own, or told in the present ("X is in Moscow")
    return [
        d
        for d in dated
        if d.range is not None or not d.frame.needs_date or same_day_report(d.frame, lex)
    ]


def _absorb_partners(host: Frame, trigger, partners: list, builder: FrameBuilder) -> None:
    """ "was in Berlin for talks with X": a visit lists the visitors, the people met are its
    hosts, with whom the visitor held that contact; any other event takes them as parties."""
    people = [p for p in partners if builder.p.is_person(p.actor_id)]
    if host.type == "visit" and trigger.type in ("talks", "meeting") and people:
        host.hosts += people
        host.purpose = trigger.type
        return
    host.parties += partners


def _framed_above(noun, frames: list[Frame]) -> Frame | None:
    """The event a venue noun hangs from through "on/at/of/during" ("talks on the sidelines of
    the summit"): the nearest frame anchored on one of its heads."""
    by_anchor = {a.i: f for f in frames for a in f.anchors}
    token = noun
    for _ in range(4):
        if token.dep_ != "pobj" or token.head.lower_ not in ("on", "at", "of", "during"):
            return None
        token = token.head.head
        if token.i in by_anchor:
            return by_anchor[token.i]
    return None


def _summit_days(dated: list[Dated], venues: dict[int, Frame]) -> None:
    """ "will meet on the sidelines of the summit in Samarkand on Sept. 15-16": days given
    to a meeting are the summit's (a meeting takes one day; the summit takes them all)."""
    ranges = {id(d.frame): d.range for d in dated}
    for item in dated:
        host = venues.get(id(item.frame))
        days = ranges.get(id(host)) if host is not None else None
        if item.range is None and days is not None and days.end and days.end != days.start:
            item.range = days


def _attended(trigger, host: Frame, builder: FrameBuilder) -> Frame:
    """ "met on the sidelines of the summit in Kazan": the people of the meeting attended the
    summit, an event of its own at its venue (a summit lasts days: the meeting does not date it)."""
    place = builder.venue(trigger.token) or host.place
    people = [p for p in host.parties if p.actor_id is None or builder.p.is_person(p.actor_id)]
    return Frame(trigger, "summit", people, place, [trigger.token])  # its own dates only


# --- records -------------------------------------------------------------------------------


def _participants(frame: Frame, parties: Parties, on) -> list[str]:
    ids = parties.resolve(frame.parties, on)
    ids = [i for i in ids if parties.kind(i) not in NON_PARTICIPANT_KINDS]
    ids = [i for i in ids if not parties.is_headline_fragment(i)]
    # An event needs a named person: "talks between Russian and US officials" or "consultations
    # between the two countries have been held since 2005" are background, not a contact the
    # timeline can show (countries and ministries are the sides people speak for).
    return [i for i in ids if parties.is_person(i)]


def _status(frame: Frame, span: DateRange | None, lex: Lexicon, published) -> str:
    clause = frame.gov if frame.gov is not None else frame.trigger.token
    if tense_of(clause) == "future" or is_planned(frame.trigger.token, lex):
        return "planned"
    pub = as_date(published)
    first = span.start if span is not None and span.start else None
    if pub is not None and first is not None:
        ahead = first > pub.isoformat() if span.precision == "day" else first[:7] > str(pub)[:7]
        return "planned" if ahead else "held"
    return "held"


def _record(item: Dated, sent: Span, parties: Parties, lex: Lexicon, published):
    frame = item.frame
    span = dated_span(item, sent, lex, published)
    on = as_date(span.start if span and span.start else published)
    participants = _participants(frame, parties, on)
    if not participants:
        return None
    return EventRecord(
        type=frame.type,
        participants=participants,
        place=frame.place,
        date=span.start if span else None,
        end_date=span.end if span else None,
        date_precision=span.precision if span and span.start else "unknown",
        date_basis=span.basis if span and span.start else "none",
        status=_status(frame, span, lex, published),
        start=sent.start_char,
        end=sent.end_char,
        trigger=frame.trigger.token.text,
    )


def _repeats(record: EventRecord, records: list[EventRecord]) -> bool:
    """The same event twice in one sentence ("met ... at their meeting") is kept once."""
    for other in records:
        same = (other.start, other.type, set(other.participants))
        # two places are two events ("visited Moscow on May 3 and Paris on May 9")
        elsewhere = None not in (other.place, record.place) and other.place != record.place
        if same == (record.start, record.type, set(record.participants)) and not elsewhere:
            other.place = other.place or record.place
            if other.date is None and record.date is not None:
                other.date, other.end_date = record.date, record.end_date
                other.date_precision = record.date_precision
                other.date_basis = record.date_basis
            return True
    return False


@Language.factory(
    "readout_events",
    requires=["doc.sents", "doc.spans"],
    assigns=["doc._.events"],
    default_config={"knowledge_dir": str(KNOWLEDGE_DIR)},
)
def make_events(nlp: Language, name: str, knowledge_dir: str):
    kb = get_knowledge(knowledge_dir)
    lexicon = load_lexicon(knowledge_dir)

    def component(doc: Doc) -> Doc:
        doc._.events = extract_events(doc, kb=kb, lexicon=lexicon)
        return doc

    return component
