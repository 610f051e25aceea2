"""One decoder for a file's bytes: what the build reads from disk (``load_text``) and what the
Import page previews from an upload (``bytes_text``) are the same text."""

from __future__ import annotations

import pytest

from readout.ingest.file_text import bytes_text, load_text
from readout.snapshot.records import Rejected

CASES = {
    "utf8.csv": "title,text\nCafé,Ça va\n".encode(),
    "bom.csv": b"\xef\xbb\xbf" + b"title;text\nA;B\n",
    "utf16.csv": "title\ttext\nЛавров\tВан И\n".encode("utf-16"),
    "cp1252.csv": "title,text\nCafé – déjà,Ça\n".encode("cp1252"),
    "page.html": '<meta charset="koi8-r"><p>Лавров</p>'.encode("koi8_r"),
    "doc.csv": b"%PDF-1.7 binary",
    "blank.jsonl": b"  \n ",
    "nul.txt": b"text\x00\x00\x00",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_upload_decodes_as_the_build_reads_the_file(tmp_path, name):
    (tmp_path / name).write_bytes(CASES[name])
    assert bytes_text(name, CASES[name]) == load_text(tmp_path / name, 10_000_000)


def test_the_decoder_is_not_utf8_with_replacement():
    # A Windows export: decoding it as UTF-8 with errors="replace" would show "Caf\ufffd".
    assert bytes_text("x.csv", CASES["cp1252.csv"]) == "title,text\nCafé – déjà,Ça\n"
    assert bytes_text("bom.csv", CASES["bom.csv"]).startswith("title;")  # the BOM is gone
    assert bytes_text("p.html", CASES["page.html"]).endswith("<p>Лавров</p>")


def test_binary_and_empty_uploads_are_refused_with_the_files_name():
    assert isinstance(refused := bytes_text("doc.csv", CASES["doc.csv"]), Rejected)
    assert refused.file == "doc.csv" and refused.reason.startswith("binary file, not text")
    assert bytes_text("blank.jsonl", CASES["blank.jsonl"]) == Rejected("blank.jsonl", "empty file")
