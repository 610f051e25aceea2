"""Diplomatic events: visits, meetings, talks, calls and summits.

Per sentence: find triggers (``event_triggers``), build a frame per trigger with participants
and place (``event_frames``), fold purpose/venue nouns into the verb they hang from ("travelled
to Moscow for talks with Lavrov" is one visit), give each frame the date expressions it governs
(``dates``), and resolve deferred participants ("his Russian counterpart") on that date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from readout import KNOWLEDGE_DIR
from readout.knowledge import KnowledgeBase
from readout.nlp.date_anaphora import anaphoric_dates, last_day_in
from readout.nlp.date_mentions import DateMention, clause_verb, find_dates, tense_of
from readout.nlp.dates import DateRange, as_date
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
AFTER_WORDS = {"after", "following", "before"}
LATER_WORDS = {"after", "later", "afterwards", "afterward", "subsequently"}
BOUNDING_WORDS = {"since", "after", "before", "following"}
SIMULTANEOUS = {"as", "while", "when"}  # "told X on Thursday, as Y began a visit"
NON_PARTICIPANT_KINDS = {"media"}


@dataclass
class Dated:
    frame: Frame
    range: DateRange | None


def extract_events(
    doc: Doc, *, kb: KnowledgeBase, lexicon: Lexicon | None = None
) -> list[EventRecord]:
    lex = lexicon or load_lexicon(str(KNOWLEDGE_DIR))
    parties = Parties(doc, kb, lex)
    builder = FrameBuilder(parties, lex)
    published = doc._.published
    records: list[EventRecord] = []
    last_day = None  # the last day named so far, for "the same day", "earlier in the day"
    for sent in doc.sents:
        dated = _sentence_frames(sent, builder, lex, published, last_day)
        last_day = last_day_in(sent, published, last_day)
        for item in dated:
            _inherit(item, dated, records)
            record = _record(item, sent, parties, lex, published)
            if record is not None and not _repeats(record, records):
                records.append(record)
    return records


# --- frames of one sentence ----------------------------------------------------------------


def _sentence_frames(
    sent: Span, builder: FrameBuilder, lex: Lexicon, published, last_day=None
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
        elif frame := builder.build(trigger):
            frames.append(frame)
    mentions = [m for m in find_dates(sent, published) if m.bound in USABLE_BOUNDS]
    mentions += anaphoric_dates(sent, last_day) if frames else []
    mentions = _outside_quotes(mentions, frames, sent)
    dated = _assign_dates(frames, mentions)
    return [d for d in dated if d.range is not None or not d.frame.needs_date]


QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def _outside_quotes(mentions: list[DateMention], frames: list[Frame], sent: Span) -> list:
    """A date inside quotation marks dates what the quote says, not the event the sentence
    reports around it ("... [reached in March]," Qin said during the meeting)."""
    quotes = [
        (sent.start_char + m.start(), sent.start_char + m.end())
        for m in QUOTED.finditer(text_of(sent))
    ]

    def quote_of(char: int) -> tuple[int, int] | None:
        return next((q for q in quotes if q[0] <= char < q[1]), None)

    inside = {quote_of(f.trigger.token.idx) for f in frames}
    return [m for m in mentions if (q := quote_of(m.span.start_char)) is None or q in inside]


def _owner(mention: DateMention, anchors: dict[int, Frame]) -> Frame | None | bool:
    """The frame whose anchor governs the date; False when the date sits in a clause that
    bounds the event ("his first trip since being sworn in on May 7")."""
    root = mention.span.root
    for token in [root, *root.ancestors]:
        if token.i in anchors and not (mention.span.start <= token.i < mention.span.end):
            return anchors[token.i]
        if token.i not in range(mention.span.start, mention.span.end) and _bounding(token):
            return False
    return None


def _bounding(token: Token) -> bool:
    """ "since ...", "after ..." opening a clause or phrase between a date and an event."""
    if token.lower_ in BOUNDING_WORDS and token.dep_ in ("prep", "mark"):
        return True
    return any(c.dep_ == "mark" and c.lower_ in BOUNDING_WORDS for c in token.children)


def _distance(a: Token, b: Token) -> int:
    up_a, up_b = [a, *a.ancestors], [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    return 99 if common is None else up_a.index(common) + up_b.index(common)


def _combine(frame: Frame, mentions: list[DateMention]) -> tuple[DateRange | None, list]:
    """The frame's date from the mentions it governs; the ones it does not use are returned."""
    ends = [m for m in mentions if m.range.start is None]
    starts = sorted(
        (m for m in mentions if m.range.start is not None),
        key=lambda m: _distance(m.span.root, frame.trigger.token),
    )
    if not starts:
        return (ends[0].range if ends else None), []
    best = starts[0].range
    if best.end is None and ends and ends[0].range.end and ends[0].range.end >= best.start:
        best = DateRange(best.start, ends[0].range.end, best.precision)
    return best, starts[1:]


def _assign_dates(frames: list[Frame], mentions: list[DateMention]) -> list[Dated]:
    anchors: dict[int, Frame] = {}
    for frame in frames:
        for token in frame.anchors:
            anchors.setdefault(token.i, frame)
    owned: dict[int, list[DateMention]] = {id(f): [] for f in frames}
    floating: list[tuple[Token, DateMention]] = []
    for mention in mentions:
        owner = _owner(mention, anchors)
        if owner is False:
            continue
        if owner is not None:
            owned[id(owner)].append(mention)
        elif (verb := clause_verb(mention.span.root.head)).lemma_.lower() not in REPORTING:
            floating.append((verb, mention))
        else:
            floating += [(c, mention) for c in verb.subtree if _simultaneous(c)]
    dated = []
    for frame in frames:
        best, spare = _combine(frame, owned[id(frame)])
        dated.append(Dated(frame, best))
        floating += [(frame.trigger.token, m) for m in spare]
    _purposes(dated)
    # A date its own verb does not need goes to an undated event below that verb:
    # "travelled today ... after two days of meetings ... over the weekend".
    for item in dated:
        if item.range is not None:
            continue
        for above, mention in floating:
            if above.is_ancestor(item.frame.trigger.token) or above == item.frame.trigger.token:
                item.range = mention.range
                floating.remove((above, mention))
                break
    return dated


def _purposes(dated: list[Dated]) -> None:
    """ "will travel to Washington on Monday to meet Trump": the meeting is the trip's
    purpose, on its date and at its destination."""
    trips = {d.frame.trigger.token.i: d for d in dated if d.frame.type == "visit"}
    for item in dated:
        token = item.frame.trigger.token
        trip = trips.get(token.head.i)
        if item.range is not None or trip is None or token.dep_ not in ("advcl", "xcomp"):
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            item.range = trip.range
            item.frame.place = item.frame.place or trip.frame.place


def _simultaneous(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SIMULTANEOUS for c in clause.children
    )


def _inherit(item: Dated, siblings: list[Dated], previous: list[EventRecord]) -> None:
    """ "just days after Xi spoke with Putin" and "visited Moscow soon after" take the month of
    the event they are placed against."""
    if item.range is not None:
        return
    token = item.frame.trigger.token
    path = [token, *token.ancestors]
    for other in siblings:
        if other is item or other.range is None or other.range.start is None:
            continue
        anchor_ids = {a.i for a in other.frame.anchors}
        upto = next((k for k, t in enumerate(path) if t.i in anchor_ids), None)
        if upto is not None and _placed_after(path[:upto]):
            item.range = _month(other.range.start)
            return
    clause = path[0] if token.pos_ == "VERB" else item.frame.gov or token
    if any(c.dep_ == "advmod" and c.lower_ in LATER_WORDS for c in clause.children):
        dated = [r for r in previous if r.date]
        if dated:
            item.range = _month(dated[-1].date)


def _placed_after(path: list[Token]) -> bool:
    for token in path:
        if token.lower_ in AFTER_WORDS:
            return True
        if any(c.dep_ in ("mark", "prep") and c.lower_ in AFTER_WORDS for c in token.children):
            return True
    return False


def _month(iso: str) -> DateRange:
    return DateRange(iso[:8] + "01", None, "month")


# --- records -------------------------------------------------------------------------------


def _participants(frame: Frame, parties: Parties, on) -> list[str]:
    ids = parties.resolve(frame.parties, on)
    ids = [i for i in ids if parties.kind(i) not in NON_PARTICIPANT_KINDS]
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


def _record(item: Dated, sent: Span, parties: Parties, lex: Lexicon, published):
    frame = item.frame
    span = with_duration(item.range, frame.trigger.token, sent)
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
        status=_status(frame, span, lex, published),
        start=sent.start_char,
        end=sent.end_char,
        trigger=frame.trigger.token.text,
    )


def _repeats(record: EventRecord, records: list[EventRecord]) -> bool:
    """The same event twice in one sentence ("met ... at their meeting") is kept once."""
    for other in records:
        same = (other.start, other.type, set(other.participants))
        if same == (record.start, record.type, set(record.participants)):
            other.place = other.place or record.place
            if other.date is None and record.date is not None:
                other.date, other.end_date = record.date, record.end_date
                other.date_precision = record.date_precision
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
