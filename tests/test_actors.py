"""The actor linker on texts written for the test: names, surnames, variants, titles by date."""

from __future__ import annotations

import spacy
from conftest import analyse_text
from spacy.tokens import Doc, Span

from readout.nlp.actors.link import _relabel_people
from readout.nlp.extensions import actor_spans


def links(doc) -> list[tuple[str, str | None]]:
    return [(span.text, span._.actor_id) for span in actor_spans(doc)]


def test_surname_links_to_full_name_in_same_article(nlp):
    doc = analyse_text(nlp, "Foreign Minister Wang Yi landed in Paris. Later, Wang told reporters.")
    assert ("Wang", "wang-yi") in links(doc)


def test_honorific_belongs_to_the_mention(nlp):
    doc = analyse_text(nlp, "Wang Yi flew to Malta. Mr Wang met officials there on Saturday.")
    assert ("Mr Wang", "wang-yi") in links(doc)


def test_spelling_variant_links_to_canonical_actor(nlp):
    doc = analyse_text(nlp, "Sergey Lavrov arrived in Ankara for a short stay.")
    assert ("Sergey Lavrov", "sergei-lavrov") in links(doc)


def test_surname_the_model_tags_as_org_becomes_a_person(nlp):
    doc = analyse_text(nlp, "Sergei Lavrov spoke first. Lavrov said relations were strong.")
    lavrov = [s for s in actor_spans(doc) if s.text == "Lavrov"]
    assert lavrov and all(s.label_ == "PERSON" and s._.actor_id == "sergei-lavrov" for s in lavrov)


def test_title_resolves_to_the_holder_on_the_publication_date(nlp):
    text = "China's foreign minister will travel to Moscow."
    assert ("China's foreign minister", "qin-gang") in links(analyse_text(nlp, text, "2023-04-14"))
    assert ("China's foreign minister", "wang-yi") in links(analyse_text(nlp, text, "2025-03-28"))


def test_synonym_title_resolves_by_country_and_date(nlp):
    doc = analyse_text(nlp, "In Beijing, France's top diplomat urged restraint.", "2025-03-28")
    assert ("France's top diplomat", "jean-noel-barrot") in links(doc)


def test_title_followed_by_a_name_is_not_a_second_mention(nlp):
    doc = analyse_text(nlp, "Chinese Foreign Minister Qin Gang met reporters.", "2023-04-14")
    assert [t for t, _ in links(doc) if "Minister" in t] == []
    assert ("Qin Gang", "qin-gang") in links(doc)


def test_unknown_person_becomes_a_new_actor_and_surname_follows(nlp):
    doc = analyse_text(nlp, "Analyst Margarethe Kowalczyk wrote a note. Kowalczyk said more.")
    assert ("Margarethe Kowalczyk", "margarethe-kowalczyk") in links(doc)
    assert ("Kowalczyk", "margarethe-kowalczyk") in links(doc)
    assert [a.name for a in doc._.new_actors] == ["Margarethe Kowalczyk"]


def test_demonyms_and_capitals_link_to_countries(nlp):
    doc = analyse_text(nlp, "Russian officials said Beijing had been consulted.")
    assert ("Russian", "russia") in links(doc)
    assert ("Beijing", "china") in links(doc)


def test_lowercase_slug_is_not_a_country_mention(nlp):
    doc = analyse_text(nlp, "See the page chinas-visit-to-russia-next-week for more.")
    assert all(actor != "russia" for _, actor in links(doc))


def test_title_naming_its_own_institution_resolves(nlp):
    doc = analyse_text(nlp, "The Kremlin spokesman declined to comment.", "2025-03-28")
    assert ("Kremlin spokesman", "dmitry-peskov") in links(doc)


def test_title_with_several_holders_stays_unresolved(nlp):
    doc = analyse_text(nlp, "A foreign minister said the talks were useful.", "2025-03-28")
    assert all(span.label_ != "TITLE" for span in actor_spans(doc))


def test_curly_apostrophe_matches_an_alias_written_with_a_straight_one(nlp):
    doc = analyse_text(nlp, "China’s Foreign Ministry said the visit was planned.")
    assert ("China’s Foreign Ministry", "chinese-foreign-ministry") in links(doc)


def test_title_then_comma_then_name_is_the_name(nlp):
    text = "China’s Foreign Ministry spokesperson, Guo Jiakun, spoke on Monday."
    doc = analyse_text(nlp, text, "2025-03-31")
    assert all(span.label_ != "TITLE" for span in actor_spans(doc))
    assert ("Guo Jiakun", "guo-jiakun") in links(doc)


def test_name_described_as_a_fellow_in_apposition_is_a_new_person(nlp):
    text = (
        "For Henrike Olsson, a senior fellow at the Baltic Institute for Policy, a thinktank "
        "in Riga, the visit changed little. Olsson said so on Monday."
    )
    doc = analyse_text(nlp, text)
    assert ("Henrike Olsson", "henrike-olsson") in links(doc)
    assert all(s.label_ == "PERSON" for s in actor_spans(doc) if "Olsson" in s.text)


def test_name_after_a_role_noun_is_a_person():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["said", "economist", "Tarja", "Hollo", "."])
    assert _relabel_people([Span(doc, 2, 4, label="ORG")])[0].label_ == "PERSON"
    bank = Doc(vocab, words=["the", "Tarja", "Hollo", "bank", "said"])
    assert _relabel_people([Span(bank, 1, 3, label="ORG")])[0].label_ == "ORG"


def test_possessive_phrase_is_not_a_new_person(nlp):
    doc = analyse_text(nlp, "Trump’s Frustration with Both Leaders\n\nTrump spoke on Sunday.")
    assert all("Frustration" not in a.name for a in doc._.new_actors)
