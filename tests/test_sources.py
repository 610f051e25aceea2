"""Reading article folders: formats, encodings, bad input, metadata.csv and inference."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from readout import RAW_DIR
from readout.ingest import file_text, meta
from readout.ingest.clean import is_furniture
from readout.ingest.sources import read_sources

GOLD = Path(__file__).resolve().parent / "data" / "gold.json"
ARTICLE = (
    "Envoy Heads to Kyiv for Talks\n\n"
    "Chinese envoy Li Hui arrived in Kyiv on Monday for a two-day visit, officials said.\n\n"
    "He is expected to meet Ukraine's foreign minister and discuss a possible ceasefire.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def reasons(rejected) -> dict[str, str]:
    return {r.file: r.reason for r in rejected}


# --- the sample articles -------------------------------------------------------------------


def _gold() -> dict:
    if not GOLD.exists() or not (RAW_DIR / "metadata.csv").exists():
        pytest.skip("gold.json or the sample articles are missing")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return {f: v for f, v in gold.items() if not f.startswith("_")}


def test_sample_titles_come_from_metadata():
    gold = _gold()
    articles, rejected = read_sources(RAW_DIR)
    titles = {a.file: a.title for a in articles}
    assert {f: g["title"] for f, g in gold.items()} == {f: titles.get(f) for f in gold}
    assert not [r for r in rejected if r.file in gold]
    assert all(a.published for a in articles if a.file in gold)


def test_sample_titles_are_inferred_without_metadata(tmp_path):
    gold = _gold()
    for name in gold:
        shutil.copy(RAW_DIR / name, tmp_path / name)
    articles, rejected = read_sources(tmp_path)
    assert rejected == []
    assert {a.file: a.title for a in articles} == {f: g["title"] for f, g in gold.items()}


# --- formats -------------------------------------------------------------------------------


def test_txt_metadata_inferred_from_text(tmp_path):
    text = (
        "Skip to main content\n\nEnvoy Heads to Kyiv for Talks\n\nBy Jane Doe, Reuters\n\n"
        "March 28, 2025\n\nKYIV (Reuters) - Chinese envoy Li Hui arrived in Kyiv on Monday.\n\n"
        "Original url:\n\nhttps://www.example-news.com/2025/03/27/envoy-heads-to-ky iv-for-talks\n"
    )
    write(tmp_path, "a.txt", text)
    [article], rejected = read_sources(tmp_path)
    assert rejected == []
    assert article.title == "Envoy Heads to Kyiv for Talks"
    assert article.agency == "Reuters"
    assert article.published == "2025-03-28"  # the date line wins over the URL's date
    assert article.url == "https://www.example-news.com/2025/03/27/envoy-heads-to-kyiv-for-talks"
    assert article.outlet == "example-news.com"


def test_date_and_outlet_from_url_when_text_is_silent(tmp_path):
    write(tmp_path, "a.txt", ARTICLE + "\nSource: https://www.paper.co.za/2024/11/05/envoy\n")
    [article], _ = read_sources(tmp_path)
    assert (article.published, article.outlet) == ("2024-11-05", "paper.co.za")


def test_html_page_with_nav_ads_and_scripts(tmp_path):
    page = """<!doctype html><html><head><title>Envoy Heads to Kyiv | Daily Example</title>
    <meta property="og:site_name" content="Daily Example">
    <meta property="og:url" content="https://daily.example.com/2025/03/28/envoy">
    <meta property="article:published_time" content="2025-03-28T09:00:00Z">
    <script>window.ads = {slot: "top"}; document.write("Buy now");</script>
    <style>.ad {color: red}</style></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
    <div class="advert">Advertisement</div>
    <article><h1>Envoy Heads to Kyiv</h1>
    <p>Chinese envoy Li Hui arrived in Kyiv on Monday for a two-day visit, officials said.</p>
    <div class="ad">Advertisement</div>
    <p>He is expected to meet Ukraine's foreign minister and discuss a possible ceasefire,
    according to a statement published by the Chinese foreign ministry.</p></article>
    <aside>Sign up for our newsletter</aside>
    <footer>Copyright 2025 Daily Example. All rights reserved.</footer></body></html>"""
    write(tmp_path, "page.html", page)
    [article], rejected = read_sources(tmp_path)
    assert rejected == []
    assert article.title == "Envoy Heads to Kyiv"
    assert (article.outlet, article.published) == ("Daily Example", "2025-03-28")
    assert article.url == "https://daily.example.com/2025/03/28/envoy"
    assert article.html and "Li Hui arrived in Kyiv" in article.text
    for junk in ("window.ads", "Buy now", "Home", "newsletter", "Copyright", "color: red"):
        assert junk not in article.text


def test_html_without_article_text_is_rejected(tmp_path):
    write(tmp_path, "blank.htm", "<html><head><script>var a=1;</script></head><body></body></html>")
    articles, rejected = read_sources(tmp_path)
    assert articles == []
    assert reasons(rejected) == {"blank.htm": "no article text found in the HTML page"}


def test_csv_collection_one_article_per_row(tmp_path):
    write(
        tmp_path,
        "batch.csv",
        'Title,TEXT,outlet,published\n"Envoy in Kyiv","Li Hui arrived, officials said.",Wire,'
        '"28 March 2025"\n\n"Second","Wang met Lavrov in Moscow.",,2025-04-01T10:00\n',
    )
    articles, rejected = read_sources(tmp_path)
    assert rejected == []
    assert [a.file for a in articles] == ["batch.csv#1", "batch.csv#2"]
    assert [a.published for a in articles] == ["2025-03-28", "2025-04-01"]
    assert articles[0].title == "Envoy in Kyiv" and articles[0].outlet == "Wire"


def test_csv_without_text_column_names_its_columns(tmp_path):
    write(tmp_path, "notes.csv", "a,b\n1,2\n")
    assert reasons(read_sources(tmp_path)[1]) == {
        "notes.csv": "no 'text' column; columns are: a, b"
    }


def test_csv_bad_row_rejects_that_row_only(tmp_path):
    write(tmp_path, "c.csv", "title,text\nA,First article text.\nB,Second,with comma\nC,\nD,Ok.\n")
    articles, rejected = read_sources(tmp_path)
    assert [a.file for a in articles] == ["c.csv#1", "c.csv#4"]
    assert set(reasons(rejected)) == {"c.csv#2", "c.csv#3"}
    assert "3 fields but the header has 2" in reasons(rejected)["c.csv#2"]
    assert reasons(rejected)["c.csv#3"] == "row 3 has an empty 'text'"


def test_csv_quote_errors_are_reported_by_row(tmp_path):
    write(tmp_path, "q.csv", 'title,text\nA,"Quoted"x\nB,Fine text.\nC,"never closed\nD,lost\n')
    articles, rejected = read_sources(tmp_path)
    assert [a.file for a in articles] == ["q.csv#2"]
    why = reasons(rejected)
    assert why["q.csv#1"] == (
        "row 1 is malformed CSV (a double quote inside a quoted cell must be written twice)"
    )
    assert why["q.csv#3"].startswith("row 3 is malformed CSV (a double quote opens a cell")


def test_jsonl_bad_lines_reject_those_lines_only(tmp_path):
    lines = [
        json.dumps({"text": "Li Hui arrived in Kyiv.", "title": "Envoy", "agency": "AFP"}),
        '{"text": "broken',
        "[1, 2]",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Wang met Lavrov.", "published": "2025-04-01"}),
    ]
    write(tmp_path, "feed.jsonl", "\n".join(lines))
    articles, rejected = read_sources(tmp_path)
    assert [(a.file, a.agency) for a in articles] == [
        ("feed.jsonl#1", "AFP"),
        ("feed.jsonl#6", None),
    ]
    why = reasons(rejected)
    assert why["feed.jsonl#2"].startswith("line 2 is not valid JSON")
    assert why["feed.jsonl#3"] == "line 3 is not a JSON object with a 'text' field"
    assert why["feed.jsonl#4"] == "line 4 has no 'text'"


# --- bad files ------------------------------------------------------------------------------


def test_empty_and_blank_files(tmp_path):
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", "  \n\n\t\n")
    write(tmp_path, "good.txt", ARTICLE)
    articles, rejected = read_sources(tmp_path)
    assert [a.file for a in articles] == ["good.txt"]
    assert reasons(rejected) == {"empty.txt": "empty file", "blank.txt": "empty file"}


def test_binary_files(tmp_path):
    write(tmp_path, "noise.txt", bytes(range(256)) * 4)
    write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    why = reasons(read_sources(tmp_path)[1])
    assert why["noise.txt"] == "binary file, not text"
    assert why["report.txt"].startswith("binary file, not text (a PDF document")


def test_latin1_and_other_encodings_are_decoded(tmp_path):
    write(
        tmp_path,
        "latin1.txt",
        "Talks in Zürich at a café near the lake ended late.".encode("latin-1"),
    )
    write(tmp_path, "cp1252.txt", "Talks in Zürich – “frank”, officials said.".encode("cp1252"))
    write(tmp_path, "utf16.txt", "Talks in Zürich ended late on Monday.".encode("utf-16"))
    write(tmp_path, "bom.txt", "\ufeffTalks in Zürich ended late on Monday.".encode())
    mixed = "“Talks”, said Wang — in Zürich’s café. ".encode() + b"Stray \x92 byte."
    write(tmp_path, "mixed.txt", mixed)
    russian = "Министр иностранных дел России Сергей Лавров встретился с Ван И в Москве."
    write(tmp_path, "cp1251.txt", russian.encode("cp1251"))
    articles, rejected = read_sources(tmp_path)
    assert rejected == []
    texts = {a.file: a.text for a in articles}
    assert "Zürich" in texts["latin1.txt"] and "café" in texts["latin1.txt"]
    assert "– “frank”" in texts["cp1252.txt"]
    assert texts["utf16.txt"].startswith("Talks in Zürich")
    assert texts["bom.txt"].startswith("Talks")
    assert texts["cp1251.txt"] == russian
    assert texts["mixed.txt"].startswith("“Talks”, said Wang — in Zürich’s café.")


def test_oversized_file_is_rejected_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(20_000_000)  # sparse: 20 MB on paper, nothing on disk
    write(tmp_path, "good.txt", ARTICLE)
    read = []
    original = file_text._read_bytes
    monkeypatch.setattr(
        file_text, "_read_bytes", lambda p, n: read.append(p.name) or original(p, n)
    )
    articles, rejected = read_sources(tmp_path)
    assert reasons(rejected) == {"huge.txt": "file is 20.0 MB, over the 10 MB limit"}
    assert read == ["good.txt"] and [a.file for a in articles] == ["good.txt"]


def test_unreadable_and_unsupported_files(tmp_path, monkeypatch):
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    write(tmp_path, "locked.txt", ARTICLE)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "nested.txt", ARTICLE)  # subfolders are not read

    def deny(path, limit):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(file_text, "_read_bytes", deny)
    articles, rejected = read_sources(tmp_path)
    why = reasons(rejected)
    assert articles == []
    assert why["notes.docx"].startswith("not an article file (.docx)")
    assert why["locked.txt"].startswith("could not be read (PermissionError")


def test_missing_folder_is_reported():
    articles, rejected = read_sources(Path("/nonexistent/readout"))
    assert articles == []
    assert reasons(rejected) == {"/nonexistent/readout": "folder not found"}


# --- metadata.csv ---------------------------------------------------------------------------


def test_metadata_overrides_inference_and_is_not_an_article(tmp_path):
    write(tmp_path, "a.txt", "By AFP\n\n" + ARTICLE)
    write(
        tmp_path,
        "metadata.csv",
        "file,title,outlet,url,published,agency\n"
        "a.txt,Official Title,The Paper,https://paper.example/x,28/03/2025,\n",
    )
    [article], rejected = read_sources(tmp_path)
    assert rejected == []
    assert (article.title, article.outlet, article.published) == (
        "Official Title",
        "The Paper",
        "2025-03-28",
    )
    assert article.agency == "AFP"  # metadata.csv is silent, so the byline says


def test_metadata_naming_a_missing_file_is_a_warning(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(
        tmp_path,
        "metadata.csv",
        "file,title,published\nghost.txt,Ghost,2025-01-01\na.txt,Real,someday\n",
    )
    [article], rejected = read_sources(tmp_path)
    assert article.title == "Real" and article.published is None
    why = [r.reason for r in rejected if r.file == "metadata.csv"]
    assert any("'ghost.txt', which is not in the folder" in w for w in why)
    assert any("cannot read the date 'someday'" in w for w in why)


def test_metadata_without_file_column(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "metadata.csv", "name,title\na.txt,X\n")
    [article], rejected = read_sources(tmp_path)
    assert article.title == "Envoy Heads to Kyiv for Talks"
    assert reasons(rejected) == {"metadata.csv": "no 'file' column; columns are: name, title"}


def test_metadata_applies_to_collection_rows(tmp_path):
    write(tmp_path, "feed.jsonl", json.dumps({"text": "Li Hui arrived in Kyiv."}) + "\n")
    write(tmp_path, "metadata.csv", "file,outlet\nfeed.jsonl#1,Wire Service\n")
    [article], rejected = read_sources(tmp_path)
    assert (article.outlet, rejected) == ("Wire Service", [])


# --- metadata inference ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("March 28, 2025", "2025-03-28"),
        ("28 March 2025", "2025-03-28"),
        ("Mar. 28th, 2025", "2025-03-28"),
        ("Friday, 28 Mar 2025 10:00 GMT", "2025-03-28"),
        ("2025-03-28T10:00", "2025-03-28"),
        ("2025/03/28", "2025-03-28"),
        ("28/03/2025", "2025-03-28"),
        ("03/28/2025", "2025-03-28"),
        ("04/04/2025", "2025-04-04"),
        ("03/04/2025", None),  # 3 April or March 4: ambiguous
        ("31 February 2025", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value, iso):
    assert meta.normalize_date(value) == iso


def test_byline_and_agency():
    assert meta.byline("By AFP") == ("AFP", "AFP")
    assert meta.byline("By Jane Doe, Reuters") == ("Jane Doe, Reuters", "Reuters")
    assert meta.byline("By Jane Doe and John Roe | Associated Press")[1] == "AP"
    assert meta.byline("By Jane Doe")[1] is None
    assert meta.byline("By contrast, Beijing has declined to condemn the invasion.") is None


def test_name_in_place_byline():
    assert meta.byline("Jane Doe in Beijing") == ("Jane Doe", None)
    assert meta.byline("Turmoil in Moscow") is None


def test_dateline():
    assert meta.dateline("MOSCOW - China is ready to help.") == ("MOSCOW", None)
    assert meta.dateline("MOSCOW (Reuters) - China is ready.") == ("MOSCOW", "Reuters")
    assert meta.dateline("BEIJING, March 28 (AFP) — Talks began.") == ("BEIJING", "AFP")
    assert meta.dateline("KYIV, Ukraine (AP) — An envoy arrived.") == ("KYIV", "AP")
    assert meta.dateline("CHINA’S top official travelled to Russia today.") is None


def test_dateline_gives_the_agency_when_there_is_no_byline():
    text = "Envoy Heads to Kyiv\n\nKYIV (Agence France-Presse) - Li Hui arrived on Monday.\n"
    assert meta.infer_metadata(text, is_furniture)["agency"] == "AFP"


def test_date_line():
    assert meta.date_line("March 28, 2025") == "2025-03-28"
    assert meta.date_line("Published: Fri 28 Mar 2025 | 10.04 GMT") == "2025-03-28"
    assert meta.date_line("March 28, 20252:14 PM GMTUpdated 2 days ago") == "2025-03-28"
    assert meta.date_line("Talks were held on March 28, 2025 in Moscow.") is None


def test_original_url_on_the_next_line_with_a_stray_space():
    lines = ["Original url:", "", "https://paper.example/2025/03/28/long-sl ug-a1"]
    assert meta.url_in(lines, 0) == ("https://paper.example/2025/03/28/long-slug-a1", 2)
    assert meta.url_in(["Original url: www.paper.example/x"], 0) == (
        "https://www.paper.example/x",
        0,
    )


def test_url_date_and_outlet():
    assert meta.url_date("https://x.com/2025/03/28/story") == "2025-03-28"
    assert meta.url_date("https://x.com/news/20230414-story") == "2023-04-14"
    assert meta.url_date("https://x.com/article/3217049/story") is None
    assert meta.url_outlet("https://www.scmp.com/news/china") == "scmp.com"


def test_headline_skips_furniture_and_stops_at_the_body():
    lines = ["×", "Top", "Advertisement", "Tech, Simplified.", "Envoy Heads to Kyiv for Talks"]
    assert meta.infer_title(lines, is_furniture) == "Envoy Heads to Kyiv for Talks"
    body_first = ["Li Hui arrived in Kyiv on Monday for talks, officials said.", "A Subhead Here"]
    assert meta.infer_title(body_first, is_furniture) is None
    assert meta.infer_title(["Putin meets Xi", *body_first], is_furniture) == "Putin meets Xi"
    tagline_first = [
        "Exclusive analysis for market professionals",
        "Envoy arrives in Kyiv",
        "Li Hui arrived in Kyiv on Monday for talks, officials said.",
    ]
    assert meta.infer_title(tagline_first, is_furniture) == "Envoy arrives in Kyiv"


def test_several_names_in_places_byline():
    assert meta.byline("Karl Brenner in Berlin and Lena Moss in Kyiv") == (
        "Karl Brenner and Lena Moss",
        None,
    )
