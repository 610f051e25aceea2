"""A title the article itself gives a name ("the country's top diplomat Wang Yi") names that
person everywhere in the article, whoever the knowledge base lists for the role that day
(texts written for this test)."""

from readout.nlp.extensions import actor_spans


def _titles(nlp, text: str, published: str) -> dict[str, str]:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    return {s.text: s._.actor_id for s in actor_spans(doc) if s.label_ == "TITLE"}


def test_a_headline_title_is_the_person_the_body_names(nlp):
    text = (
        "China's top diplomat pledges support in Paris visit\n\n"
        "PARIS - The country's top diplomat Wang Yi met French officials on Tuesday."
    )
    assert _titles(nlp, text, "2023-03-01") == {"China's top diplomat": "wang-yi"}


def test_without_a_name_the_title_is_the_role_holder_on_the_day(nlp):
    text = "China's foreign minister met French officials in Paris on Tuesday."
    assert _titles(nlp, text, "2023-03-01") == {"China's foreign minister": "qin-gang"}


def test_a_name_of_another_country_does_not_take_the_title(nlp):
    text = (
        "China's top diplomat meets his French counterpart\n\n"
        "France's top diplomat Catherine Colonna said on Tuesday that talks went well."
    )
    assert _titles(nlp, text, "2023-03-01").get("China's top diplomat") != "catherine-colonna"


def test_a_title_of_a_country_is_that_countrys(nlp):
    text = (
        "Minister of Foreign Affairs of France said on Monday that talks would go on.\n\n"
        "Xi held talks with President of the Russian Federation Vladimir Putin."
    )
    titles = _titles(nlp, text, "2025-06-11")
    assert titles == {"Minister of Foreign Affairs of France": "jean-noel-barrot"}


def test_a_bare_title_is_not_the_person_another_title_named(nlp):
    text = (
        "Dear President Putin, thank you for the invitation, Xi said.\n\n"
        "President of the People's Republic of China Xi Jinping arrived in Moscow."
    )
    assert "vladimir-putin" not in _titles(nlp, text, "2025-05-08").values()
