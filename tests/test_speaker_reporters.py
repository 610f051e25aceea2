"""Speakers through a title the model tagged with the name ("PM Modi", tagged as one name or
as an organisation) and through a reporting clause ("X, who wrote that he had thanked ...").
Texts written for these tests, run through the whole pipeline."""

from conftest import analyse_text


def speakers(nlp, text: str) -> dict[str, str | None]:
    doc = analyse_text(nlp, text, "2025-09-01")
    return {s.text.strip(' ."'): s.speaker_id for s in doc._.statements if s.kind == "direct"}


def test_a_title_tagged_with_the_name_is_not_part_of_it(nlp):
    text = (
        "Prime Minister Narendra Modi met Vladimir Putin in Tianjin. In his opening remarks, "
        'PM Modi said, "We have discussed the conflict in Ukraine at length."'
    )
    assert speakers(nlp, text) == {
        "We have discussed the conflict in Ukraine at length": "narendra-modi"
    }


def test_the_pronoun_of_a_reported_clause_is_its_reporter(nlp):
    text = (
        "Vladimir Putin also held a call with Prime Minister Narendra Modi, who wrote that he "
        'had thanked Putin "for sharing the latest news from the talks."'
    )
    assert speakers(nlp, text) == {"for sharing the latest news from the talks": "narendra-modi"}
