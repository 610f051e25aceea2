"""The snapshot's table schema, declared once and used by the writer and the reader.

Columns named in ARCHITECTURE.md are the contract; extra columns are additions.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 6  # 2: ``corrected`` on articles, actors, statements, events
# 3: ``date_basis`` and ``sources_disagree`` on events, each source's ``date``/``place``
# 4: ``phrases`` on statements
# 5: ``disagree_on`` on events; a source's ``date`` at its precision ("2025-03": a month)
# 6: ``sentences``: each article's sentence spans as spaCy found them

# How an event's date was found, surest first (the merge prefers the first): written out in
# the text, worked out from an expression against the publication date ("on Tuesday"), taken
# from an earlier date of the article ("the same day"), the publication day of a same-day
# report, or no date at all.
DATE_BASES = ("stated", "relative", "anaphoric", "publication", "none")
# Event types, the order filters and forms list them in: contacts, then a formal statement
# (a joint statement, a declaration, a letter) that named people issued.
EVENT_TYPES = ("visit", "meeting", "talks", "call", "summit", "statement")
# Statement kinds: a quotation, reported speech, and a quoted name of a thing or scare quote
# ("a 'no limits' partnership"), which is a speaker's vocabulary, not something said.
STATEMENT_KINDS = ("direct", "indirect", "term")

_str = pa.string()
_strs = pa.list_(pa.string())
_int = pa.int64()

TABLES: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", _str),
            ("file", _str),
            ("title", _str),
            ("outlet", _str),
            ("url", _str),
            ("published", _str),
            ("text", _str),
            ("n_words", _int),
            ("duplicate_of", _str),
            ("agency", _str),
            ("corrected", pa.bool_()),
        ]
    ),
    "actors": pa.schema(
        [
            ("actor_id", _str),
            ("name", _str),
            ("kind", _str),
            ("country", _str),
            ("aliases", _strs),
            ("in_knowledge_base", pa.bool_()),
            ("corrected", pa.bool_()),
        ]
    ),
    "roles": pa.schema(
        [
            ("actor_id", _str),
            ("role", _str),
            ("of", _str),
            ("start", _str),
            ("end", _str),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", _str),
            ("start", _int),
            ("end", _int),
            ("text", _str),
            ("label", _str),
            ("actor_id", _str),
        ]
    ),
    "statements": pa.schema(
        [
            ("statement_id", _str),
            ("article_id", _str),
            ("speaker_id", _str),
            ("speaker_text", _str),
            ("text", _str),
            ("kind", _str),
            ("start", _int),
            ("end", _int),
            ("date", _str),
            ("themes", _strs),
            ("addressee_id", _str),
            ("sent_start", _int),
            ("sent_end", _int),
            ("phrases", _strs),  # its noun phrases ("political settlement"): the dossier's
            ("corrected", pa.bool_()),
        ]
    ),
    "events": pa.schema(
        [
            ("event_id", _str),
            ("type", _str),  # one of EVENT_TYPES
            ("participants", _strs),
            ("place", _str),
            ("date", _str),
            ("end_date", _str),
            ("date_precision", _str),
            # how the date was found: one of DATE_BASES (null on rows made by hand or by
            # corrections)
            ("date_basis", _str),
            ("status", _str),
            # its sources give different dates or places (each source's own: event_sources)
            ("sources_disagree", pa.bool_()),
            ("disagree_on", _strs),  # what they read apart: "date", "place"
            ("article_ids", _strs),
            ("corrected", pa.bool_()),
        ]
    ),
    # One row per (event, reporting sentence): the evidence behind each event.
    "event_sources": pa.schema(
        [
            ("event_id", _str),
            ("article_id", _str),
            ("start", _int),
            ("end", _int),
            ("text", _str),
            # this source's own reading of the event's date at its precision ("2025-04-01",
            # "2025-03" for a month, "2025"), or null
            ("date", _str),
            ("place", _str),  # and of its place
        ]
    ),
    # One row per sentence of each article, in text order, as spaCy split it: the one
    # definition of a sentence (the app finds co-mentions with it, it has no spaCy).
    "sentences": pa.schema(
        [
            ("article_id", _str),
            ("start", _int),
            ("end", _int),
        ]
    ),
}

TABLE_NAMES = tuple(TABLES)

# Optional columns: rows that leave them out get this value (rows set by corrections only).
DEFAULTS: dict[str, object] = {"corrected": False, "sources_disagree": False}


def empty_table(name: str) -> pa.Table:
    return TABLES[name].empty_table()


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) to a table with exactly the declared columns, in order."""
    schema = TABLES[name]
    columns = {f.name: [row.get(f.name, DEFAULTS.get(f.name)) for row in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)
