"""Statements: direct, partial and reported speech with their speakers.

Direct quotes come from paired quotation marks (``quote_marks``) and are attributed by
``quote_attribution``; reported speech ("Guo emphasized that ...") comes from
``quote_reported``; speakers are resolved to actors by ``speakers``. Each statement is dated
by its reporting verb ("said on Tuesday") or else by the article's publication date.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from readout import KNOWLEDGE_DIR
from readout.knowledge import KnowledgeBase, fold
from readout.nlp.dates.mentions import date_for
from readout.nlp.dates.resolve import as_date
from readout.nlp.extensions import text_of, tokens_with_text
from readout.nlp.kb import get_knowledge
from readout.nlp.quotes.attribution import Attribution, Attributor, quote_tokens
from readout.nlp.quotes.context import DocContext
from readout.nlp.quotes.cues import Cues, get_cues
from readout.nlp.quotes.marks import Quote, find_quotes
from readout.nlp.quotes.once import is_finding, once, without_quoted_sentences
from readout.nlp.quotes.reported import Reported, according_clauses, speech_clauses
from readout.nlp.quotes.speakers import SpeakerResolver
from readout.nlp.quotes.terms import inner_tokens, is_term
from readout.snapshot.records import StatementRecord

# A quote nobody can be found to have said is kept only when it is long enough to be speech
# rather than a name, a title or scare quotes ("the 'Power of Siberia 2' pipeline").
MIN_WORDS_UNATTRIBUTED = 8
SENTENCE_END = {".", "!", "?", ":", "…", '"', "”", "’", "'"}  # a quote may close a sentence
_WORD = re.compile(r"\w+")


def extract_quotes(
    doc: Doc, *, kb: KnowledgeBase, cues: Cues | None = None
) -> list[StatementRecord]:
    """Direct and reported statements of ``doc`` in text order, with speakers and dates."""
    cues = cues or get_cues(str(KNOWLEDGE_DIR))
    quotes = find_quotes(text_of(doc), _possessive_marks(doc))
    tokens = {q: quote_tokens(doc, q) for q in quotes}
    quoted = {t.i for toks in tokens.values() for t in toks}
    ctx = DocContext(doc, kb, quoted)
    resolver = SpeakerResolver(ctx, cues, as_date(doc._.published))
    attributor = Attributor(doc, resolver, cues, quoted)
    reported = _indirect(doc, resolver, cues, quoted)
    direct = _direct(doc, quotes, tokens, attributor, cues, reported)
    terms = {r.start for r in direct if r.kind == "term"}
    if terms:  # "Kuleba said Kyiv backed the 'one China' principle": a name in marks is no quote
        named = {t.i for q in quotes if q.start in terms for t in tokens[q]}
        reported = _indirect(doc, resolver, cues, quoted - named)
    records = direct + without_quoted_sentences(reported, direct)
    records.sort(key=lambda r: (r.start, r.end))
    return once(prefer_specific_speakers(records, kb), kb)


def _possessive_marks(doc: Doc):
    """Offsets of single marks the parser reads as possessives ("countries' interests"):
    tagged POS, or hanging on a word that is itself a possessive modifier."""
    marks = {
        t.idx
        for t in tokens_with_text(doc, ("'", "’"))
        if t.tag_ == "POS" or (t.head.i == t.i - 1 and t.head.dep_ == "poss")
    }
    return marks.__contains__


# --- direct quotes ------------------------------------------------------------------------


def _direct(doc, quotes, tokens, attributor: Attributor, cues: Cues, reported):
    """One record per quote; reported statements may lend their speaker to a quote after.
    Names and scare quotes become terms (``quote_terms``)."""
    records: list[StatementRecord] = []
    text = text_of(doc)
    for quote in quotes:
        toks = tokens[quote]
        if not toks or not _WORD.search(quote.text(text)):
            continue
        found = attributor.attribute(quote, toks)
        if found.speaker is not None and is_finding(doc, found.speaker.token, cues):
            found = Attribution(None, None, "none", found.sent_start, found.sent_end)
        kind = "term" if _is_term(text, quote, toks, found, attributor, cues) else "direct"
        if kind == "direct" and found.how == "loose":  # a verb that is no cue said nothing
            found = Attribution(None, None, "none", found.sent_start, found.sent_end)
        speaker_id, speaker_text = _speaker_fields(found)
        previous = _previous(quote, [*records, *reported])
        if kind == "term":
            pass  # a name carries nobody's words on, and is kept with or without its user
        elif (
            found.speaker is None
            and previous
            and _continues(doc, quote, toks, previous, attributor)
        ):
            speaker_id, speaker_text = previous.speaker_id, previous.speaker_text
        elif found.speaker is None and _words(quote.text(text)) < MIN_WORDS_UNATTRIBUTED:
            continue
        records.append(
            StatementRecord(
                speaker_id=speaker_id,
                speaker_text=speaker_text,
                text=quote.text(text),
                kind=kind,
                start=quote.start,
                end=quote.end,
                date=_date(found.cue, doc._.published),
                addressee_id=_addressee(attributor.resolver, found.cue, speaker_id),
                sent_start=found.sent_start,
                sent_end=found.sent_end,
            )
        )
    return records


def _is_term(text: str, quote: Quote, toks, found: Attribution, attributor, cues: Cues) -> bool:
    inner = inner_tokens(toks, quote.start, quote.end)
    if not inner:
        return False
    sentence = list(attributor.ctx.sent_of(inner[0]))
    by_speech = found.how in {"verb", "according", "colon", "frame"}
    return is_term(text, quote.open_at, inner, sentence, cues, by_speech)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _previous(quote: Quote, records: list[StatementRecord]) -> StatementRecord | None:
    """The last statement with a speaker that ends before the quote opens (terms aside)."""
    before = [r for r in records if r.speaker_text and r.end <= quote.open_at and r.kind != "term"]
    return max(before, key=lambda r: r.end, default=None)


def _speaker_fields(found: Attribution) -> tuple[str | None, str]:
    if found.speaker is None:
        return None, ""
    return found.speaker.actor_id, found.speaker.text


def _continues(doc: Doc, quote: Quote, toks: list[Token], previous, attributor: Attributor):
    """A quote opening a paragraph, or a new sentence, goes on with the previous speaker."""
    prev_paragraph = attributor.paragraph_of(previous.end)
    paragraph = attributor.paragraph_of(quote.open_at)
    starts_paragraph = attributor.paragraphs[paragraph][0] == quote.open_at
    if starts_paragraph:
        return paragraph - prev_paragraph in {0, 1}
    before = toks[0].i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    starts_sentence = before < 0 or doc[before].text in SENTENCE_END
    return starts_sentence and paragraph == prev_paragraph


def _addressee(resolver: SpeakerResolver, cue: Token | None, speaker_id: str | None):
    return resolver.addressee_of(cue, speaker_id) if cue is not None else None


def _date(cue: Token | None, published: str | None) -> str | None:
    """The day the sentence gives for the reporting verb, else the publication date."""
    if cue is not None:
        found = date_for(cue, published)
        if found is not None and found.precision == "day" and found.start:
            return found.start
    return published


# --- reported speech ----------------------------------------------------------------------


def _indirect(doc: Doc, resolver: SpeakerResolver, cues: Cues, quoted: set[int]):
    clauses = speech_clauses(doc, resolver, cues, quoted)
    taken = {t.i for r in clauses for t in r.sentence}
    clauses += according_clauses(doc, resolver, cues, quoted, taken)
    return [
        _indirect_record(r, doc._.published, resolver)
        for r in clauses
        if not is_finding(doc, r.speaker.token, cues)  # a report's finding is no statement
    ]


def _indirect_record(r: Reported, published: str | None, resolver) -> StatementRecord:
    return StatementRecord(
        speaker_id=r.speaker.actor_id,
        speaker_text=r.speaker.text,
        text=r.content.text,
        kind="indirect",
        start=r.content.start_char,
        end=r.content.end_char,
        date=_date(r.cue, published),
        addressee_id=_addressee(resolver, r.cue, r.speaker.actor_id),
        sent_start=r.sentence.start_char,
        sent_end=r.sentence.end_char,
    )


# --- one speaker for words said once --------------------------------------------------------


def prefer_specific_speakers(records: list[StatementRecord], kb: KnowledgeBase):
    """Headlines abbreviate speakers ("China calls for '...'"): when the same words are quoted
    elsewhere from a person of that country, the person said them."""
    for record in records:
        actor = kb.actors.get(record.speaker_id or "")
        if record.kind != "direct" or actor is None or actor.kind != "country":
            continue
        words = fold(record.text).strip(" .,")
        if len(words.split()) < 2:  # one word may be anyone's
            continue
        for other in records:
            person = kb.actors.get(other.speaker_id or "")
            if other is record or other.kind != "direct" or person is None:
                continue
            if (
                person.kind == "person"
                and person.country == actor.name
                and words in fold(other.text)
            ):
                record.speaker_id = person.id
                break
    return records


@Language.factory(
    "readout_quotes",
    requires=["doc.sents", "doc.spans"],
    assigns=["doc._.statements"],
    default_config={"knowledge_dir": str(KNOWLEDGE_DIR)},
)
def make_quotes(nlp: Language, name: str, knowledge_dir: str):
    kb = get_knowledge(knowledge_dir)
    cues = get_cues(knowledge_dir)

    def component(doc: Doc) -> Doc:
        doc._.statements = extract_quotes(doc, kb=kb, cues=cues)
        return doc

    return component
