"""A visit is dated by its first day: "arrived on Monday" and two later reports of a meeting
there on Tuesday are one visit that began on Monday (readout.snapshot.merge)."""

from test_event_merge_dates import ev, merged

WHO = ("wang-yi",)


def test_a_visit_takes_its_first_day_not_the_day_most_reports_give():
    rows, _ = merged(
        ("a1", ev("2025-12-01", "relative", kind="visit", who=WHO, start=0)),
        ("a1", ev("2025-12-02", "relative", kind="visit", who=WHO, start=50)),
        ("a1", ev("2025-12-02", "relative", kind="visit", who=WHO, start=90)),
    )
    assert [(r["type"], r["date"]) for r in rows] == [("visit", "2025-12-01")]


def test_other_contacts_still_take_the_day_most_reports_give():
    rows, _ = merged(
        ("a1", ev("2025-12-01", "publication", start=0)),
        ("a2", ev("2025-12-02", "publication", start=0)),
        ("a3", ev("2025-12-02", "publication", start=0)),
    )
    assert [(r["type"], r["date"]) for r in rows] == [("meeting", "2025-12-02")]
