"""When an undated event happened, read from its clause: a main-clause event in the present,
progressive or present perfect is a same-day report and takes the publication day (the news
reader's reference time); past perfect, past, future and modal forms give no day. Also which
clauses report the story's own news (``main_clause``), as opposed to background.
"""

from __future__ import annotations

from spacy.tokens import Span

from readout.nlp.dates.mentions import SAME_DAY_ASPECTS, aspect_of, clause_verb
from readout.nlp.dates.resolve import DateRange, as_date
from readout.nlp.events.dating import Dated
from readout.nlp.events.duration import with_duration
from readout.nlp.events.frames import Frame
from readout.nlp.events.hedges import is_planned
from readout.nlp.events.lexicon import Lexicon
from readout.nlp.events.triggers import REPORTING

# Clause links by which a clause reports the story's own news: the main clause, its
# conjuncts, and what a reporting verb reports ("X says Y has met Z").
MAIN_CLAUSE_DEPS = ("ROOT", "conj", "ccomp", "parataxis", "xcomp")  # xcomp: "plans to meet"


def main_clause(frame: Frame, participles: bool = False) -> bool:
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


def same_day_report(frame: Frame, lex: Lexicon) -> bool:
    """A main-clause event in the present, progressive or present perfect with no date of its
    own ("is holding talks", "have begun their talks", a headline's "meets") happened on the
    day of the report. Past perfect, past, future and modal forms give no day."""
    if frame.trigger.role == "noun" and not held_by_verb(frame, lex):
        return False
    verb = clause_verb(frame.gov if frame.trigger.role == "noun" else frame.trigger.token)
    if aspect_of(verb) not in SAME_DAY_ASPECTS or is_planned(frame.trigger.token, lex):
        return False
    if _since(verb):
        return False  # "since X spoke on February 12, Y and Z have met": some time since
    if not main_clause(frame):
        return False
    return all(
        aspect_of(t.head) != "past_perfect"
        for t in [verb, *verb.ancestors]
        if t.dep_ in ("ccomp", "parataxis")
    )


def _since(verb) -> bool:
    """A "since" phrase or clause on the verb: a perfect spanning a period, not today's news."""
    for child in verb.children:
        if child.lower_ == "since" and child.dep_ == "prep":
            return True
        if child.dep_ == "advcl" and any(m.lower_ == "since" for m in child.children):
            return True
    return False


# Verbs of which a noun event is the subject and that say it is going on: "talks are under
# way", "the meeting took place", "talks began".
ONGOING_VERBS = {"be", "take", "begin", "start", "continue", "open", "resume", "get"}


def held_by_verb(frame: Frame, lex: Lexicon) -> bool:
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


def dated(item: Dated, sent: Span, lex: Lexicon, published) -> DateRange | None:
    """The frame's own date (with its stated duration), else the publication day of a
    same-day report."""
    span = with_duration(item.range, item.frame.trigger.token, sent, item.frame.gov)
    if span is not None and span.start:
        return span
    pub = as_date(published)
    if pub is not None and same_day_report(item.frame, lex):
        return DateRange(pub.isoformat(), span.end if span else None, "day", "publication")
    return span
