"""Themes from the editable lexicon, on statements written for the test."""

from __future__ import annotations

import tomllib

import pytest
from test_quotes import BOTH, plain_nlp, statements

from readout import KNOWLEDGE_DIR
from readout.nlp.themes import (
    THEMES_FILE,
    Theme,
    ThemeLexicon,
    ThemeMatcher,
    load_themes,
    tag_themes,
)
from readout.snapshot.records import StatementRecord

REQUIRED = {
    "ceasefire", "peace_talks", "sovereignty", "sanctions", "nato_expansion", "nuclear",
    "food_security", "humanitarian", "bilateral_cooperation", "neutrality", "mediation",
    "multipolar_order",
}  # fmt: skip


@pytest.fixture(scope="module")
def matcher() -> ThemeMatcher:
    return ThemeMatcher(plain_nlp(), load_themes(KNOWLEDGE_DIR / THEMES_FILE))


def themes_of(text: str, matcher: ThemeMatcher, actors=BOTH) -> list[list[str]]:
    doc, records = statements(text, actors)
    return [r.themes for r in tag_themes(doc, records, matcher=matcher)]


def test_lexicon_has_every_theme_with_a_label_and_phrases():
    data = tomllib.loads((KNOWLEDGE_DIR / THEMES_FILE).read_text("utf-8"))
    assert set(data["themes"]) >= REQUIRED
    for key, spec in data["themes"].items():
        assert spec["label"] and spec["phrases"], key


def test_direct_quote_tagged_from_its_words(matcher):
    text = '"A ceasefire must come before any talk of sanctions relief," Lavrov said.'
    assert themes_of(text, matcher) == [["ceasefire", "sanctions"]]


def test_lemmas_match_other_word_forms(matcher):
    # "sanction" in the lexicon finds "sanctioned"; "negotiation" finds "negotiations"
    text = "Wang said firms sanctioned by Washington would keep trading and negotiations continue."
    [found] = themes_of(text, matcher)
    assert {"sanctions", "peace_talks"} <= set(found)


def test_case_is_ignored(matcher):
    text = "Lavrov said NATO EXPANSION to the east was the root of the conflict."
    assert themes_of(text, matcher)[0] == ["nato_expansion"]


def test_short_partial_quote_is_tagged_from_its_sentence(matcher):
    text = "Wang called the ceasefire proposal 'timely' and praised both sides."
    assert themes_of(text, matcher) == [["ceasefire"]]


def test_long_statement_is_tagged_from_its_own_words_only(matcher):
    text = (
        "On the grain corridor, Wang said that the two countries would deepen their "
        "cooperation in many fields over the coming years."
    )
    [found] = themes_of(text, matcher)
    assert "food_security" not in found


def test_statement_without_theme_phrases_gets_none(matcher):
    text = '"We had a good dinner and talked about the weather," Lavrov said.'
    assert themes_of(text, matcher) == [[]]


def test_custom_lexicon_order_and_no_duplicates():
    lexicon = ThemeLexicon(
        (Theme("b", "B", ("truce",)), Theme("a", "A", ("grain", "wheat"))), context_words=0
    )
    matcher = ThemeMatcher(plain_nlp(), lexicon)
    doc = plain_nlp()("Grain, wheat and a truce.")
    record = StatementRecord(None, "", doc.text, "direct", 0, len(doc.text), None)
    [tagged] = tag_themes(doc, [record], matcher=matcher)
    assert tagged.themes == ["b", "a"]


def test_missing_lexicon_file_tags_nothing(tmp_path):
    lexicon = load_themes(tmp_path / "absent.toml")
    assert lexicon.themes == ()
    matcher = ThemeMatcher(plain_nlp(), lexicon)
    doc = plain_nlp()("A ceasefire now.")
    record = StatementRecord(None, "", doc.text, "direct", 0, len(doc.text), None)
    assert tag_themes(doc, [record], matcher=matcher)[0].themes == []


def test_component_fills_statement_themes(tmp_path):
    (tmp_path / THEMES_FILE).write_text(
        '[themes.nuclear]\nlabel = "Nuclear risk"\nphrases = ["nuclear weapons"]\n', "utf-8"
    )
    nlp = plain_nlp()
    nlp.add_pipe("readout_themes", name="themes_test", config={"knowledge_dir": str(tmp_path)})
    try:
        doc = nlp.make_doc("He warned against the use of nuclear weapons in Ukraine.")
        doc._.statements = [StatementRecord(None, "", doc.text, "indirect", 0, len(doc.text), None)]
        doc = nlp(doc)
        assert doc._.statements[0].themes == ["nuclear"]
    finally:
        nlp.remove_pipe("themes_test")
