"""Merging events across and within articles, and grouping near-duplicate articles."""

from readout.knowledge import Actor, KnowledgeBase
from readout.snapshot.merge import merge_events
from readout.snapshot.records import EventRecord
from readout.snapshot.wire_copies import find_duplicates

KB = KnowledgeBase(
    actors={
        "russia": Actor("russia", "Russia", "country", "Russia", metonyms=["Moscow"]),
        "china": Actor("china", "China", "country", "China", metonyms=["Beijing"]),
    },
    titles={},
)


def ev(
    kind="visit",
    who=("wang-yi", "sergei-lavrov"),
    place="Moscow",
    date=None,
    end=None,
    precision=None,
    status="held",
    start=0,
) -> EventRecord:
    precision = precision or ("day" if date else "unknown")
    return EventRecord(kind, list(who), place, date, end, precision, status, start, start + 50)


def merged(*reports, published=None):
    rows, sources = merge_events(
        [(aid, e, f"sentence {e.start}") for aid, e in reports], published=published, kb=KB
    )
    return rows, sources


# --- across articles -----------------------------------------------------------------------


def test_one_visit_reported_by_two_articles_is_one_event_with_the_widest_dates():
    rows, sources = merged(
        ("a1", ev(place="Russia", date="2025-03-31", end="2025-04-02", status="planned")),
        ("a2", ev(place="Moscow", date="2025-03-31")),
    )
    assert len(rows) == 1
    row = rows[0]
    assert (row["date"], row["end_date"], row["date_precision"]) == (
        "2025-03-31", "2025-04-02", "day"
    )  # fmt: skip
    assert row["place"] == "Moscow"  # the city is more precise than its country
    assert row["status"] == "held"
    assert row["article_ids"] == ["a1", "a2"]
    assert {(s["article_id"], s["event_id"]) for s in sources} == {
        ("a1", row["event_id"]),
        ("a2", row["event_id"]),
    }


def test_the_most_precise_date_wins():
    rows, _ = merged(
        ("a1", ev(date="2025-03-01", precision="month")),
        ("a2", ev(date="2025-03-31")),
    )
    assert [(r["date"], r["date_precision"]) for r in rows] == [("2025-03-31", "day")]


def test_meetings_and_talks_are_one_family_visits_are_not():
    rows, _ = merged(
        ("a1", ev("meeting", date="2025-04-01")),
        ("a2", ev("talks", date="2025-04-01")),
        ("a3", ev("visit", date="2025-04-01")),
    )
    assert sorted(len(r["article_ids"]) for r in rows) == [1, 2]


def test_different_days_different_places_or_people_stay_apart():
    rows, _ = merged(
        ("a1", ev("meeting", date="2025-04-01")),
        ("a2", ev("meeting", date="2025-04-09")),
        ("a3", ev("meeting", date="2025-04-01", place="Beijing")),
        ("a4", ev("meeting", date="2025-04-01", who=["xi-jinping", "vladimir-putin"])),
    )
    assert len(rows) == 4


def test_participants_merge_when_one_set_contains_the_other():
    rows, _ = merged(
        ("a1", ev("meeting", who=["wang-yi"], date="2025-04-01")),
        ("a2", ev("meeting", who=["wang-yi", "sergei-lavrov"], date="2025-04-01")),
    )
    assert len(rows) == 1
    assert sorted(rows[0]["participants"]) == ["sergei-lavrov", "wang-yi"]


def test_undated_reports_merge_across_articles_only_when_published_close():
    reports = (("a1", ev("meeting", date="2025-04-01")), ("a2", ev("meeting")))
    assert len(merged(*reports)[0]) == 2  # no publication dates: no way to tell
    close = {"a1": "2025-04-01", "a2": "2025-04-03"}
    far = {"a1": "2025-04-01", "a2": "2025-06-03"}
    assert len(merged(*reports, published=close)[0]) == 1
    assert len(merged(*reports, published=far)[0]) == 2


def test_summits_merge_on_place_and_date_whoever_attends():
    rows, _ = merged(
        ("a1", ev("summit", who=["xi-jinping"], place="Kazan", date="2024-10-22")),
        ("a2", ev("summit", who=["narendra-modi"], place="Kazan", date="2024-10-22")),
    )
    assert len(rows) == 1
    assert sorted(rows[0]["participants"]) == ["narendra-modi", "xi-jinping"]


# --- within one article ----------------------------------------------------------------------


def test_the_meeting_mentioned_again_joins_the_dated_report():
    rows, sources = merged(
        ("a1", ev("meeting", place=None, date="2025-04-13", start=0)),
        ("a1", ev("meeting", who=["wang-yi"], place="Samarkand", start=300)),
    )
    assert len(rows) == 1
    assert (rows[0]["place"], rows[0]["date"]) == ("Samarkand", "2025-04-13")
    assert len(sources) == 2  # one evidence row per reporting sentence


def test_undated_talks_of_a_visitor_are_part_of_the_visit():
    # only talks with nobody new: a host is in a meeting of its own (the visit lists visitors)
    rows, _ = merged(
        ("a1", ev("visit", place="Russia", date="2025-03-31", status="planned")),
        ("a1", ev("talks", who=["wang-yi"], place=None, status="planned", start=200)),
    )
    assert [(r["type"], sorted(r["participants"])) for r in rows] == [
        ("visit", ["sergei-lavrov", "wang-yi"])
    ]


def test_a_planned_meeting_is_not_the_held_one_of_the_same_story():
    rows, _ = merged(
        ("a1", ev("meeting", who=["wang-yi", "jean-noel-barrot"], date="2025-03-27")),
        ("a1", ev("meeting", who=["wang-yi"], place=None, status="planned", start=300)),
    )
    assert len(rows) == 2


def test_a_stay_until_a_day_completes_the_visit():
    rows, _ = merged(
        ("a1", ev(who=["wang-yi"], place="Russia", date="2023-09-18")),
        ("a1", ev(who=["wang-yi"], place="Russia", end="2023-09-21", status="planned", start=99)),
    )
    assert [(r["date"], r["end_date"]) for r in rows] == [("2023-09-18", "2023-09-21")]


def test_two_events_from_one_sentence_give_one_evidence_row_each():
    same_sentence = [ev("meeting", date="2025-04-01"), ev("talks", date="2025-04-01")]
    rows, sources = merged(*(("a1", e) for e in same_sentence))
    assert len(rows) == 1 and len(sources) == 1


# --- ids --------------------------------------------------------------------------------------


def test_event_ids_are_stable_across_runs_and_input_order():
    reports = [
        ("a1", ev(date="2025-03-31", end="2025-04-02")),
        ("a2", ev("call", who=["xi-jinping", "vladimir-putin"], place=None, date="2025-02-01")),
        ("a3", ev(date="2025-03-31")),
    ]
    first = {r["event_id"] for r in merged(*reports)[0]}
    again = {r["event_id"] for r in merged(*reversed(reports))[0]}
    assert first == again and len(first) == 2


# --- near-duplicate articles -------------------------------------------------------------------

WIRE = (
    "China's foreign minister will visit Russia next week for talks on efforts to end the war in "
    "Ukraine, both countries announced on Friday. At the invitation of his Russian counterpart, "
    "the minister will pay an official visit from March 31 to April 2, a spokesperson said. "
    "During the visit he will meet Russian leaders and hold talks on bilateral relations and "
    "the most pressing issues on the international agenda, the ministry in Moscow said."
)


def article(aid, text, published):
    return {"article_id": aid, "text": text, "published": published}


def test_reprinted_wire_copy_points_to_the_earliest_publication():
    rows = [
        article("a3", "By AFP. " + WIRE + " Read more on our site.", "2025-03-29"),
        article("a1", WIRE, "2025-03-28"),
        article(
            "a2", "Unrelated story about grain exports and shipping rates in the Black Sea.", None
        ),
        article("a4", "MOSCOW - " + WIRE[:300], "2025-03-30"),
    ]
    assert find_duplicates(rows) == {"a3": "a1", "a4": "a1"}


def test_same_day_duplicates_point_to_the_smallest_id():
    rows = [article("b2", WIRE, "2025-03-28"), article("b1", WIRE + " More.", "2025-03-28")]
    assert find_duplicates(rows) == {"b2": "b1"}


def test_different_articles_on_the_same_topic_are_not_duplicates():
    other = (
        "Russia's top diplomat hosted his Chinese counterpart in Moscow on Tuesday, where the two "
        "discussed the war in Ukraine, energy supplies and trade, officials in Beijing said later."
    )
    assert find_duplicates([article("c1", WIRE, "2025-03-28"), article("c2", other, None)]) == {}


def test_talks_told_as_ahead_of_a_call_of_the_same_story_are_that_call():
    # "the spokesman said the two leaders would discuss Ukraine" in a story of their call
    call = ev("call", place=None, date="2022-12-30", start=0)
    ahead = ev("talks", place=None, status="planned", start=200)
    rows, _ = merged(("a1", call), ("a1", ahead))
    assert [(r["type"], r["date"]) for r in rows] == [("call", "2022-12-30")]
