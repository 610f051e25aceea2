"""One event per contact, and the events a contact implies: a call of three split into its
pairs, the meeting with the host of a visit ("visited Y in Kyiv"), the visit of a guest
("welcomed X to the Kremlin") and of a visitor met in the host's country ("met Y in Moscow").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from readout.nlp.dates.resolve import as_date
from readout.nlp.events.dating import Dated
from readout.nlp.events.parties import Parties
from readout.nlp.extensions import text_of
from readout.snapshot.records import EventRecord

# Words that make a call one conversation of three or more ("a three-way call").
SEPARATE = re.compile(r"\bseparate(?:ly)?\b", re.IGNORECASE)
MULTIPARTY = {"three-way", "trilateral", "joint", "conference", "videoconference", "multilateral"}


def per_contact(record: EventRecord | None, sent: Span, parties: Parties) -> list[EventRecord]:
    """One event per contact: "A spoke by phone with B and C", "a call between A and the two
    leaders" are two calls, A-B and A-C, unless the sentence makes it one call of three;
    "A held meetings with B and C", "separate talks with B and C" are two meetings."""
    if record is None:
        return []
    people = [p for p in record.participants if parties.is_person(p)]
    multiparty = any(w in text_of(sent).lower() for w in MULTIPARTY)
    # "held separate meetings with A, B and C": the plural of a countable contact noun
    # "held separate talks with A and B", "met A and B separately"
    several = record.type in ("meeting", "talks") and (
        record.trigger.lower() == "meetings" or bool(SEPARATE.search(text_of(sent)))
    )
    if not (record.type == "call" or several) or len(people) < 3 or multiparty:
        return [record]
    first = people[0]
    return [replace(record, participants=[first, other]) for other in people[1:]]


def host_meeting(item: Dated, record: EventRecord | None, parties: Parties) -> list:
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
    frame = item.frame
    kind = frame.purpose or "meeting"
    # "travelled to Moscow on Monday for talks with X": arrived that day, the talks need not
    # be; "was in Berlin on Thursday for talks with X" and "visited X in Kyiv" tell the day
    told = frame.trigger.role == "stay" or frame.purpose is None
    day = {} if told else {**AIM, "status": _aim_status(record, parties)}
    return [replace(record, type=kind, participants=[*record.participants, *hosts], **day)]


def _aim_status(trip: EventRecord, parties: Parties) -> str:
    """The talks a trip was made for are still ahead when the trip is news ("travelled to
    Moscow on Monday for talks"), done when it is told as past ("travelled to Kyiv in August
    for talks", in an October story)."""
    published, day = as_date(parties.doc._.published), as_date(trip.date)
    if trip.status != "held" or published is None or day is None:
        return trip.status if trip.status != "held" else "planned"
    return "planned" if (published - day).days <= RECENT_DAYS else "held"


RECENT_DAYS = 3


AIM = {"date": None, "end_date": None, "date_precision": "unknown", "date_basis": "none"}


def implied_visit(record: EventRecord, parties: Parties) -> EventRecord | None:
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
