"""An article that announced an event before it happened does not bound the date of the
event once held (readout.snapshot.merge): "will attend the summit later this year" in April,
"arrived for the summit on Sunday" in August."""

from test_event_merge_dates import ev, merged

WHO = ("vladimir-putin",)


def test_a_preview_does_not_keep_the_held_summit_from_its_day():
    preview = ev("2025-01-01", "stated", kind="summit", status="planned", who=WHO, place=None)
    preview = preview.__class__(**{**preview.__dict__, "date_precision": "year"})
    held = ev("2025-08-31", "relative", kind="summit", who=WHO, place="Tianjin")
    rows, _ = merged(("april", preview), ("august", held),
                     published={"april": "2025-04-01", "august": "2025-08-31"})  # fmt: skip
    assert [(r["date"], r["date_precision"]) for r in rows] == [("2025-08-31", "day")]


def test_a_held_report_before_the_day_is_another_event():
    """ "held a call in 2022" in a February 2022 story is not the call of 30 December 2022."""
    earlier = ev("2022-01-01", "stated", kind="call", who=WHO + ("xi-jinping",), place=None)
    earlier = earlier.__class__(**{**earlier.__dict__, "date_precision": "year"})
    later = ev("2022-12-30", "relative", kind="call", who=WHO + ("xi-jinping",), place=None)
    rows, _ = merged(("feb", earlier), ("mar", later),
                     published={"feb": "2022-02-10", "mar": "2023-03-17"})  # fmt: skip
    assert sorted((r["date"], r["date_precision"]) for r in rows) == [
        ("2022-01-01", "year"),
        ("2022-12-30", "day"),
    ]
