"""The app's pure pieces: the prepared snapshot, the filters, text highlighting and comparison."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard import compare
from dashboard.cards import CARD_STYLE, card_html, same_sentence, sentence_card, statement_cards
from dashboard.filtering import Filters, apply_filters, date_bounds
from dashboard.model import precision_label, prepare
from dashboard.palette import OKABE_ITO, UNKNOWN, country_colors
from dashboard.text import Span, highlight_html, md_escape, shared_phrases, theme_label
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def snap(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("filters") / "snapshot")
    return prepare(read_snapshot(folder), read_manifest(folder))


def ids(frame: pd.DataFrame, column: str) -> set[str]:
    return set(frame[column])


# --- the prepared snapshot -------------------------------------------------------------


def test_statements_carry_speaker_names_outlet_and_sentence(snap):
    row = snap.statements.set_index("statement_id").loc["a-ms-s6"]
    assert row["speaker"] == "Wang Yi" and row["speaker_country"] == "China"
    assert row["outlet"] == "Morning Star"
    assert row["context"].startswith("Wang Yi said China firmly opposes")
    assert snap.statements.set_index("statement_id").loc["a-f24-s3", "copy_of"] == "a-ewn"


def test_events_have_spans_names_and_countries(snap):
    ev = snap.events.set_index("event_id")
    assert ev.loc["e-visit", "end"] == pd.Timestamp("2025-04-02")
    assert ev.loc["e-call", "participant_names"] == ["Vladimir Putin", "Xi Jinping"]
    assert ev.loc["e-malta", "countries"] == ["China", "United States"]
    assert ev.loc["e-visit", "n_sources"] == 2


def test_dates_read_like_a_person_writes_them():
    day, end = pd.Timestamp("2025-03-31"), pd.Timestamp("2025-04-02")
    assert precision_label(day, end, "day") == "31 Mar – 2 Apr 2025"
    assert precision_label(pd.Timestamp("2025-03-01"), None, "month") == "March 2025"
    assert precision_label(day, day, "day") == "31 Mar 2025"
    assert precision_label(pd.NaT, None, "unknown") == "date unknown"


def test_articles_count_what_was_found(snap):
    art = snap.articles.set_index("article_id")
    assert art.loc["a-ewn", "n_statements"] == 2 and art.loc["a-ewn", "n_events"] == 1


# --- filters ---------------------------------------------------------------------------


def test_no_filter_is_the_whole_snapshot(snap):
    assert apply_filters(snap, Filters()) is snap


def test_date_range(snap):
    view = apply_filters(snap, Filters(start=date(2025, 1, 1)))
    assert len(view.articles) == 4
    assert "e-malta" not in ids(view.events, "event_id")
    assert "e-call" in ids(view.events, "event_id")  # February 2025 overlaps


def test_events_overlapping_the_range_are_kept(snap):
    view = apply_filters(snap, Filters(start=date(2025, 4, 2), end=date(2025, 4, 30)))
    assert ids(view.events, "event_id") == {"e-visit"}  # 31 Mar – 2 Apr


def test_actor_filter(snap):
    view = apply_filters(snap, Filters(actors=("qin-gang",)))
    assert ids(view.articles, "article_id") == {"a-scmp"}
    assert ids(view.statements, "speaker_id") == {"qin-gang"}
    assert view.events.empty


def test_country_filter_includes_addressees(snap):
    view = apply_filters(snap, Filters(countries=("United States",)))
    assert ids(view.events, "event_id") == {"e-malta"}
    assert ids(view.statements, "speaker_id") == {"jake-sullivan"}
    russia = apply_filters(snap, Filters(actors=("russia",)))
    assert "jake-sullivan" in ids(russia.statements, "speaker_id")  # addressed Russia


def test_event_type_theme_outlet_and_search(snap):
    assert ids(apply_filters(snap, Filters(event_types=("call",))).events, "event_id") == {"e-call"}
    nato = apply_filters(snap, Filters(themes=("nato",))).statements
    assert list(nato["speaker_id"]) == ["wang-yi"]
    ewn = apply_filters(snap, Filters(outlets=("EWN",)))
    assert ids(ewn.articles, "outlet") == {"EWN"}
    assert ids(ewn.events, "event_id") == {"e-talks"}
    malta = apply_filters(snap, Filters(text="malta"))
    assert ids(malta.articles, "article_id") == {"a-ms"}
    assert ids(malta.events, "event_id") == {"e-malta"}


def test_filtered_tables_stay_consistent(snap):
    view = apply_filters(snap, Filters(outlets=("imp.news",)))
    assert set(view.mentions["article_id"]) <= set(view.articles["article_id"])
    assert set(view.event_sources["event_id"]) <= set(view.events["event_id"])
    assert len(view.actors) == len(snap.actors)  # names always resolvable


def test_date_bounds_cover_everything_dated(snap):
    assert date_bounds(snap) == (date(2023, 4, 14), date(2025, 4, 2))


# --- text is data, never markup -------------------------------------------------------


def test_highlighting_escapes_article_text():
    text = 'Wang <script>alert("x")</script> & "Lavrov"'
    out = highlight_html(text, [Span(0, 4, "#D55E00", "Wang Yi (China)")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.startswith("<mark") and "&amp;" in out


def test_nested_spans_are_all_marked():
    text = "China is ready to play a constructive role"
    spans = [Span(0, 42, kind="quote"), Span(25, 42, kind="shared"), Span(0, 5, "#D55E00")]
    out = highlight_html(text, spans)
    assert out.count("<b") >= 1 and "constructive role</mark>" in out and ">China</mark>" in out


def test_cards_escape_titles_and_refuse_odd_links():
    card = card_html("body", {"title": "<img src=x>", "outlet": "A&B", "url": "javascript:x"})
    assert "<img" not in card and "&lt;img" in card and "javascript" not in card
    assert "A&amp;B" in card


def test_sentence_card_highlights_actors(snap):
    card = sentence_card(snap, "a-scmp", 0, 55)
    assert ">Qin Gang</mark>" in card and ">Sergei Lavrov</mark>" in card
    assert "South China Morning Post" in card


def test_statements_of_one_sentence_share_a_card(snap):
    """Two quoted phrases of one sentence by one speaker: one card, both in bold."""
    row = snap.statements.set_index("statement_id").loc["a-ms-s6"]
    sentence = snap.text_of(row["article_id"])[int(row["sent_start"]) : int(row["sent_end"])]
    first, second = row.copy(), row.copy()
    first["start"], first["end"] = row["sent_start"], row["sent_start"] + 7  # "Wang Yi"
    second["start"], second["end"] = row["sent_end"] - 8, row["sent_end"] - 1
    elsewhere = snap.statements[snap.statements["article_id"] != row["article_id"]]
    other = elsewhere.set_index("statement_id").iloc[0]
    rows = pd.DataFrame([first, second, other]).reset_index(names="statement_id")
    cards = statement_cards(snap, rows.itertuples())
    assert cards.count(CARD_STYLE) == 2  # the sentence once, the other statement apart
    one = cards.split(CARD_STYLE)[1]
    assert one.count('<b title="the statement">') == 2, one
    assert sentence[-8:-1] in one and sentence[:7] in one
    assert same_sentence(rows.iloc[[0, 2, 1]].itertuples()) != same_sentence(rows.itertuples())


def test_markdown_is_escaped():
    assert md_escape("*bold* [link](x) :red[y] $1") == r"\*bold\* \[link\]\(x\) \:red\[y\] \$1"


def test_shared_phrases_need_two_content_words():
    a = "China is willing to play a constructive role in peace talks"
    b = "ready to play a constructive role in ending the conflict"
    assert "constructive role" in shared_phrases(a, b)
    assert shared_phrases("the role of the state", "a role for them") == []


def test_theme_labels():
    assert theme_label("peace_talks") == "Peace talks"
    assert theme_label("nato") == "NATO"
    assert theme_label("nato_expansion") == "NATO expansion"


def test_country_colours_are_okabe_ito_and_stable():
    colors = country_colors(["Russia", "China", "Ukraine", "France", None])
    assert colors["China"] == OKABE_ITO["vermillion"] and colors["Russia"] == OKABE_ITO["blue"]
    assert colors["Unknown"] == UNKNOWN
    assert colors == country_colors(["France", "Ukraine", "China", "Russia"])


# --- comparison -------------------------------------------------------------------------


def test_compare_aligns_by_theme_and_links_shared_wording(snap):
    names = dict(zip(snap.actors["actor_id"], snap.actors["name"], strict=True))
    groups = compare.by_speaker(snap.statements, ["wang-yi", "guo-jiakun"], names)
    assert compare.theme_rows(groups)[0] == "peace_talks"
    linked = compare.links(groups)
    assert "constructive role" in compare.phrases_of("a-mt-s0", linked)
    assert list(compare.cell(groups[0], "peace_talks")["date"]) == ["2025-04-01", "2025-04-01"]


def test_compare_periods_split_one_speaker(snap):
    early, late = compare.by_period(snap.statements, "wang-yi", date(2024, 1, 1), "Wang Yi")
    assert len(early.rows) == 1 and len(late.rows) == 3
    assert early.label == "Wang Yi, before 1 Jan 2024"


def test_rare_countries_share_a_grey_other_entry():
    from dashboard.palette import OTHER, OTHER_COLOR, legend_group

    countries = ["China"] * 9 + ["France"] * 5 + ["India"] * 4 + ["Canada"] * 3 + ["Chad"]
    colors = country_colors(countries)
    assert len({colors[c] for c in ("France", "India", "Canada")}) == 3
    assert colors["Chad"] == OTHER_COLOR and legend_group("Chad", colors) == OTHER
    assert legend_group("China", colors) == "China"
