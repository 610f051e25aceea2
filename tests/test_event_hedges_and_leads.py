"""More event rules, each on sentences written for this test: denials reach through a noun
"reports"; an object pronoun is not its own clause's subject; a perfect "since" something is
not today's news; a delegation is the person leading it; "headed by" is no journey; names of
two known people run together are not a new person."""

from test_events import events, nlp  # noqa: F401  (nlp is a fixture)

from readout.nlp.extensions import actor_spans


def _found(nlp, text):  # noqa: F811
    return [(e.type, sorted(e.participants), e.date) for e in events(nlp, text)]


def test_a_denial_of_reports_hedges_the_meeting_they_describe(nlp):  # noqa: F811
    text = "Lavrov denied media reports that a meeting between Xi and Putin was being planned."
    assert _found(nlp, text) == []


def test_an_object_pronoun_is_not_the_subject_of_its_clause(nlp):  # noqa: F811
    text = "Trump said on Friday that Xi had called him about trade."
    assert [f[:2] for f in _found(nlp, text)] == [("call", ["donald-trump", "xi-jinping"])]


def test_a_perfect_since_an_earlier_event_is_not_dated_today(nlp):  # noqa: F811
    text = "Since Xi and Putin spoke by phone on June 2, Wang Yi and Lavrov have met in Moscow."
    found = _found(nlp, text)
    assert ("call", ["vladimir-putin", "xi-jinping"], "2025-06-02") in found
    assert ("meeting", ["sergei-lavrov", "wang-yi"], None) in found


def test_a_delegation_headed_by_someone_is_that_person(nlp):  # noqa: F811
    text = "Lavrov held talks on Monday with a Chinese delegation headed by Wang Yi in Geneva."
    assert _found(nlp, text) == [("talks", ["sergei-lavrov", "wang-yi"], "2025-06-09")]


def test_names_of_two_known_people_run_together_are_no_new_person(nlp):  # noqa: F811
    from readout.nlp.pipeline import build_nlp

    full = build_nlp()
    doc = full.make_doc("Trump hosts Putin Zelensky talks at the White House on Monday.")
    doc._.published = "2025-06-11"
    doc = full(doc)
    assert "putin-zelensky" not in {s._.actor_id for s in actor_spans(doc)}
