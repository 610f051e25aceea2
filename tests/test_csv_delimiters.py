"""CSV files split by semicolons or tabs (spreadsheet exports in many locales) read like comma
CSV files; a comma CSV reads exactly as before, whatever its cells hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout.ingest.sources import csv_delimiter, read_sources

BODY = "Li Hui arrived in Kyiv on Monday, officials said; talks begin tomorrow."


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, "utf-8", newline="")


def test_a_semicolon_collection_reads_one_article_per_row(tmp_path):
    write(
        tmp_path,
        "export.csv",
        "Title;Outlet;Published;Text\r\n"
        f'Envoy in Kyiv;Wire;28/03/2025;"{BODY}"\r\n'
        "Second;;2025-04-01;Wang met Lavrov in Moscow, then left.\r\n",
    )
    articles, rejected = read_sources(tmp_path)
    assert rejected == []
    assert [a.file for a in articles] == ["export.csv#1", "export.csv#2"]
    assert articles[0].text == BODY  # the quoted cell keeps its semicolon and comma
    assert (articles[0].title, articles[0].outlet) == ("Envoy in Kyiv", "Wire")
    assert [a.published for a in articles] == ["2025-03-28", "2025-04-01"]
    assert articles[1].text == "Wang met Lavrov in Moscow, then left."


def test_a_tab_collection_reads_one_article_per_row(tmp_path):
    write(tmp_path, "export.csv", f"title\ttext\nEnvoy\t{BODY}\nSecond\tWang met Lavrov.\n")
    articles, rejected = read_sources(tmp_path)
    assert rejected == []
    assert [(a.title, a.text) for a in articles] == [
        ("Envoy", BODY),
        ("Second", "Wang met Lavrov."),
    ]


def test_a_semicolon_metadata_file_applies(tmp_path):
    write(tmp_path, "a.txt", BODY + "\n")
    write(tmp_path, "metadata.csv", "file;title;outlet\na.txt;Official Title;The Paper\n")
    [article], rejected = read_sources(tmp_path)
    assert rejected == []
    assert (article.title, article.outlet) == ("Official Title", "The Paper")


def test_a_comma_csv_whose_cells_hold_semicolons_stays_comma(tmp_path):
    write(tmp_path, "c.csv", f'title,text\n"A; b","{BODY}"\nB,one;two;three\n')
    articles, rejected = read_sources(tmp_path)
    assert rejected == []
    assert [(a.title, a.text) for a in articles] == [("A; b", BODY), ("B", "one;two;three")]


def test_a_bad_semicolon_row_names_the_semicolon(tmp_path):
    write(tmp_path, "s.csv", "title;text\nA;First text.\nB;Second;extra\n")
    articles, rejected = read_sources(tmp_path)
    assert [a.file for a in articles] == ["s.csv#1"]
    [bad] = rejected
    assert bad.reason == (
        "row 2 has 3 fields but the header has 2 (a semicolon in a cell without double quotes?)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("text\nA, b; c\n", ","),  # one column: nothing to sniff, the comma as before
        ("file,title;subtitle\n", ","),  # both occur: the comma wins
        ('"title";"text"\n', ";"),
        ("\ufefftitle;text\r\nA;B\r\n", ";"),
        ("title\ttext\n", "\t"),
        ("title|text\n", "|"),
        ("", ","),
    ],
)
def test_the_delimiter_comes_from_the_header_line(text, expected):
    assert csv_delimiter(text) == expected
