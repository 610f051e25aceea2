"""Diplomatic events: visits, meetings, talks, calls and summits.

Per sentence: find triggers (``event_triggers``), build a frame per trigger with participants
and place (``event_frames``), fold purpose/venue nouns into the verb they hang from ("travelled
to Moscow for talks with Lavrov" is one visit), give each frame the date expressions it governs
(``event_dating``), and resolve deferred participants ("his Russian counterpart") on that date.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from readout import KNOWLEDGE_DIR
from readout.knowledge import KnowledgeBase
from readout.nlp.date_anaphora import anaphoric_dates, last_day_in
from readout.nlp.date_mentions import SAME_DAY_ASPECTS, aspect_of, clause_verb, find_dates, tense_of
from readout.nlp.dates import DateRange, as_date
from readout.nlp.event_dating import Dated, assign_dates, inherit_date, outside_quotes
from readout.nlp.event_duration import with_duration
from readout.nlp.event_frames import Frame, FrameBuilder
from readout.nlp.event_lexicon import Lexicon, load_lexicon
from readout.nlp.event_parties import Parties
from readout.nlp.event_triggers import (
    ABSORBING_PREPS,
    REPORTING,
    find_triggers,
    governor,
    is_hedged,
    is_planned,
)
from readout.nlp.extensions import text_of
from readout.nlp.kb import get_knowledge
from readout.records import EventRecord

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
    for sent in doc.sents:
        told = last_day is not None and last_day != as_date(published)
        dated = _sentence_frames(sent, builder, lex, published, last_day, told)
        new: list[EventRecord] = []
        for item in dated:
            inherit_date(item, dated, records)
            record = _record(item, sent, parties, lex, published)
            for one in [
                *_per_contact(record, sent, parties),
                *_host_meeting(item, record, parties),
            ]:
                if _repeats(one, records):
                    continue
                records.append(one)
                new.append(one)
                visit = _implied_visit(one, parties) if _main_clause(item.frame, True) else None
                if visit is not None and not _repeats(visit, records):
                    records.append(visit)
        days = [r.date for r in new if r.date and r.date_precision == "day"]
        last_day = last_day_in(sent, published, last_day, days)
    return records


# --- frames of one sentence ----------------------------------------------------------------


def _sentence_frames(
    sent: Span, builder: FrameBuilder, lex: Lexicon, published, last_day=None, told=True
) -> list[Dated]:
    triggers = [t for t in find_triggers(sent, lex) if not is_hedged(t.token, lex)]
    frames = [f for t in triggers if t.role != "noun" and (f := builder.build(t))]
    by_verb = {f.trigger.token.i: f for f in frames}
    for trigger in (t for t in triggers if t.role == "noun"):
        gov, preps = governor(trigger.token)
        host = by_verb.get(gov.i) if gov is not None else None
        if host is not None and ABSORBING_PREPS.intersection(preps):
            host.anchors.append(trigger.token)  # its dates, partners and venue are the host's
            host.parties += builder.partners(trigger.token)
            host.place = host.place or builder.venue(trigger.token)
            if trigger.type == "call" and host.type in ("meeting", "talks"):
                host.type = "call"  # "during a phone call, X and Y discussed ..."
            if trigger.type == "summit" and host.type != "summit":
                frames.append(_attended(trigger, host, builder))
        elif frame := builder.build(trigger):
            frames.append(frame)
        elif trigger.type == "summit" and (venue_of := _framed_above(trigger.token, frames)):
            frames.append(_attended(trigger, venue_of, builder))  # "talks on the sidelines of"
    mentions = [m for m in find_dates(sent, published) if m.bound in USABLE_BOUNDS]
    mentions += anaphoric_dates(sent, last_day, forward=told) if frames else []
    mentions = outside_quotes(mentions, frames, sent)
    dated = assign_dates(frames, mentions)
    return [d for d in dated if d.range is not None or not d.frame.needs_date]


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
    people = [i for i in ids if parties.is_person(i)]
    return people or ids  # countries only take part when no person is named


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


# Clause links by which a clause reports the story's own news: the main clause, its
# conjuncts, and what a reporting verb reports ("X says Y has met Z").
MAIN_CLAUSE_DEPS = ("ROOT", "conj", "ccomp", "parataxis", "xcomp")  # xcomp: "plans to meet"


def _main_clause(frame: Frame, participles: bool = False) -> bool:
    """The event is what its sentence reports, not a background relative clause ("X, who met
    Y in Z last month, said ...") or adverbial ("after meeting Y"). ``participles``: a bare
    participle adverbial ("..., meeting Y in Z on July 5") counts as reported too."""
    token = frame.gov if frame.trigger.role == "noun" and frame.gov is not None else None
    verb = clause_verb(token if token is not None else frame.trigger.token)
    for token in [verb, *verb.ancestors]:
        bare = token.dep_ == "advcl" and token.tag_ == "VBG"
        if participles and bare and not any(c.dep_ == "mark" for c in token.children):
            continue
        if token.dep_ not in MAIN_CLAUSE_DEPS:
            return False
        if token.dep_ == "ccomp" and token.head.lemma_.lower() not in REPORTING:
            return False
    return True


def _same_day_report(frame: Frame, lex: Lexicon) -> bool:
    """A main-clause event in the present, progressive or present perfect with no date of its
    own ("is holding talks", "have begun their talks", a headline's "meets") happened on the
    day of the report. Past perfect, past, future and modal forms give no day."""
    if frame.trigger.role == "noun" and not _held_by_verb(frame, lex):
        return False
    verb = clause_verb(frame.gov if frame.trigger.role == "noun" else frame.trigger.token)
    if aspect_of(verb) not in SAME_DAY_ASPECTS or is_planned(frame.trigger.token, lex):
        return False
    if not _main_clause(frame):
        return False
    return all(
        aspect_of(t.head) != "past_perfect"
        for t in [verb, *verb.ancestors]
        if t.dep_ in ("ccomp", "parataxis")
    )


# Verbs of which a noun event is the subject and that say it is going on: "talks are under
# way", "the meeting took place", "talks began".
ONGOING_VERBS = {"be", "take", "begin", "start", "continue", "open", "resume", "get"}


def _held_by_verb(frame: Frame, lex: Lexicon) -> bool:
    """A noun event is told in its verb's tense only when that verb holds it ("are holding
    talks", "the talks have begun"), not when the noun is what another verb is about ("his
    visits have gone down poorly")."""
    noun, gov = frame.trigger.token, frame.gov
    if gov is None:
        return False
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return gov.lemma_.lower() in ONGOING_VERBS
    if noun.dep_ == "attr" or (frame.gov_preps == ("on",) and gov.lemma_ == "be"):
        return gov.lemma_ == "be"  # "this is his visit", "Wang is on a visit to Moscow"
    return gov.lemma_.lower() in lex.light_verbs and not frame.gov_preps


def _dated(item: Dated, sent: Span, lex: Lexicon, published) -> DateRange | None:
    """The frame's own date (with its stated duration), else the publication day of a
    same-day report."""
    span = with_duration(item.range, item.frame.trigger.token, sent)
    if span is not None and span.start:
        return span
    pub = as_date(published)
    if pub is not None and _same_day_report(item.frame, lex):
        return DateRange(pub.isoformat(), span.end if span else None, "day", "publication")
    return span


def _record(item: Dated, sent: Span, parties: Parties, lex: Lexicon, published):
    frame = item.frame
    span = _dated(item, sent, lex, published)
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


# Words that make a call one conversation of three or more ("a three-way call").
MULTIPARTY = {"three-way", "trilateral", "joint", "conference", "videoconference", "multilateral"}


def _per_contact(record: EventRecord | None, sent: Span, parties: Parties) -> list[EventRecord]:
    """One event per contact: "A spoke by phone with B and C", "a call between A and the two
    leaders" are two calls, A-B and A-C, unless the sentence makes it one call of three."""
    if record is None:
        return []
    people = [p for p in record.participants if parties.is_person(p)]
    multiparty = any(w in text_of(sent).lower() for w in MULTIPARTY)
    if record.type != "call" or len(people) < 3 or multiparty:
        return [record]
    first = people[0]
    return [replace(record, participants=[first, other]) for other in people[1:]]


def _host_meeting(item: Dated, record: EventRecord | None, parties: Parties) -> list:
    """ "X visited Y in Kyiv": besides X's visit, a meeting of X with the host Y; "Y welcomed
    X to the Kremlin": besides the meeting, X's visit there."""
    if record is not None and item.frame.guests:
        guests = parties.resolve(item.frame.guests, as_date(record.date))
        guests = [g for g in guests if parties.is_person(g)]
        return [replace(record, type="visit", participants=guests)] if guests else []
    if record is None or not item.frame.hosts:
        return []
    hosts = parties.resolve(item.frame.hosts, as_date(record.date))
    hosts = [h for h in hosts if parties.is_person(h) and h not in record.participants]
    if not hosts:
        return []
    return [replace(record, type="meeting", participants=[*record.participants, *hosts])]


def _implied_visit(record: EventRecord, parties: Parties) -> EventRecord | None:
    """A meeting in one participant's country is a visit there by the others: "X met Y in
    <Y's capital>" tells that X travelled (the visit lists the visitors, the meeting both)."""
    if record.type not in ("meeting", "talks") or not record.place:
        return None
    country = parties.kb.country_of_word(record.place)
    people = [p for p in record.participants if parties.is_person(p)]
    hosts = [p for p in people if parties.country_of(p) == country]
    visitors = [p for p in people if parties.country_of(p) not in (country, None)]
    if country is None or not hosts or not visitors:
        return None
    return replace(record, type="visit", participants=visitors)


def _repeats(record: EventRecord, records: list[EventRecord]) -> bool:
    """The same event twice in one sentence ("met ... at their meeting") is kept once."""
    for other in records:
        same = (other.start, other.type, set(other.participants))
        if same == (record.start, record.type, set(record.participants)):
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
