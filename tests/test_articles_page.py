"""The Articles page: missing fields never print as nan/None/NaT, the Actors column counts
distinct actors, and the copy column names the article a copy repeats."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from dashboard.cards import card_html
from tests.fixtures_snapshot import fixture_rows, write_fixture
from tests.test_statements_page import page_runner, texts

MISSING = re.compile(r"\b(nan|NaN|None|NaT|<NA>)\b")


def _imp_news_unknown(rows: dict) -> None:
    """imp.news's article with no outlet, agency, url or date."""
    article = next(a for a in rows["articles"] if a["article_id"] == "a-imp")
    article.update(outlet=None, agency=None, url=None, published=None)
    for row in rows["statements"]:
        if row["article_id"] == "a-imp":
            row["date"] = None


@pytest.fixture
def unknown_outlet(tmp_path, monkeypatch):
    return page_runner(write_fixture(tmp_path / "snap", edit=_imp_news_unknown), monkeypatch)


@pytest.fixture(scope="module")
def fixture_dir(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("articles") / "snapshot")


@pytest.fixture
def open_page(fixture_dir, monkeypatch):
    return page_runner(fixture_dir, monkeypatch)


def _cells(at) -> list[str]:
    """Every cell of the articles table as the grid shows it (a null as the placeholder)."""
    table, proto = at.dataframe[0].value, at.dataframe[0].proto
    shown = table.astype(object).where(table.notna(), proto.placeholder or "None")
    return [str(v) for column in shown.columns for v in shown[column]]


def test_an_article_without_outlet_or_agency_prints_no_nan(unknown_outlet):
    at = unknown_outlet("views/articles.py", article="a-imp")
    shown = texts(at) + "\n" + "\n".join(h.value for h in at.header)
    assert "**Unknown outlet** · no date" in shown
    assert "via" not in shown and "[original]" not in shown  # omitted, not "via nan"
    assert not MISSING.findall(shown), MISSING.findall(shown)
    assert "Unknown outlet" in _cells(at)
    assert not [c for c in _cells(at) if MISSING.search(c)]
    labels = at.selectbox(key="article_pick").options
    assert (
        "Wang Yi's Moscow Visit Highlights China's Neutral Stance — Unknown outlet, no date"
        in labels
    )


def test_its_statements_print_no_nan_on_the_statements_page(unknown_outlet):
    at = unknown_outlet("views/statements.py", cell="wang-yi|sovereignty")
    shown = texts(at)
    assert "sovereignty and territorial integrity" in shown
    assert "<b>Unknown outlet</b> · no date" in shown
    assert not MISSING.findall(shown), MISSING.findall(shown)


def test_the_agency_is_named_when_known(open_page):
    shown = texts(open_page("views/articles.py", article="a-ewn"))
    assert "via AFP" in shown


def test_the_actors_column_counts_distinct_actors(open_page):
    at = open_page("views/articles.py")
    table = at.dataframe[0].value
    mentions = fixture_rows()["mentions"]
    titles = {a["title"]: a["article_id"] for a in fixture_rows()["articles"]}
    for title, actors in zip(table["Title"], table["Actors"], strict=True):
        linked = [m for m in mentions if m["article_id"] == titles[title] and m["actor_id"]]
        assert actors == len({m["actor_id"] for m in linked})
    moscow_times = table.loc[table["Title"].str.startswith("China's Foreign Minister"), "Actors"]
    assert list(moscow_times) == [7]  # seven actors, mentioned more often
    config = json.loads(at.dataframe[0].proto.columns)
    assert "Distinct actors" in config["Actors"]["help"]
    assert "Mentions" not in table.columns


def test_the_copy_column_names_the_article_copied(open_page):
    at = open_page("views/articles.py")
    table = at.dataframe[0].value
    copies = dict(zip(table["Title"], table["Copy of"], strict=True))
    assert copies["China ready for 'constructive role' on Ukraine, says FM"] == "EWN, 1 Apr 2025"
    assert {v for t, v in copies.items() if not t.startswith("China ready")} == {""}
    config = json.loads(at.dataframe[0].proto.columns)
    assert "wire copy or near-duplicate" in config["Copy of"]["help"]
    shown = texts(open_page("views/articles.py", article="a-f24"))
    assert "Near-duplicate of **Beijing ready for" in shown and "EWN, 1 Apr 2025" in shown


def test_a_card_names_a_missing_outlet_and_title():
    article = pd.Series({"title": pd.NA, "outlet": float("nan"), "url": None, "published": pd.NaT})
    card = card_html("body", article, extra="Wang Yi")
    assert "<b>Unknown outlet</b> · no date · <i>untitled</i> · Wang Yi" in card
    assert not MISSING.findall(card)


def _no_copies(rows: dict) -> None:
    for article in rows["articles"]:
        article.pop("duplicate_of", None)


def test_no_copy_column_when_no_article_is_a_copy(tmp_path, monkeypatch):
    folder = write_fixture(tmp_path / "snap", edit=_no_copies)
    at = page_runner(folder, monkeypatch)("views/articles.py")
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["Copy of"].get("hidden") is True
    assert config["Title"]["width"] > 290  # its room goes to the titles


def test_every_count_column_says_what_it_counts(open_page):
    config = json.loads(open_page("views/articles.py").dataframe[0].proto.columns)
    assert "quoted or reported" in config["Statements"]["help"]
    assert config["Events"]["help"] == "Events the article reports"
