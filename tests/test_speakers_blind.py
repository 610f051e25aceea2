"""Speaker rules found on unseen real-style articles, each tested on sentences written here:
participles hung on a reported clause, speech nouns before a colon, a person reporting their own
country's stance, role nouns far from their antecedent, speakers the model did not tag, and
family names written first. Quote tests use hand-annotated docs (``test_quotes.annotate``);
the linker test runs the full pipeline."""

from __future__ import annotations

import pytest
from conftest import analyse_text
from test_quotes import BOTH, LAVROV, WANG, direct, plain_nlp, statements

from readout.nlp.extensions import actor_spans

XI = {"Xi Jinping": "xi-jinping", "Xi": "xi-jinping"}
FRANCE = {"France": "france", "French": "france", "Paris": "france"}


@pytest.fixture(scope="module", autouse=True)
def _model():
    plain_nlp()


def quote_speakers(text: str, actors: dict[str, str]) -> list[str | None]:
    _, records = statements(text, actors)
    return [r.speaker_id for r in direct(records)]


def new_actor_ids(text: str, actors: dict[str, str]) -> tuple[list, list[str]]:
    doc, records = statements(text, actors)
    return [r.speaker_id for r in direct(records)], [a.actor_id for a in doc._.new_actors or []]


# --- a participle after a comma belongs to the main clause -------------------------------------


def test_participle_hung_on_the_reported_clause_is_the_main_subject():
    text = (
        "Lavrov did not exclude that Wang might travel to Kazan, informing journalists on "
        'Tuesday that "the schedule is still open."'
    )
    assert quote_speakers(text, BOTH) == ["sergei-lavrov"]


def test_participle_with_its_own_subject_clause_is_unchanged():
    text = 'Wang met Lavrov in Kazan, saying that "the door to talks is open."'
    assert quote_speakers(text, BOTH) == ["wang-yi"]


# --- a speech noun before a colon introduces its content ---------------------------------------


def test_post_before_a_colon_is_its_authors():
    text = 'Lavrov reacted with a message on his channel aimed at Paris: "Come and see it."'
    assert quote_speakers(text, {**LAVROV, **FRANCE}) == ["sergei-lavrov"]


def test_owned_statement_before_a_colon_is_its_owners():
    text = 'Wang\'s letter to the summit ended with one line: "Dialogue is the only road ahead."'
    assert quote_speakers(text, WANG) == ["wang-yi"]


def test_colon_without_a_speech_noun_gives_no_speaker_by_itself():
    text = 'Lavrov arrived in Paris with a simple aim: "talks first and nothing else."'
    assert "sergei-lavrov" not in quote_speakers(text, {**LAVROV, **FRANCE})


# --- a person reporting their own country's stance -----------------------------------------------


def test_person_saying_what_their_country_welcomed_is_the_speaker():
    text = 'Wang said China praised every "sincere initiative" for a settlement.'
    assert quote_speakers(text, BOTH) == ["wang-yi"]


def test_person_reporting_another_countrys_words_leaves_them_to_it():
    text = 'Wang said Russia called the proposal a "serious step" toward a settlement.'
    assert quote_speakers(text, BOTH) == ["russia"]


# --- a role noun reaches back past captions and the other side -------------------------------


def test_role_noun_reaches_past_several_unrelated_sentences():
    text = (
        "Foreign Minister Sergei Lavrov met Wang in Kazan on Monday. Lavrov arrived late.\n\n"
        "Photo: pool. The hall was full. Flags lined the walls. Guards stood outside. "
        "Cars waited.\n\n"
        '"Our contacts are getting more frequent," the Russian minister said.'
    )
    assert quote_speakers(text, {**BOTH, "Russian": "russia"}) == ["sergei-lavrov"]


def test_role_noun_of_another_country_does_not_take_the_nearer_person():
    text = (
        "Wang met Lavrov in Kazan on Monday. Wang spoke briefly.\n\n"
        '"Our contacts are getting more frequent," the Russian minister said.'
    )
    assert quote_speakers(text, {**BOTH, "Russian": "russia"}) == ["sergei-lavrov"]


# --- a speaker the model did not tag --------------------------------------------------------------


def test_untagged_described_name_becomes_a_new_person():
    text = (
        '"Neither capital wants to move first," said Tan Ruohai, a lecturer at the China '
        "Academy of Regional Affairs."
    )
    speakers, new = new_actor_ids(text, {"China": "china"})
    assert speakers == ["tan-ruohai"] and "tan-ruohai" in new


def test_untagged_name_without_a_description_stays_unknown():
    text = '"Neither capital wants to move first," said Tan Ruohai of the China Academy.'
    speakers, new = new_actor_ids(text, {"China": "china"})
    assert "tan-ruohai" not in new


# --- family names written first -------------------------------------------------------------------


def test_bare_family_name_links_to_the_new_full_name_not_a_namesake(nlp):
    text = (
        "Qin Lei, a lecturer at Nankai University, said the talks had gone well. "
        "Qin said more rounds were likely before the summer."
    )
    doc = analyse_text(nlp, text)
    links = {(s.text, s._.actor_id) for s in actor_spans(doc)}
    assert ("Qin", "qin-lei") in links and ("Qin", "qin-gang") not in links


def test_bare_family_name_still_links_to_the_known_person(nlp):
    doc = analyse_text(nlp, "Qin Gang met reporters in Beijing. Qin said relations were good.")
    assert ("Qin", "qin-gang") in {(s.text, s._.actor_id) for s in actor_spans(doc)}
