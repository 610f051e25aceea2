"""The Import page: its pure helpers, and uploads through AppTest into a temporary corpus."""

from __future__ import annotations

import csv
import json
import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.importing import (
    column_map,
    date_problem,
    detect_columns,
    infer_fields,
    mapping_problems,
    outcome,
    parse_urls,
    pasted_name,
    size_problem,
    suggest_mapping,
    typed_metadata,
    unused_columns,
    url_problem,
)
from readout import ROOT
from readout.corpus.add import AddReport
from readout.snapshot.build import BuildReport
from readout.snapshot.store import read_snapshot
from tests.fixtures_snapshot import BINARY, GOOD_TXT, write_fixture

APP = str(ROOT / "app.py")
CSV = (
    b"headline,body,date,section\n"
    b"Xi and Putin speak,Chinese President Xi Jinping spoke with Russian President Vladimir "
    b"Putin by phone on Friday and both called for a political settlement.,2025-03-07,World\n"
)


def plain(markdown: str) -> str:
    """Markdown as read: escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


# --- helpers -------------------------------------------------------------------------------


def test_columns_are_detected_in_csv_and_jsonl():
    assert detect_columns("a.csv", CSV) == ["headline", "body", "date", "section"]
    lines = [{"Body": "x", "Headline": "y"}, {"body": "z", "link": "u"}, "not an object"]
    data = "\n".join(json.dumps(line) for line in lines).encode() + b"\n{broken"
    assert detect_columns("a.jsonl", data) == ["body", "headline", "link"]
    assert detect_columns("a.csv", b"") == []


def test_a_mapping_is_suggested_and_unused_columns_are_reported():
    columns = ["headline", "body", "date", "section"]
    guess = suggest_mapping(columns)
    assert guess == {
        "text": "body",
        "title": "headline",
        "outlet": None,
        "url": None,
        "published": "date",
        "agency": None,
    }
    assert column_map(guess) == {"text": "body", "title": "headline", "published": "date"}
    assert unused_columns(columns, guess) == ["section"]
    assert column_map(suggest_mapping(["text", "title"])) == {}  # same names: nothing to map


def test_mapping_problems_are_explained():
    assert mapping_problems({"text": "body"}) == []
    assert "article text" in mapping_problems({"text": None, "title": "t"})[0]
    assert "one field only: body" in mapping_problems({"text": "body", "title": "body"})[0]


def test_urls_one_per_line():
    urls, bad = parse_urls("https://a.org/x\n\n  http://b.org/y  \nwww.c.org\nhttps://a.org/x\n")
    assert urls == ["https://a.org/x", "http://b.org/y"]
    assert bad == ["www.c.org"]


def test_sizes_are_checked():
    assert size_problem(10) is None
    assert "over the 10 MB limit" in size_problem(12_500_000)


def test_the_report_is_sorted_into_added_duplicates_and_skipped(tmp_path):
    report = AddReport(
        added=["new.txt"],
        skipped=[
            ("copy.txt", "duplicate: same text as ewn.txt (already in the corpus)"),
            ("wire.txt", "near duplicate of afp.txt (already in the corpus; ...)"),
            ("scan.txt", "binary file, not text"),
        ],
        duplicates=["copy.txt"],
        build=BuildReport(tmp_path, {}),
    )
    result = outcome(report, [("huge.txt", "the file is 12 MB")])
    assert result.added == ["new.txt"] and result.built
    assert [d[0] for d in result.duplicates] == ["copy.txt", "wire.txt"]
    assert result.skipped == [
        ("huge.txt", "the file is 12 MB"),
        ("scan.txt", "binary file, not text"),
    ]


TODAY = date(2025, 6, 1)
NO_DATE_TXT = (  # made up: a headline and a body that give no outlet, date or address
    "Envoys agree to meet again over grain shipments\n\n"
    "The special envoys of the two countries met for three hours on Thursday and agreed to "
    "meet again next month, officials said. Both sides wanted the shipments to resume.\n"
)


@pytest.mark.parametrize(
    ("typed", "refused"),
    [
        ("", None),
        ("2025-03-28", None),
        ("28 March 2025", None),
        ("2025-31-12", "Cannot read the date"),
        ("2025-02-30", "Cannot read the date"),
        ("03/04/2025", "Cannot read the date"),  # 3 April or March 4
        ("yesterday", "Cannot read the date"),
        ("2031-01-01", "in the future"),
        ("1925-03-28", "before 1945"),
    ],
)
def test_a_typed_date_is_checked(typed, refused):
    problem = date_problem(typed, TODAY)
    assert (problem is None) if refused is None else (refused in problem)


def test_a_typed_address_is_checked():
    assert url_problem("") is None and url_problem("https://example.org/a") is None
    assert "Not a web address" in url_problem("example.org/a")
    assert "Not a web address" in url_problem("https://example.org/a b")


def test_only_what_was_typed_differently_goes_to_metadata_csv():
    found = {"title": "Envoys meet", "outlet": None, "published": None, "url": None}
    typed = {"title": "Envoys meet", "outlet": " Example  Herald ", "published": "28 March 2025"}
    row, problems = typed_metadata(typed, found, TODAY)
    assert problems == [] and row == {"outlet": "Example Herald", "published": "2025-03-28"}
    row, problems = typed_metadata({"published": "2025-31-12"}, found, TODAY)
    assert row == {} and "Cannot read the date" in problems[0]


def test_what_an_upload_says_about_itself_is_read_as_the_import_reads_it():
    found = infer_fields("envoys.txt", NO_DATE_TXT.encode())
    assert found["title"] == "Envoys agree to meet again over grain shipments"
    assert (found["outlet"], found["published"], found["url"]) == (None, None, None)
    wire = infer_fields("wire.txt", b"Envoys meet again\n\nBy Reuters\n\n" + NO_DATE_TXT.encode())
    assert (wire["outlet"], wire["agency"]) == ("Reuters", "Reuters")
    assert infer_fields("scan.txt", BINARY) is None


def test_pasted_text_is_named_by_its_headline():
    assert pasted_name(NO_DATE_TXT) == "pasted-envoys-agree-to-meet-again-over-grain-shipments.txt"
    assert pasted_name("  \n") == "pasted-article.txt"


# --- the page ------------------------------------------------------------------------------


def open_import() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("views/import_articles.py").run()  # after a first run: custom url_path
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == "Import"
    return at


def snapshot_titles(paths) -> list[str]:
    return list(read_snapshot(paths["snapshot"])["articles"]["title"])


def test_uploads_are_imported_and_bad_ones_named(corpus):
    before = {p.name: p.read_bytes() for p in corpus["raw"].iterdir()}
    at = open_import()
    at.file_uploader[0].set_value(
        [
            ("talks.txt", GOOD_TXT.encode(), "text/plain"),
            ("scan.txt", BINARY, "text/plain"),
            ("rows.csv", CSV, "text/csv"),
        ]
    ).run()
    shown = "\n".join(m.value for m in at.markdown)
    assert "rows\\.csv" in shown and "`headline`" in shown  # the detected columns
    assert at.selectbox(key="map_text").value == "body"
    assert any("section" in c.value for c in at.caption)  # the column no field reads
    at.button[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Added 2 article(s)" in at.success[0].value
    errors = [plain(e.value) for e in at.error]
    assert len(errors) == 1 and "scan.txt" in errors[0] and "binary file" in errors[0]
    titles = snapshot_titles(corpus)
    assert "Lavrov and Wang hold talks in Beijing" in titles
    assert "Xi and Putin speak" in titles
    for name, data in before.items():  # nothing already in the corpus changed
        assert (corpus["raw"] / name).read_bytes() == data
    assert len(at.file_uploader) == 1 and not at.file_uploader[0].value  # a fresh uploader


def test_a_duplicate_names_the_article_it_copies(corpus):
    at = open_import()
    at.file_uploader[0].set_value(("first.txt", GOOD_TXT.encode(), "text/plain")).run()
    at.button[0].click().run()
    at.file_uploader[0].set_value(("again.txt", GOOD_TXT.encode(), "text/plain")).run()
    at.button[0].click().run()
    infos = [plain(i.value) for i in at.info]
    assert any("again.txt" in i and "first.txt" in i for i in infos), infos
    assert any("unchanged" in c.value for c in at.caption)


def test_an_oversized_file_is_refused_with_its_size(corpus):
    at = open_import()
    at.file_uploader[0].set_value(("huge.txt", b"a " * 5_500_000, "text/plain")).run()
    assert "huge.txt" in plain(at.error[0].value) and "11.0 MB" in at.error[0].value
    at.button[0].click().run()
    assert "huge.txt" in plain(at.error[0].value) and "limit" in at.error[0].value
    assert "huge.txt" not in {p.name for p in corpus["raw"].iterdir()}


def test_a_read_only_snapshot_says_how_to_import(tmp_path, monkeypatch):
    for name in ("READOUT_RAW", "READOUT_CORRECTIONS", "READOUT_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("READOUT_SNAPSHOT", str(write_fixture(tmp_path / "snap")))
    at = open_import()
    assert "read-only" in at.info[0].value and "READOUT_RAW" in at.info[0].value
    assert not at.file_uploader


def test_the_corrections_are_listed_and_exported(corpus):
    from readout.corpus.corrections import record_correction

    record_correction("add_alias", path=corpus["corrections"], actor_id="wang-yi", alias="FM Wang")
    at = open_import()
    table = at.dataframe[0].value
    assert list(table["Correction"]) == ["add_alias"]
    assert "FM Wang" in table["Details"][0]
    assert at.get("download_button")


def fields(at: AppTest) -> dict[str, str]:
    """The metadata fields of the one article shown: label (without its flag) -> value."""
    return {t.label.split(" :orange")[0]: t.value for t in at.text_input}


def metadata_rows(paths) -> dict[str, dict]:
    with (paths["raw"] / "metadata.csv").open(encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


def test_an_upload_without_outlet_or_date_asks_for_them(corpus):
    at = open_import()
    at.file_uploader[0].set_value(("envoys.txt", NO_DATE_TXT.encode(), "text/plain")).run()
    shown = fields(at)
    assert shown["Title"] == "Envoys agree to meet again over grain shipments"
    assert shown["Outlet"] == "" and shown["Date published"] == ""
    flagged = [t.label for t in at.text_input if "not found" in t.label]
    assert len(flagged) == 3  # outlet, date, address
    assert any(
        "Not found in the text: outlet, date published, web address" in c.value for c in at.caption
    )
    at.text_input(key=flagged_key(at, "Date published")).set_value("2025-31-12").run()
    assert "Cannot read the date '2025-31-12'" in plain(at.error[0].value)
    assert at.button[0].disabled  # nothing is imported with a refused date
    assert any("Correct the date or web address" in c.value for c in at.caption)
    at.text_input(key=flagged_key(at, "Date published")).set_value("27 March 2025").run()
    at.text_input(key=flagged_key(at, "Outlet")).set_value("Example Herald").run()
    assert not at.error and not at.button[0].disabled
    at.button[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "Added 1 article(s)" in at.success[0].value
    row = metadata_rows(corpus)["envoys.txt"]
    assert (row["outlet"], row["published"], row["title"]) == ("Example Herald", "2025-03-27", "")
    articles = read_snapshot(corpus["snapshot"])["articles"].set_index("file")
    assert articles.loc["envoys.txt", "outlet"] == "Example Herald"
    assert articles.loc["envoys.txt", "published"] == "2025-03-27"


def flagged_key(at: AppTest, label: str) -> str:
    return next(t.key for t in at.text_input if t.label.split(" :orange")[0] == label)


def test_pasted_text_is_imported_with_what_was_typed(corpus):
    at = open_import()
    at.text_area(key="paste_0").set_value(NO_DATE_TXT).run()
    assert fields(at)["Title"] == "Envoys agree to meet again over grain shipments"
    at.text_input(key=flagged_key(at, "Web address")).set_value("example.org/envoys").run()
    assert "Not a web address" in plain(at.error[0].value) and at.button[0].disabled
    at.text_input(key=flagged_key(at, "Web address")).set_value("https://example.org/e").run()
    assert at.button[0].label == "Import 1 item(s)"
    at.button[0].click().run()
    assert "Added 1 article(s)" in at.success[0].value
    name = "pasted-envoys-agree-to-meet-again-over-grain-shipments.txt"
    assert metadata_rows(corpus)[name]["url"] == "https://example.org/e"
    assert (corpus["raw"] / name).read_text(encoding="utf-8").startswith("Envoys agree")
