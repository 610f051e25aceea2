"""Date expressions in a parsed text: found in a sentence, dated by the tense of their verb.

* ``find_dates(span, published)``: every expression inside a Span/Doc (a sentence, usually),
  each with its tokens, its tense (read from the governing verb) and its resolved range.
* ``date_for(token, published)``: the date of the clause a token belongs to ("said on
  Tuesday" -> that Tuesday), or None. For a statement pass the reporting verb.
* ``tense_of(token)``: ``past | present | future`` of the clause governing a token.

The expressions themselves are found by ``readout.nlp.dates.scanner`` and resolved by
``readout.nlp.dates.resolve``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from readout.nlp.dates.narrative import YEARLESS_KINDS, reference_for
from readout.nlp.dates.resolve import DateRange, as_date, resolve_kind, resolve_unanchored
from readout.nlp.dates.scanner import scan_dates
from readout.nlp.extensions import sentence_of, text_of

# Words that make the following date a bound rather than the time of the event.
BOUNDS = {"since", "by", "before", "after", "until", "till", "through", "ahead"}
FUTURE_HEADS = {
    "schedule", "set", "due", "expect", "plan", "intend", "go", "prepare", "slate", "poise",
    "aim", "hope", "agree", "be",
    # an order, a decision or a promise to meet is not yet the meeting
    "direct", "instruct", "task", "order", "authorize", "authorise", "decide", "arrange",
    "promise", "pledge", "vow",
}  # fmt: skip


@dataclass(frozen=True)
class DateMention:
    span: Span
    range: DateRange
    tense: str  # past | present | future, from the governing verb
    bound: str | None  # "since", "before", ... when the date bounds rather than dates


def clause_verb(token: Token) -> Token:
    """The verb governing a token: itself when it is one, else the nearest verbal head."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def tense_of(token: Token) -> str:
    """past | present | future of the clause governing ``token``.

    Future: will/shall/'ll/would ("said Li would travel" is future for the reader), "to"
    infinitives under schedule/plan/expect/be ("is scheduled to meet", "is to visit"),
    "going to". Past: a past-tense verb or auxiliary, a perfect ("has met").
    """
    verb = clause_verb(token)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "conj" and not auxes and verb.tag_ in ("VB", "VBG"):
        return tense_of(verb.head)  # "would travel ... and hold talks": hold shares "would"
    if any(a.lower_ in ("will", "shall", "'ll", "would", "wo") for a in auxes):
        return "future"
    head = verb.head
    if any(a.lower_ == "to" for a in auxes) and head.lemma_ in FUTURE_HEADS:
        # "went to Moscow to meet" is past; "is going to meet", "agreed to meet" are ahead
        return "past" if head.lemma_ == "go" and head.tag_ in ("VBD", "VBN") else "future"
    if verb.lemma_ in FUTURE_HEADS and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    if verb.dep_ == "pcomp" and head.lower_ == "to" and looks_forward(head.head):
        return "future"  # "looks forward to meeting him": still ahead, whatever the tense
    # headlines: "Putin to visit China", "Xi to meet Putin next week, Kremlin says"
    to_clause = verb.dep_ in ("ROOT", "ccomp", "parataxis") and any(a.lower_ == "to" for a in auxes)
    if to_clause and any(c.dep_ == "nsubj" for c in verb.children):
        return "future"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("advcl", "acl"):
        # a bare participle has no tense of its own: "will meet on March 20, followed by talks
        # on March 21" is ahead, "the talks, held on Monday" behind
        return "future" if tense_of(verb.head) == "future" else "past"
    if "Past" in verb.morph.get("Tense") and verb.tag_ == "VBD":
        return "past"
    if any("Past" in a.morph.get("Tense") or a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        return "past"
    return "present"


def looks_forward(verb: Token) -> bool:
    """ "looks forward to": what it governs is still ahead."""
    return any(c.lower_ == "forward" for c in verb.children) or verb.lower_ == "forward"


def aspect_of(token: Token) -> str:
    """The tense and aspect of the finite clause governing ``token``: ``present`` ("meets"),
    ``progressive`` ("is meeting"), ``present_perfect`` ("has met"), ``past_perfect`` ("had
    met"), ``past``, ``future`` (see ``tense_of``) or ``nonfinite`` ("to meet", "meeting")."""
    verb = clause_verb(token)
    tense = tense_of(verb)
    if tense == "future":
        return "future"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "conj" and not auxes and verb.tag_ in ("VBN", "VBG"):
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    have = [a for a in auxes if a.lemma_ == "have"]
    if have:
        return "past_perfect" if have[0].tag_ == "VBD" else "present_perfect"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        past = any(a.tag_ == "VBD" for a in auxes if a.lemma_ == "be")
        return "past" if past else "progressive"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"  # "is received by Xi"
    if tense == "past":
        return "past"
    return "nonfinite"


# Clauses whose event the reader takes as happening on the day of the report.
SAME_DAY_ASPECTS = {"present", "progressive", "present_perfect"}


# --- finding expressions in a parsed text --------------------------------------------------


def _bound(span: Span) -> str | None:
    before = span.doc[span.start - 1] if span.start > 0 else None
    first = span[0].lower_
    if first in BOUNDS:
        return first
    if before is not None and before.lower_ in BOUNDS:
        return before.lower_
    if before is not None and before.lower_ == "of" and span.start > 1:
        return "ahead" if span.doc[span.start - 2].lower_ == "ahead" else None
    return None


def find_dates(span: Span | Doc, published: str | date | None) -> list[DateMention]:
    """Every date expression in ``span``, resolved with the tense of its governing verb;
    with no publication date, only written-out ones (see ``_without_publication``)."""
    pub = as_date(published)
    doc = span if isinstance(span, Doc) else span.doc
    offset = 0 if isinstance(span, Doc) else span.start_char
    found = []
    for kind, start, end in scan_dates(text_of(span)):
        tokens = doc.char_span(offset + start, offset + end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            continue
        tense = tense_of(tokens.root)
        resolved = (
            resolve_kind(kind, tokens.text, pub, tense)
            if pub is not None
            else _without_publication(doc, kind, tokens.text, offset + start, tense)
        )
        if resolved is not None:
            found.append(DateMention(tokens, resolved, tense, _bound(tokens)))
    return found


def _without_publication(doc: Doc, kind: str, text: str, char: int, tense: str):
    """A date in a page with no publication date: one that states its year, or a written-out
    month and day in the year of the last date stated before it (``dates.narrative``)."""
    found = resolve_unanchored(kind, text, tense)
    if found is not None or kind not in YEARLESS_KINDS:
        return found
    reference = reference_for(doc, kind, text, char)
    if reference is None:
        return None
    # the year nearest the reference: a narrative runs on from its last date either way
    options = [resolve_kind(kind, text, reference, way) for way in ("past", "future")]
    options = [o for o in options if o is not None and o.start]
    return min(options, key=lambda o: abs(date.fromisoformat(o.start) - reference), default=None)


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return 99
    return up_a.index(common) + up_b.index(common)


def date_for(token: Token, published: str | date | None) -> DateRange | None:
    """The date of the clause ``token`` belongs to: the nearest expression in its sentence
    governed by the same verb ("X said on Tuesday" -> Tuesday), ignoring bounds ("since")."""
    verb = clause_verb(token)
    mentions = [
        m
        for m in find_dates(sentence_of(token), published)
        if m.bound is None and clause_verb(m.span.root.head) == verb and m.range.start
    ]
    if not mentions:
        return None
    return min(mentions, key=lambda m: _tree_distance(m.span.root, verb)).range
