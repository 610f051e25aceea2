"""Speaker resolution on texts written for the test: subjects, pronouns, role nouns,
institutions. Docs are annotated by hand (see ``test_quotes.annotate``)."""

from __future__ import annotations

import pytest
from test_quotes import BOTH, LAVROV, WANG, direct, plain_nlp, small_kb, statements

from readout.nlp.quotes.context import DocContext, sentence_units
from readout.nlp.quotes.cues import get_cues
from readout.nlp.quotes.speakers import SpeakerResolver

PUTIN = {"Vladimir Putin": "vladimir-putin", "Putin": "vladimir-putin"}


@pytest.fixture(scope="module", autouse=True)
def _model():
    plain_nlp()


def speakers(text: str, actors: dict[str, str], **options) -> list[tuple[str, str | None]]:
    """(kind, speaker id) of every statement, in text order."""
    _, records = statements(text, actors, **options)
    return [(r.kind, r.speaker_id) for r in records]


def test_coordinated_verb_inherits_the_subject():
    text = "Lavrov called the talks 'timely' and said relations showed 'real resilience'."
    assert speakers(text, LAVROV) == [("direct", "sergei-lavrov"), ("direct", "sergei-lavrov")]


def test_participle_clause_inherits_the_subject():
    text = "Wang praised the hosts, adding that both sides wanted a lasting settlement."
    assert speakers(text, BOTH) == [("indirect", "wang-yi")]


def test_pronoun_refers_to_an_earlier_subject_in_the_same_sentence():
    text = "Although Wang met Lavrov twice, he said progress on the plan was slow."
    assert speakers(text, BOTH) == [("indirect", "wang-yi")]


def test_pronoun_prefers_the_previous_subject_to_a_nearer_object():
    text = 'Wang met Lavrov in Moscow on Monday.\n\n"Our talks were useful," he told reporters.'
    assert speakers(text, BOTH) == [("direct", "wang-yi")]


def test_pronoun_chain_over_several_sentences():
    text = (
        "Wang landed in Moscow on Monday. He will also meet President Vladimir Putin, the "
        'Kremlin said.\n\n"We are ready to help," he told the state news agency.'
    )
    found = speakers(text, {**BOTH, **PUTIN, "the Kremlin": "kremlin"})
    assert found[-1] == ("direct", "wang-yi")


def test_pronouns_inside_quotes_are_not_antecedents():
    text = '"He is welcome here," Putin said of Wang.\n\n"We will meet again," he added.'
    found = speakers(text, {**WANG, **PUTIN})
    assert found == [("direct", "vladimir-putin"), ("direct", "vladimir-putin")]


def test_it_refers_to_a_country():
    text = "China denies arming either side. It says it supplies only civilian goods to Russia."
    _, records = statements(text, BOTH)
    assert [(r.speaker_text, r.speaker_id) for r in records] == [("It", "china")]
    assert records[0].text == "it supplies only civilian goods to Russia"


def test_role_noun_refers_to_a_person_holding_that_role():
    text = (
        "Xi Jinping received Sergei Lavrov in Beijing on Tuesday.\n\n"
        "The minister told reporters that the visit had been productive."
    )
    actors = {**LAVROV, "Xi Jinping": "xi-jinping", "Beijing": "china"}
    assert speakers(text, actors) == [("indirect", "sergei-lavrov")]


def test_role_noun_with_a_nationality_picks_that_country():
    text = (
        "Wang and Lavrov met in Minsk.\n\n"
        '"Nobody can isolate us," the Russian diplomat said afterwards.'
    )
    assert speakers(text, {**BOTH, "Russian": "russia"}) == [("direct", "sergei-lavrov")]


def test_role_noun_matches_how_the_person_was_described():
    text = (
        "Foreign ministry spokeswoman Mao Ning spoke after Wang Yi left.\n\n"
        '"The visit was a success," the spokeswoman said.'
    )
    found = speakers(text, {**WANG, "Mao Ning": "mao-ning"})
    assert found == [("direct", "mao-ning")]


def test_named_spokesperson_in_apposition_is_the_person():
    text = "China's Foreign Ministry spokesperson, Mao Ning, said the visit would deepen trust."
    actors = {"Mao Ning": "mao-ning", "China's Foreign Ministry": "chinese-foreign-ministry"}
    assert speakers(text, actors) == [("indirect", "mao-ning")]


def test_unnamed_spokesperson_falls_back_to_the_last_collective_actor():
    text = (
        "China did not mention Ukraine in its announcement.\n\n"
        "A spokesperson noted that the visit would cover regional issues of shared concern."
    )
    assert speakers(text, BOTH) == [("indirect", "china")]


def test_statement_noun_speaks_for_its_institution():
    text = "Relations have reached a new level, according to a Chinese Foreign Ministry statement."
    assert speakers(text, {"Chinese": "china"}) == [("indirect", "chinese-foreign-ministry")]


def test_relative_clause_speaker_is_the_noun_it_describes():
    text = "The plan was criticised by NATO officials, who said it lacked concrete measures."
    assert speakers(text, {"NATO": "nato"}) == [("indirect", "nato")]


def test_subject_in_another_paragraph_is_not_taken():
    """A headline without a full stop must not lend its subject to the next paragraph."""
    text = "Wang heads to Moscow for talks\n\nadding that the war must end soon."
    assert speakers(text, BOTH) == []


def test_sentence_units_split_at_paragraph_breaks():
    doc = plain_nlp()("Wang heads to Moscow\n\nLavrov welcomes him warmly in the capital.")
    units = [u.text.strip() for u in sentence_units(doc)]
    assert units == ["Wang heads to Moscow", "Lavrov welcomes him warmly in the capital."]


def test_quoted_as_saying_names_the_speaker_not_the_agency():
    text = 'Reuters quoted Lavrov as saying that Moscow saw "no basis" for new talks.'
    assert speakers(text, {**LAVROV, "Reuters": "reuters"}) == [("direct", "sergei-lavrov")]


def test_citing_names_the_speaker_not_the_agency():
    text = '"Security concerns must be taken seriously," the agency reported, citing Wang.'
    assert speakers(text, BOTH) == [("direct", "wang-yi")]


def test_passive_subject_is_not_the_speaker():
    text = "Wang was told that the visit would go ahead as planned next week."
    assert speakers(text, BOTH) == []


def test_paragraph_breaks_component_sets_sentence_starts_before_the_parser():
    import readout.nlp.quotes.paragraphs  # noqa: F401  (registers the component)

    nlp = plain_nlp()
    nlp.add_pipe("readout_paragraph_breaks", name="breaks_test", before="parser")
    try:
        doc = nlp("Wang tells Lavrov that talks will go on\n\nLavrov calls the meeting useful.")
    finally:
        nlp.remove_pipe("breaks_test")
    assert [s.root.text for s in doc.sents] == ["tells", "calls"]


def test_resolver_subject_of_and_resolve_directly():
    from test_quotes import annotate

    doc = annotate("Beijing said on Monday it would send an envoy.", {"Beijing": "china"})
    ctx = DocContext(doc, small_kb(), quoted=set())
    resolver = SpeakerResolver(ctx, get_cues_default(), None)
    said = next(t for t in doc if t.lemma_ == "say")
    speaker = resolver.speaker_of(said)
    assert (speaker.text, speaker.actor_id) == ("Beijing", "china")


def test_unresolved_speaker_keeps_its_text():
    _, records = statements("Western officials said the plan lacked any concrete measures.", {})
    [record] = records
    assert (record.speaker_id, record.speaker_text) == (None, "Western officials")


def test_direct_and_reported_records_are_in_text_order():
    text = 'Wang said talks would go on. "We stay in touch," Lavrov said.'
    _, records = statements(text, BOTH)
    assert [r.start for r in records] == sorted(r.start for r in records)
    assert [r.speaker_id for r in direct(records)] == ["sergei-lavrov"]


def get_cues_default():
    from readout import KNOWLEDGE_DIR

    return get_cues(str(KNOWLEDGE_DIR))


def test_the_ministry_refers_back_to_the_ministry_named_before():
    text = (
        "Wang Yi met Sergei Lavrov, China's Foreign Ministry said. "
        '"The talks were frank," the ministry said in a statement.'
    )
    actors = {**BOTH, "China's Foreign Ministry": "chinese-foreign-ministry"}
    assert ("direct", "chinese-foreign-ministry") in speakers(text, actors)


def test_the_statement_speaks_for_whoever_issued_it_before():
    text = (
        "Lavrov spoke to Wang Yi, the Kremlin said in a statement on Friday. "
        'According to the statement, Lavrov listed "the main obstacles to talks".'
    )
    actors = {**BOTH, "the Kremlin": "kremlin"}
    found = direct(statements(text, actors)[1])
    assert [r.speaker_id for r in found] == ["kremlin"]


def test_speech_verb_coordinated_inside_the_reported_clause_keeps_the_speaker():
    text = (
        'Lavrov said the meeting had gone "in a calm atmosphere" and warned '
        'others not to "spoil the progress".'
    )
    assert [r.speaker_id for r in direct(statements(text, LAVROV)[1])] == [
        "sergei-lavrov",
        "sergei-lavrov",
    ]


def test_subordinate_verb_after_a_quote_is_not_its_attribution():
    text = (
        "Wang Yi says the two sides are building 'a new kind of ties', "
        "as the Kremlin calls the plan a basis for talks."
    )
    found = direct(statements(text, {**WANG, "the Kremlin": "kremlin"})[1])
    assert [r.speaker_id for r in found] == ["wang-yi"]


def test_she_does_not_refer_to_a_man_already_called_he():
    text = (
        "Sergei Lavrov met Mao Ning on Monday. He said the talks were useful. "
        "Later, Lavrov criticised the plan. “It is a fair plan,” she said."
    )
    actors = {**LAVROV, "Mao Ning": "mao-ning"}
    assert [r.speaker_id for r in direct(statements(text, actors)[1])] == ["mao-ning"]


def test_honorific_gives_the_gender():
    text = "Ms Mao greeted Lavrov on Monday. Mr Lavrov thanked her. “We agree,” she said."
    actors = {**LAVROV, "Mr Lavrov": "sergei-lavrov", "Ms Mao": "mao-ning"}
    assert [r.speaker_id for r in direct(statements(text, actors)[1])] == ["mao-ning"]
