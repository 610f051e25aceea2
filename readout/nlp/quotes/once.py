"""A statement is counted once.

News copy repeats itself: the headline quotes the words the body quotes again, a standfirst
repeats the lede, a sentence with a partial quote also reads as reported speech, and a report's
findings read like speech. Each of these would count one statement twice (or a finding as a
statement), and a speaker's count would disagree with the cards shown for them:

* the same words quoted twice for the same speaker (a headline or standfirst and the body)
  are one statement, kept where the body quotes them (the later place, with its sentence).
  Shorter words inside a longer quote stay: "'peace broker'" in a headline and "ready to act
  as a peace broker" in the body are two quotes, as an annotator counts them;
* a sentence holding a direct quote is not also a reported statement;
* what a report, an assessment or a survey "said" is a finding, not a statement.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from readout.knowledge import KnowledgeBase, fold
from readout.nlp.quotes.cues import Cues
from readout.snapshot.records import StatementRecord

_NOT_WORD = re.compile(r"[^\w]+")


def _norm(text: str) -> str:
    return _NOT_WORD.sub(" ", fold(text)).strip()


def _compatible(a: StatementRecord, b: StatementRecord, kb: KnowledgeBase) -> bool:
    """The same speaker, or one of the two has none or only a country/institution of the
    other's country (a headline abbreviates: "China FM", "Beijing")."""
    if a.speaker_id == b.speaker_id or a.speaker_id is None or b.speaker_id is None:
        return True
    x, y = kb.actors.get(a.speaker_id), kb.actors.get(b.speaker_id)
    if x is None or y is None:
        return False
    if (x.kind == "person") == (y.kind == "person"):
        return False
    person, other = (x, y) if x.kind == "person" else (y, x)
    return person.country in {other.name, other.country}


def once(records: list[StatementRecord], kb: KnowledgeBase) -> list[StatementRecord]:
    """Direct quotes counted once (see the module docstring); other records untouched."""
    direct = [r for r in records if r.kind == "direct"]
    dropped: set[int] = set()
    for n, earlier in enumerate(direct):
        words = _norm(earlier.text)
        for later in direct[n + 1 :]:
            if words == _norm(later.text) and _compatible(earlier, later, kb):
                _keep_speaker(later, earlier, kb)
                dropped.add(id(earlier))
                break
    return [r for r in records if id(r) not in dropped]


def _keep_speaker(kept: StatementRecord, dropped: StatementRecord, kb: KnowledgeBase) -> None:
    """The kept record takes the dropped one's speaker when that one is more specific."""
    mine = kb.actors.get(kept.speaker_id or "")
    theirs = kb.actors.get(dropped.speaker_id or "")
    more_specific = mine is None or (mine.kind != "person" and theirs.kind == "person")
    if theirs is not None and more_specific:
        kept.speaker_id, kept.speaker_text = dropped.speaker_id, dropped.speaker_text


def without_quoted_sentences(
    reported: list[StatementRecord], direct: list[StatementRecord]
) -> list[StatementRecord]:
    """Reported statements whose sentence holds no direct quote."""
    spans = [(r.start, r.end) for r in direct if r.kind == "direct"]
    return [
        r
        for r in reported
        if not any(r.sent_start <= start and end <= r.sent_end for start, end in spans)
    ]


def is_finding(doc: Doc, token: int, cues: Cues) -> bool:
    """The speaker phrase is headed by a document whose content is a finding ("an
    intelligence report", "according to media reports")."""
    head = doc[token]
    return head.lemma_.lower() in cues.findings or head.lower_ in cues.findings
