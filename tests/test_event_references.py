"""Who and when an event phrase refers to (sentences written for this test): a pronoun in an
opening adverbial is the main clause's subject, "they" the people just named together, an
unnamed envoy's trip is never the speaker's, and a count of weeks before a noun, or an
approximate one, gives no day."""

from test_events import events, nlp  # noqa: F401  (nlp is a fixture)


def _found(nlp, text):  # noqa: F811
    return [(e.type, sorted(e.participants), e.date) for e in events(nlp, text)]


def test_a_pronoun_in_an_opening_adverbial_is_the_main_subject(nlp):  # noqa: F811
    text = "Lavrov spoke. Speaking at the end of his visit, Wang Yi said ties were good."
    visits = [e for e in events(nlp, text) if e.type == "visit"]
    assert [v.participants for v in visits] == [["wang-yi"]]


def test_they_are_the_people_named_together_before(nlp):  # noqa: F811
    text = "Xi and Putin signed a treaty when they met in Moscow on Monday."
    assert ("meeting", ["vladimir-putin", "xi-jinping"], "2025-06-09") in _found(nlp, text)


def test_an_unnamed_envoys_trip_is_not_the_speakers(nlp):  # noqa: F811
    text = "Wang Yi said the envoy had explained China's position during the trip."
    assert [f for f in _found(nlp, text) if f[0] == "visit"] == []


def test_weeks_before_a_noun_count_from_that_noun(nlp):  # noqa: F811
    text = "Xi met Putin in Moscow on June 2, three weeks before the vote."
    assert ("meeting", ["vladimir-putin", "xi-jinping"], "2025-06-02") in _found(nlp, text)
    approximate = "Xi met Putin in Moscow on June 2. Less than a week later, Wang Yi met Lavrov."
    later = [e for e in events(nlp, approximate) if "wang-yi" in e.participants]
    assert [e.date_precision for e in later] in ([], ["month"], ["unknown"])  # never a day


def test_a_name_in_apposition_to_the_subject_is_the_pronouns_antecedent(nlp):  # noqa: F811
    text = (
        "Lavrov spoke to Wang Yi on Monday. On Tuesday, France's foreign minister, "
        "Jean-Noel Barrot, made a visit to Kyiv, where he met Zelensky."
    )
    found = _found(nlp, text)
    # the meeting of the "where" clause is on the visit's day
    assert ("meeting", ["jean-noel-barrot", "volodymyr-zelensky"], "2025-06-10") in found
    assert not [f for f in found if f[0] == "meeting" and "sergei-lavrov" in f[1]]


def test_a_long_official_title_ends_in_its_holders_name(nlp):  # noqa: F811
    text = (
        "Lavrov held talks in Moscow on Monday with Special Representative of the Government "
        "of the People's Republic of China on Eurasian Affairs Wang Yi, the ministry said."
    )
    assert ("talks", ["sergei-lavrov", "wang-yi"], "2025-06-09") in _found(nlp, text)
