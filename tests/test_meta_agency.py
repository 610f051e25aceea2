"""A wire agency read from a text's byline, credit, dateline or lede, and the outlet it gives
a story whose outlet is unknown. Every text here is made up for the test."""

from __future__ import annotations

import pytest

from readout.ingest import meta
from readout.ingest.clean import is_furniture
from readout.ingest.meta_merge import complete
from readout.ingest.sources import read_file
from readout.snapshot.records import RawArticle

HEADLINE = "Envoys meet again over the grain corridor"
LEDE = "The two envoys met for three hours on Thursday and agreed to talk again next month."


def story(*lines: str) -> str:
    return "\n\n".join([HEADLINE, *lines]) + "\n"


# (how the text credits the agency, the text, agency read, outlet when nothing else says it)
CASES = [
    ("byline", story("By Reuters", LEDE), "Reuters", "Reuters"),
    ("byline, spelt out", story("By Agence France-Presse", LEDE), "AFP", "AFP"),
    ("byline, reporter and agency", story("By Ana Lima, Reuters", LEDE), "Reuters", "Reuters"),
    ("byline, lower case", story("by AFP", LEDE), "AFP", "AFP"),
    ("credit line", story(LEDE, "(AP)"), "AP", "AP"),
    ("credit line with a dash", story(LEDE, "— AFP"), "AFP", "AFP"),
    ("dateline", story("ANKARA (AP) — " + LEDE), "AP", "AP"),
    ("dateline with a date", story("OSLO, May 2 (Reuters) - " + LEDE), "Reuters", "Reuters"),
    ("lede cites it", story("The envoys met on Thursday, Reuters reported."), "Reuters", None),
    ("lede, long name", story("The talks ended, the Associated Press reported."), "AP", None),
    ("lede, reported by", story("The visit was first reported by AFP on Friday."), "AFP", None),
    ("no agency", story("By Ana Lima", LEDE), None, None),
    ("state media", story("The envoys met, state media reported on Friday."), None, None),
    ("a word, not an agency", story("Officials said the rap reported nothing new."), None, None),
]


@pytest.mark.parametrize(("how", "text", "agency", "outlet"), CASES, ids=[c[0] for c in CASES])
def test_the_agency_is_read_from_the_text(how, text, agency, outlet):
    assert meta.infer_metadata(text, is_furniture)["agency"] == agency


@pytest.mark.parametrize(("how", "text", "agency", "outlet"), CASES, ids=[c[0] for c in CASES])
def test_a_wire_story_of_unknown_outlet_is_the_agency_s(how, text, agency, outlet):
    article = complete(RawArticle(file="a.txt", text=text), {}, is_furniture)
    assert (article.agency, article.outlet) == (agency, outlet)


OUTLETS = [
    ("the outlet in metadata.csv wins", {"outlet": "Daily Example"}, None, "Daily Example"),
    ("the address names the outlet", {}, "https://www.example-news.com/a/1", "example-news.com"),
    ("an agency in metadata.csv", {"agency": "Kyodo"}, None, "Kyodo"),
]


@pytest.mark.parametrize(("why", "row", "url", "outlet"), OUTLETS, ids=[o[0] for o in OUTLETS])
def test_a_known_outlet_is_kept(why, row, url, outlet):
    text = story("The two envoys met again, Ana Lima writes.") if row.get("agency") else None
    article = RawArticle(file="a.txt", text=text or story("By Reuters", LEDE), url=url)
    assert complete(article, row, is_furniture).outlet == outlet


def test_an_imported_text_file_credited_to_reuters_is_reuters(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(story("By Reuters", LEDE), encoding="utf-8")
    (article,), rejected = read_file(path, 100_000)
    assert rejected == [] and (article.outlet, article.agency) == ("Reuters", "Reuters")
