"""Dates on pages without a publication date, and dates the parser hangs in the wrong place
(sentences written for this test).

* A yearless day with its weekday ("Thursday, March 16") takes the one year, from the latest
  the page writes to three after it, in which that day is that weekday.
* "on Thursday, March 16 - ..." belongs to the verb its preposition hangs from, even when the
  parser hangs "March 16" from a later verb.
* "two weeks after X met Y" counts from X's meeting: it gives the meeting no date of its own.
"""

from datetime import date

import pytest
from conftest import analyse_text
from spacy.tokens import Doc

from readout.nlp.dates.mentions import DateMention
from readout.nlp.dates.narrative import latest_year, weekday_day
from readout.nlp.dates.resolve import DateRange
from readout.nlp.events.dating import _date_root


def events(nlp, text: str, published: str | None):
    return analyse_text(nlp, text, published)._.events


def undated_page_calls(nlp, text: str) -> list[tuple]:
    return [(e.date, e.date_precision) for e in events(nlp, text, None) if e.type == "call"]


BACKGROUND = "The ministers last spoke in May 2022."


@pytest.mark.parametrize(
    ("expression", "latest", "expected"),
    [
        ("Thursday, March 16", 2022, date(2023, 3, 16)),  # 2023 is the one in 2022-2025
        ("Tuesday 25 June", 2022, date(2024, 6, 25)),
        ("Friday, the 3rd of May", 2023, date(2024, 5, 3)),
        ("Monday, March 16", 2021, None),  # no Monday 16 March from 2021 to 2024
        ("Friday, February 29", 2022, None),  # 29 February 2024 is a Thursday
        ("March 16", 2022, None),  # no weekday: no year from it
        ("Thursday, March 16, 2023", 2022, None),  # states its year: resolved as such
    ],
)
def test_a_weekday_dates_a_yearless_day(expression, latest, expected):
    assert weekday_day("day", expression, latest) == expected


def test_the_latest_year_is_never_in_the_future():
    text = "Trade should double by 2030, after a dip in 2022 and growth in 2024."
    assert latest_year(text, now=date(2025, 6, 1)) == 2024


def test_an_undated_page_dates_a_call_by_its_weekday(nlp):
    text = f"Wang Yi spoke by phone with Sergei Lavrov on Thursday, March 16.\n\n{BACKGROUND}"
    assert undated_page_calls(nlp, text) == [("2023-03-16", "day")]


def test_an_undated_page_without_any_year_leaves_the_weekday_day_undated(nlp):
    text = "Wang Yi spoke by phone with Sergei Lavrov on Thursday, March 16."
    assert undated_page_calls(nlp, text) == [(None, "unknown")]


def test_the_weekday_day_is_the_reference_of_a_later_yearless_day(nlp):
    text = (
        "Wang Yi spoke by phone with Sergei Lavrov on Thursday, March 16.\n\n"
        f"Wang also called Dmytro Kuleba on March 2.\n\n{BACKGROUND}"
    )
    assert sorted(undated_page_calls(nlp, text)) == [("2023-03-02", "day"), ("2023-03-16", "day")]


def test_a_date_opened_by_a_preposition_hangs_where_the_preposition_does(nlp):
    # A parse the small model gives: "Thursday" under "on" (under "spoke"), "March 16"
    # under the other verb, "confirmed", which is nearer the root.
    words = ["Wang", "spoke", "on", "Thursday", ",", "March", "16", ",", "Kyiv", "confirmed"]
    heads = [1, 9, 1, 2, 1, 9, 5, 9, 9, 9]
    deps = ["nsubj", "ccomp", "prep", "pobj", "punct", "npadvmod", "nummod", "punct", "nsubj",
            "ROOT"]  # fmt: skip
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    mention = DateMention(doc[3:7], DateRange("2023-03-16", None, "day", "stated"), "past", None)
    assert mention.span.root.text == "March"  # what spaCy takes for the date's head
    assert _date_root(mention).text == "Thursday"  # whose head "on" hangs from "spoke"
    doc = Doc(nlp.vocab, words=["met", "on", "March", "16"], heads=[0, 0, 1, 2],
              deps=["ROOT", "prep", "pobj", "nummod"])  # fmt: skip
    mention = DateMention(doc[2:4], DateRange("2023-03-16", None, "day", "stated"), "past", None)
    assert _date_root(mention).text == "March"  # one subtree: its own root


def test_a_count_after_which_a_clause_follows_is_not_counted_from_the_last_day(nlp):
    text = (
        "Wang Yi spoke by phone with Sergei Lavrov on March 16.\n\n"
        "The call came two weeks after Wang met Dmytro Kuleba in Munich on March 2."
    )
    found = events(nlp, text, published="2023-03-20")
    [meeting] = [e for e in found if e.type in ("meeting", "talks")]
    assert meeting.date == "2023-03-02"
