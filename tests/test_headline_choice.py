"""Which line over the lede is the headline: hand-made pages with taglines, menus and the
outlet's own name over the story (no line is taken from a corpus or sample page)."""

from __future__ import annotations

import pytest

from readout.ingest.clean import clean_article, explain, is_furniture
from readout.ingest.headline import best, is_brand, menu_lines
from readout.ingest.meta import infer_title, is_sentence
from readout.snapshot.records import RawArticle

LEDE = [
    "Arctic fisheries ministers from Norway and Iceland signed a quota deal in Bergen on Monday.",
    "The agreement sets catches of cod and herring for the next five years, officials said.",
]
HEAD = "Norway and Iceland Sign Quota Deal in Bergen"


def title_of(lines: list[str], outlet: str | None = None) -> str | None:
    return infer_title(lines, is_furniture, outlet) if outlet else infer_title(lines, is_furniture)


def test_the_candidate_sharing_most_words_with_the_lede_wins():
    # the tagline shares one word ("arctic") with the lede; the headline shares many
    lines = ["Independent Arctic Broadcasting Service", "", HEAD, "", *LEDE]
    assert title_of(lines) == HEAD
    assert ("headline", HEAD) in explain("\n".join(lines))


def test_a_short_headline_beats_a_tagline_sharing_as_few_words():
    lede = "Putin welcomed Xi to the Kremlin on Tuesday for two days of talks, aides said."
    lines = ["Kremlin Watch Weekly Digest", "", "Xi Meets Putin", "", lede]
    assert title_of(lines) == "Xi Meets Putin"


def test_a_standfirst_under_the_headline_does_not_take_its_place():
    deck = "Arctic fisheries ministers agree cod and herring catches for five years in Bergen"
    assert title_of([HEAD, "", deck, "", *LEDE]) == HEAD


def test_ties_go_to_the_earliest_and_no_lede_keeps_the_first():
    assert best([(2, "Quota deal signed"), (5, "Quota deal signed again")], "the quota deal") == 2
    assert best([(1, "One Line Here"), (3, "Another Line Here")], "") == 1
    assert best([], "anything") is None


def test_a_line_in_a_menu_block_is_no_headline():
    # the menu item shares as many words with the lede as the headline does, and comes first
    menu = ["Arctic Fisheries Today", "Podcasts", "Weather", "Jobs"]
    lines = [*menu, "", HEAD, "", *LEDE]
    assert title_of(lines) == HEAD
    assert 0 in menu_lines(lines, is_sentence, is_furniture)


def test_a_headline_alone_between_blank_lines_is_a_candidate():
    lines = ["Podcasts", "", "Weather", "", "Arctic Fisheries Quota Agreed", "", *LEDE]
    assert title_of(lines) == "Arctic Fisheries Quota Agreed"
    assert menu_lines(lines, is_sentence, is_furniture) == set()


def test_a_headline_with_its_byline_and_date_is_no_menu():
    lines = [HEAD, "By Kari Dahl", "March 3, 2022", "", *LEDE]
    assert title_of(lines) == HEAD


@pytest.mark.parametrize(
    ("brand", "outlet"),
    [
        ("The Arctic Fisheries Herald", "arcticfisheriesherald.no"),
        ("The Arctic Fisheries Herald", "The Arctic Fisheries Herald"),
        ("South China Morning Post", None),  # a medium of actors.toml
    ],
)
def test_the_outlets_own_name_is_no_headline(brand, outlet):
    lede = [
        "Arctic fisheries officials in south China said on Monday morning that quotas were set.",
        LEDE[1],
    ]
    head = "China Sets Fisheries Quotas"
    assert is_brand(brand, outlet)
    assert title_of([brand, "", head, "", *lede], outlet) == head


def test_a_headline_naming_an_outlet_among_other_words_is_a_headline():
    assert not is_brand("Herald Reporters Win Press Award", "arcticfisheriesherald.no")


def test_a_title_that_is_only_the_sites_name_gives_way_to_the_text():
    brand = "The Arctic Fisheries Herald"
    text = "\n\n".join([brand, HEAD, *LEDE])
    raw = RawArticle(file="t.txt", text=text, title=brand, outlet="arcticfisheriesherald.no")
    cleaned = clean_article(raw)
    assert cleaned.title == HEAD
    assert cleaned.text.split("\n\n") == [HEAD, *LEDE]


@pytest.mark.parametrize("short", ["Nordic-Baltic talks", "Xi Meets Putin"])
def test_short_headlines_given_as_title_still_work(short):
    lines = ["Podcasts", "Weather", "Jobs", "", short, "", *LEDE]
    cleaned = clean_article(RawArticle(file="t.txt", text="\n".join(lines), title=short))
    assert cleaned.title == short
    assert cleaned.text.split("\n\n") == [short, *LEDE]
