"""A bare family name is not the knowledge base's namesake when the article names someone
else with it (texts written for this test; the model may leave the full name untagged)."""

from readout.nlp.extensions import actor_spans


def _people(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.published = "2022-09-11"
    doc = nlp(doc)
    return [(s.text, s._.actor_id) for s in actor_spans(doc) if s.label_ == "PERSON"]


def test_a_family_name_with_another_given_name_is_another_person(nlp):
    text = (
        "BEIJING - Zhao Haoran, a deputy head of the provincial trade office, met Russian "
        "officials in Harbin on Tuesday.\n\nZhao said trade across the border was growing."
    )
    linked = dict(_people(nlp, text))
    assert linked.get("Zhao") not in (None, "zhao-lijian")


def test_the_known_person_keeps_a_bare_family_name(nlp):
    text = (
        "Chinese Foreign Ministry spokesman Zhao Lijian spoke on Tuesday.\n\n"
        "Zhao said Beijing would keep in touch with all sides."
    )
    assert ("Zhao", "zhao-lijian") in _people(nlp, text)
