"""Typed records passed between the stages of the pipeline.

Extractors return these; ``readout.snapshot.build`` turns them into the tables declared in
``readout.snapshot.schema``. Offsets are character offsets into the cleaned article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawArticle:
    """One article as read from disk, before cleaning."""

    file: str  # file name relative to the source folder ("coll.csv#3" for a collection row)
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD
    agency: str | None = None
    html: str | None = None  # original markup when the source was HTML


@dataclass
class Rejected:
    """An input that could not be used, with a reason a person can act on."""

    file: str
    reason: str


@dataclass
class CleanArticle:
    """An article after page furniture is removed; ``text`` is what every offset refers to."""

    file: str
    text: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    agency: str | None
    removed: list[str] = field(default_factory=list)  # furniture lines that were dropped


@dataclass
class MentionRecord:
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, TITLE
    actor_id: str | None


@dataclass
class StatementRecord:
    speaker_id: str | None
    speaker_text: str
    text: str
    kind: str  # one of schema.STATEMENT_KINDS
    start: int  # offsets of the quoted/reported text
    end: int
    date: str | None
    themes: list[str] = field(default_factory=list)
    addressee_id: str | None = None
    sent_start: int | None = None  # offsets of the sentence(s) carrying the statement
    sent_end: int | None = None
    phrases: list[str] = field(default_factory=list)  # its noun phrases (nlp/phrases.py)


@dataclass
class EventRecord:
    type: str  # visit | meeting | talks | call | summit
    participants: list[str]  # actor ids
    place: str | None
    date: str | None
    end_date: str | None
    date_precision: str  # day | month | year | unknown
    status: str  # held | planned
    start: int  # offsets of the sentence reporting it
    end: int
    trigger: str = ""
    date_basis: str = "none"  # one of schema.DATE_BASES


@dataclass
class NewActor:
    """A person found in an article but missing from the knowledge base."""

    actor_id: str
    name: str
    kind: str = "person"
    country: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class ArticleResult:
    """Everything the NLP stage extracted from one article."""

    mentions: list[MentionRecord]
    statements: list[StatementRecord]
    events: list[EventRecord]
    new_actors: list[NewActor] = field(default_factory=list)
    # (start, end) of each sentence spaCy found, in text order (the snapshot's ``sentences``)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # why the pipeline failed on this article (it is then left out of the snapshot, and the
    # build goes on); never cached
    error: str | None = None
