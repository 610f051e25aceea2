"""Headlines of live blogs and of labelled questions, on HAND-MADE pages (no line is taken
from a corpus or sample page)."""

from __future__ import annotations

from readout.ingest.clean import clean_article, explain, is_furniture
from readout.ingest.headline import before_entries, content_words, labelled
from readout.ingest.meta import infer_title
from readout.snapshot.records import RawArticle

LIVE_HEAD = "Baltic ports live: ferry strike spreads to Riga as unions reject offer"
ENTRY_1 = "Estonian minister to meet union leaders in Tallinn"
ENTRY_2 = "Finnish operators cancel evening sailings"
LIVE = [
    "Baltic ports live", "", LIVE_HEAD, "", "Kari Dahl (now) and Jon Berg (earlier)",
    "Mon 4 Mar 2024 18.10 CET", "",
    "18.10 CET", ENTRY_1, "",
    "The Estonian infrastructure minister will meet union leaders in Tallinn on Tuesday, "
    "his office said.", "",
    "The minister said the strike was costing the ports millions of euros every day.", "",
    "16.45 CET", ENTRY_2, "",
    "Two Finnish operators cancelled their evening sailings to Tallinn, union leaders said.",
]  # fmt: skip


def test_a_live_blog_headline_is_the_line_above_its_first_entry():
    # the first entry's own headline shares more words with the first entry than the page's
    assert infer_title(LIVE, is_furniture) == LIVE_HEAD
    article = clean_article(RawArticle(file="t.txt", text="\n".join(LIVE), title=LIVE_HEAD))
    assert article.text.count(LIVE_HEAD) == 1  # once, at the top: not also the first entry
    assert LIVE[10] in article.text and LIVE[-1] in article.text


def test_one_time_stamp_does_not_make_a_live_blog():
    candidates = [(0, "A line"), (5, "Another line")]
    assert before_entries(candidates, ["x", "", "09:30 GMT", "", "", "y"]) == candidates
    two = ["x", "", "09:30 GMT", "", "", "y", "08:15 GMT"]
    assert before_entries(candidates, two) == [(0, "A line")]


def test_running_times_of_videos_are_no_entry_stamps():
    candidates = [(0, "A line"), (5, "Another line")]
    assert before_entries(candidates, ["x", "", "03:41", "", "", "y", "01:12"]) == candidates


def test_without_a_candidate_above_the_entries_all_stay():
    candidates = [(5, "A line")]
    assert before_entries(candidates, ["09:30 GMT", "", "", "", "08:15 GMT", "y"]) == candidates


QUESTION = "Analysis | Why are Baltic ports losing cargo to Poland?"
PAGE = [
    "Business / Shipping", "", QUESTION, "", "By Kari Dahl", "",
    "Baltic ports lost a fifth of their container cargo to Polish rivals last year, "
    "figures released on Monday show.", "",
    "Port operators in Riga and Tallinn blame higher fees and slower rail links.",
]  # fmt: skip


def test_a_labelled_question_is_the_headline():
    assert infer_title(PAGE, is_furniture) == QUESTION
    assert ("headline", QUESTION) in explain("\n".join(PAGE))


def test_what_counts_as_a_labelled_headline():
    assert labelled(QUESTION)
    assert labelled("Opinion | The ports need a plan")
    assert not labelled("Why are Baltic ports losing cargo to Poland?")  # no label
    assert not labelled("Ports lose cargo to Poland | Baltic Shipping News Daily Today")
    assert not labelled("Explainer | Why?")  # too short after the label


def test_a_question_sentence_in_the_body_is_no_headline():
    page = [PAGE[6], "", "Why are Baltic ports losing cargo to Poland?", "", PAGE[8]]
    assert infer_title(page, is_furniture) is None


def test_long_function_words_are_not_content_words():
    assert content_words("Please turn this feature on with care") == {
        "please", "turn", "feature", "care",
    }  # fmt: skip
