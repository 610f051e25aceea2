"""Which date each event frame of a sentence gets.

The sentence's date expressions go to the frame whose anchor governs them, or, when no anchor
does, to an undated frame below the verb they hang from; dates inside quotation marks or in a
bounding clause ("since being sworn in on May 7") are left out. An event still undated may take
another event's date (``readout.nlp.events.inherited_dates``).

Kept apart from ``readout.nlp.events.pipe``, which finds the frames and turns them into records:
this module only decides which date goes with which frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from readout.nlp.dates.mentions import DateMention, clause_verb
from readout.nlp.dates.resolve import DateRange
from readout.nlp.events.frames import Frame
from readout.nlp.events.triggers import REPORTING, where_clause
from readout.nlp.extensions import text_of

BOUNDING_WORDS = {"since", "after", "before", "following"}
SIMULTANEOUS = {"as", "while", "when"}  # "told X on Thursday, as Y began a visit"


@dataclass
class Dated:
    frame: Frame
    range: DateRange | None


QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def outside_quotes(mentions: list[DateMention], frames: list[Frame], sent: Span) -> list:
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


# Dependencies by which a date modifies a noun: "the 12 June reception", "the February plan",
# "Tuesday's vote". Such a date is that noun's, not the sentence's.
NOUN_MODIFIER = ("compound", "nmod", "amod", "poss", "npadvmod")


# Nouns a date narrows rather than modifies: "on Monday evening", "on Tuesday local time".
TIME_OF_DAY = {"morning", "afternoon", "evening", "night", "time", "midday", "noon"}


def _date_root(mention: DateMention) -> Token:
    """Where the date hangs in the parse. When its words hang from different heads ("on
    Thursday, March 16 - ..." with "March" taken for a modifier of a later verb), the
    preposition that opens it ("on") says where it belongs, also when the parser left that
    preposition without an object."""
    span = mention.span
    first = span[0]
    outside = not (span.start <= first.head.i < span.end)
    if outside and first.head.dep_ == "prep" and first.dep_ == "pobj":
        return first
    opener = span.doc[span.start - 1] if span.start else None
    if opener is not None and _dangling(opener) and span.root.dep_ in ("compound", "nmod"):
        return opener  # "On Friday Putin will travel": "Friday" parsed as part of the name
    return span.root


def _dangling(word: Token) -> bool:
    """A preposition the parser left without its object."""
    return (
        word.dep_ == "prep"
        and word.pos_ == "ADP"
        and not any(c.dep_ == "pobj" for c in word.children)
    )


def _modifies_other_noun(mention: DateMention, anchors: dict[int, Frame]) -> bool:
    root = _date_root(mention)
    head = root.head
    return (
        root.dep_ in NOUN_MODIFIER
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in TIME_OF_DAY
        and head.i not in anchors
        and not (mention.span.start <= head.i < mention.span.end)
    )


def _owner(mention: DateMention, anchors: dict[int, Frame]) -> Frame | None | bool:
    """The frame whose anchor governs the date; False when the date sits in a clause that
    bounds the event ("his first trip since being sworn in on May 7") or modifies another
    noun ("met after the 12 June reception")."""
    root = _date_root(mention)
    if _modifies_other_noun(mention, anchors):
        return False
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


END_BOUNDS = ("until", "till", "through")
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "latest", "last"}


def _counted(frame: Frame) -> bool:
    """ "his second visit this year", "the first meeting since 2022": the year scopes the
    count, it does not date the event."""
    token = frame.trigger.token
    return any(c.dep_ == "amod" and c.lower_ in ORDINALS for c in token.children)


def _combine(frame: Frame, mentions: list[DateMention]) -> tuple[DateRange | None, list]:
    """The frame's date from the mentions it governs; the ones it does not use are returned."""
    if _counted(frame):
        mentions = [m for m in mentions if m.range.precision != "year"]
    # "until Thursday", "until 2030" bound the event: an end at most, never its first day
    ends = [m for m in mentions if m.range.start is None or m.bound in END_BOUNDS]
    starts = sorted(
        (m for m in mentions if m.range.start is not None and m.bound not in END_BOUNDS),
        key=lambda m: _distance(m.span.root, frame.trigger.token),
    )
    if not starts:
        return (ends[0].range if ends and ends[0].range.start is None else None), []
    best = _finest(starts[0].range, [m.range for m in starts[1:]])
    last = _last_day(ends[0].range) if ends else None
    if best.end is None and last and last >= best.start:
        best = DateRange(best.start, last, best.precision, best.basis)
    return best, starts[1:]


def _finest(best: DateRange, others: list[DateRange]) -> DateRange:
    """ "Earlier this month, on December 21": a day inside the month or year also given."""
    if best.precision not in _WIDTH or not best.start:
        return best
    width = _WIDTH[best.precision]
    inside = [
        r
        for r in others
        if r.precision == "day" and r.start and r.start[:width] == best.start[:width]
    ]
    return inside[0] if inside else best


_WIDTH = {"month": 7, "year": 4}


def _last_day(bound: DateRange) -> str | None:
    if bound.start is None:
        return bound.end
    return (bound.end or bound.start) if bound.precision == "day" else None


def assign_dates(frames: list[Frame], mentions: list[DateMention]) -> list[Dated]:
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
        elif (
            verb := _said_when(mention) or clause_verb(mention.span.root.head)
        ).lemma_.lower() not in REPORTING:
            floating.append((verb, mention))
        else:
            floating += [(c, mention) for c in verb.subtree if _simultaneous(c)]
            floating += [(c, mention) for c in _reported_next_to(verb, mention)]
    dated = []
    for frame in frames:
        best, spare = _combine(frame, owned[id(frame)])
        dated.append(Dated(frame, best))
        floating += [(frame.trigger.token, m) for m in spare]
    _purposes(dated)
    _where_clauses(dated)
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


def _where_clauses(dated: list[Dated]) -> None:
    """ "went to Oslo on Friday, where she met the mayor", "a visit, during which he held
    talks": an event of such a clause happened during the event it hangs from: there, and on
    its date (its month, if it took several days) unless the clause gives its own; a trip
    told without a day takes the day of what was done there."""
    for item in dated:
        verb = clause_verb(item.frame.trigger.token)
        clause = where_clause(verb) or _during_which(verb)
        if clause is None:
            continue
        above = {t.i for t in clause.ancestors}
        hosts = [d for d in dated if d is not item and any(a.i in above for a in d.frame.anchors)]
        if not hosts:
            continue
        host = hosts[0]
        item.frame.place = item.frame.place or host.frame.place
        if item.range is None:
            item.range = _within(host.range)
        elif host.range is None and host.frame.type == "visit" and item.range.precision == "day":
            host.range = item.range  # "flew on to Manila, where he met X on June 3": arrived


def _during_which(verb: Token) -> Token | None:
    """ "paid a state visit to Russia, during which he held talks": the clause, whose event
    happened within the one it hangs from."""
    if verb.dep_ != "relcl":
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("during", "in")):
        if any(o.lower_ == "which" for o in prep.children if o.dep_ == "pobj"):
            return verb
    return None


def _within(days: DateRange | None) -> DateRange | None:
    """The day of an event within another: its day, or its month when it took several."""
    if days is None or not days.end or days.end == days.start or days.precision != "day":
        return days
    return DateRange(days.start[:8] + "01", None, "month", days.basis)


def _said_when(mention: DateMention) -> Token | None:
    """ "X said on Friday he expects ...": a date right after a reporting verb is the day of
    the saying, wherever the parser hung it (here from "expects")."""
    doc, start = mention.span.doc, mention.span.start
    before = doc[start - 1] if start else None
    if before is not None and before.lower_ in ("on", "at") and start > 1:
        before = doc[start - 2]
    if before is not None and before.pos_ == "VERB" and before.lemma_.lower() in REPORTING:
        return before
    return None


def _reported_next_to(verb: Token, mention: DateMention) -> list[Token]:
    """ "X had a call with Y yesterday, state media reported": the parser hangs the date on
    the reporting verb, but it stands right after the reported clause and before the verb,
    so it is that clause's."""
    before = mention.span.start < verb.i
    return [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and before and c.right_edge.i + 1 == mention.span.start
    ]


def _simultaneous(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SIMULTANEOUS for c in clause.children
    )
