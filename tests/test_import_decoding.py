"""The Import page's preview reads an upload as the import will: one decoder
(``readout.ingest.file_text.bytes_text``) and one CSV dialect guess (``csv_delimiter``)."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.importing import detect_columns
from readout.corpus.add_stage import map_csv
from readout.ingest.file_text import bytes_text

CASES = [
    # what, file name, bytes, columns the preview offers
    ("a semicolon export", "a.csv", b"Text;Outlet;Date\nBody one;Paper;2025-01-02\n",
     ["text", "outlet", "date"]),
    ("a tab export", "a.csv", b"body\tsource\nBody one\tPaper\n", ["body", "source"]),
    ("a byte-order mark", "a.csv", "\ufefftext,title\nx,y\n".encode("utf-8"), ["text", "title"]),
    ("JSON Lines", "a.jsonl", b'{"Text": "x", "Kicker": "y"}\n', ["text", "kicker"]),
    ("an empty file", "a.csv", b"   ", []),
]  # fmt: skip


@pytest.mark.parametrize(("what", "name", "data", "columns"), CASES, ids=[c[0] for c in CASES])
def test_the_preview_offers_the_columns_the_import_reads(what, name, data, columns):
    assert detect_columns(name, data) == columns


def test_the_preview_decodes_a_legacy_charset_as_the_import_does():
    data = "texte;titre\nCafé à Pékin;Réunion\n".encode("cp1252")
    text = bytes_text("a.csv", data)
    assert isinstance(text, str) and text.startswith("texte;titre")
    assert detect_columns("a.csv", data) == ["texte", "titre"]


def test_a_mapped_semicolon_export_keeps_its_delimiter():
    mapped = map_csv("Body;Paper\nSome text;The Daily\n", {"text": "body"}, "a.csv")
    header, row = list(csv.reader(io.StringIO(mapped), delimiter=";"))
    assert header[0] == "text" and row == ["Some text", "The Daily"]
