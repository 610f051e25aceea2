"""Merging events across articles without corrupting dates (readout.snapshot.merge): the merged date
is chosen by basis, then by sources; explicit conflicting dates and incompatible places block
a merge; a held event is never dated after its first report; each source keeps its reading."""

from test_merge import KB

from readout.snapshot.merge import merge_events
from readout.snapshot.records import EventRecord

WHO = ("wang-yi", "sergei-lavrov")


def ev(date=None, basis="none", place="Moscow", kind="meeting", status="held", start=0, who=WHO):
    precision = "day" if date else "unknown"
    return EventRecord(
        kind, list(who), place, date, None, precision, status, start, start + 40, "", basis
    )


def merged(*reports, published=None):
    return merge_events(
        [(aid, e, f"sentence {aid} {e.start}") for aid, e in reports], published=published, kb=KB
    )


def test_a_stated_date_beats_more_sources_with_a_publication_date():
    rows, _ = merged(
        ("a1", ev("2025-04-02", "publication")),
        ("a2", ev("2025-04-02", "publication")),
        ("a3", ev("2025-04-01", "stated")),
    )
    assert [(r["date"], r["date_basis"], len(r["article_ids"])) for r in rows] == [
        ("2025-04-01", "stated", 3)
    ]


def test_within_one_basis_the_date_most_sources_give_wins():
    rows, _ = merged(
        ("a1", ev("2025-04-01", "publication")),
        ("a2", ev("2025-04-01", "publication")),
        ("a3", ev("2025-04-02", "publication")),
    )
    assert [(r["date"], r["date_basis"]) for r in rows] == [("2025-04-01", "publication")]


def test_basis_order_stated_relative_anaphoric_publication():
    pairs = [("stated", "relative"), ("relative", "anaphoric"), ("anaphoric", "publication")]
    for better, worse in pairs:
        rows, _ = merged(("a1", ev("2025-04-01", worse)), ("a2", ev("2025-04-01", better)))
        assert [(r["date"], r["date_basis"]) for r in rows] == [("2025-04-01", better)], better
    rows, _ = merged(("a1", ev("2025-04-02", "publication")), ("a2", ev("2025-04-01", "anaphoric")))
    assert [(r["date"], r["date_basis"]) for r in rows] == [("2025-04-01", "anaphoric")]


def test_explicit_conflicting_dates_block_a_merge():
    rows, _ = merged(("a1", ev("2025-04-01", "stated")), ("a2", ev("2025-04-02", "relative")))
    assert len(rows) == 2


def test_incompatible_places_block_a_merge():
    rows, _ = merged(
        ("a1", ev(place="Moscow")),
        ("a2", ev(place="Beijing")),
        published={"a1": "2025-04-01", "a2": "2025-04-01"},
    )
    assert len(rows) == 2


def test_a_held_event_is_never_dated_after_the_earliest_report():
    rows, _ = merged(
        ("a1", ev("2025-04-01", "publication")),
        ("a2", ev("2025-04-02", "relative")),  # a better basis, but after the first report
        published={"a1": "2025-04-01", "a2": "2025-04-02"},
    )
    assert [(r["date"], r["date_basis"]) for r in rows] == [("2025-04-01", "publication")]


def test_each_source_keeps_its_own_date_and_place_and_disagreement_is_flagged():
    rows, sources = merged(
        ("a1", ev("2025-04-01", "stated", place="Moscow")),
        ("a2", ev("2025-04-02", "publication", place="Russia")),
    )
    assert len(rows) == 1 and rows[0]["sources_disagree"] is True
    assert sorted((s["article_id"], s["date"], s["place"]) for s in sources) == [
        ("a1", "2025-04-01", "Moscow"),
        ("a2", "2025-04-02", "Russia"),
    ]


def test_sources_that_agree_are_not_flagged():
    rows, _ = merged(("a1", ev("2025-04-01", "stated")), ("a2", ev("2025-04-01", "relative")))
    assert [r["sources_disagree"] for r in rows] == [False]


def test_undated_talks_between_the_people_of_a_call_are_that_call():
    rows, _ = merged(
        ("a1", ev("2025-04-01", "stated", place=None, kind="call")),
        ("a1", ev(None, place=None, kind="talks", start=200)),
    )
    assert [(r["type"], r["date"]) for r in rows] == [("call", "2025-04-01")]


def test_a_meeting_with_the_host_is_not_folded_into_the_visit():
    rows, _ = merged(
        ("a1", ev("2025-04-01", "stated", kind="visit", who=["wang-yi"])),
        ("a1", ev(None, place=None, start=200)),
    )
    assert sorted((r["type"], tuple(sorted(r["participants"]))) for r in rows) == [
        ("meeting", ("sergei-lavrov", "wang-yi")),
        ("visit", ("wang-yi",)),
    ]


def test_a_month_and_a_publication_day_apart_are_compared_without_days():
    month = EventRecord("meeting", list(WHO), "Moscow", "2025-03-01", None, "month", "held", 0, 9)
    month.date_basis = "relative"
    rows, _ = merged(("a1", month), ("a2", ev("2025-04-02", "publication")))
    assert sorted(r["date"] for r in rows) == ["2025-03-01", "2025-04-02"]


def test_a_later_day_of_a_visit_is_the_same_visit_a_week_later_is_not():
    arrival = ev("2025-03-31", "relative", kind="visit", who=["wang-yi"])
    rows, _ = merged(("a1", arrival), ("a2", ev("2025-04-01", "relative", kind="visit")))
    assert [(r["date"], len(r["article_ids"])) for r in rows] == [("2025-03-31", 2)]
    rows, _ = merged(("a1", arrival), ("a2", ev("2025-04-07", "relative", kind="visit")))
    assert len(rows) == 2
