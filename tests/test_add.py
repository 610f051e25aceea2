"""Importing articles: files, uploads and URLs; duplicates; bad input; crashes change nothing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import readout.corpus.add
import readout.corpus.staging
from readout import RAW_DIR, ROOT
from readout.corpus.add import AddReport, UploadedBytes, add_inputs
from readout.corpus.add_stage import Skip, check_column_map, safe_name, stage_bytes, stage_url
from readout.corpus.staging import metadata_text
from readout.snapshot.build import build_snapshot, snapshot_is_current
from readout.snapshot.store import read_manifest, read_snapshot
from tests.local_pages import SCRIPTS_ONLY, serve

NEW = (
    "Lavrov and Wang hold talks in Beijing\n\n"
    "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on "
    "Monday, the Chinese foreign ministry said.\n"
)
OTHER = (
    "Xi and Putin speak by phone\n\n"
    "Chinese President Xi Jinping spoke with Russian President Vladimir Putin by phone on Friday, "
    "state media reported, and both called for a political settlement of the crisis.\n"
)
UPLOAD_HTML = (
    b"<html><head><title>Envoy Li Hui in Kyiv</title></head><body><article>"
    b"<h1>Envoy Li Hui in Kyiv</h1><p>China's special envoy Li Hui arrived in Kyiv on Monday for "
    b"a two-day visit and is expected to meet Ukraine's foreign minister, officials said.</p>"
    b"<p>He will then travel to Warsaw, Paris and Berlin before ending his tour in Moscow.</p>"
    b"</article></body></html>"
)


@pytest.fixture(scope="module")
def site():
    with serve() as base:
        yield base


def options(tmp_path: Path) -> dict:
    return {"cache_dir": tmp_path / "cache", "corrections": tmp_path / "corrections.jsonl"}


def corpus(tmp_path: Path, sample: bool = True) -> tuple[Path, Path]:
    """A built corpus in tmp_path: a copy of data/raw, or two small articles."""
    raw, out = tmp_path / "raw", tmp_path / "snap"
    if sample:
        shutil.copytree(RAW_DIR, raw)
        for path in raw.iterdir():
            path.chmod(0o644)
    else:
        raw.mkdir()
        (raw / "new.txt").write_text(NEW, "utf-8")
        (raw / "other.txt").write_text(OTHER, "utf-8")
    build_snapshot(raw, out, **options(tmp_path))
    return raw, out


def state(raw: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in raw.iterdir()}


def leftovers(tmp_path: Path) -> list[str]:
    return [p.name for p in tmp_path.iterdir() if ".staging-" in p.name or ".tmp-" in p.name]


def reasons(report: AddReport) -> dict[str, str]:
    return dict(report.skipped)


# --- a whole import -------------------------------------------------------------------------


def test_good_inputs_are_added_and_bad_ones_named_with_their_reason(tmp_path, site):
    raw, out = corpus(tmp_path)
    before_raw, before = state(raw), read_snapshot(out)["articles"]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "new.txt").write_text(NEW, "utf-8")
    (inbox / "cafe.txt").write_bytes("Talks at the café in Zürich\n\n".encode("cp1252") + b"x" * 0
                                     + "Diplomats from China and Russia met at a café in "
                                     "Zürich on Monday.\n".encode("cp1252"))  # fmt: skip
    (inbox / "report.txt").write_bytes(b"%PDF-1.4 not text at all")
    (inbox / "rows.csv").write_text(
        "headline,body,date\n"
        f'"Xi and Putin speak","{OTHER.splitlines()[2]}",2025-05-02\n'
        'broken,"an unterminated quote\n',
        "utf-8",
    )
    (inbox / "wrong.csv").write_text("headline,content\nA,B\n", "utf-8")
    (inbox / "notes.docx").write_bytes(b"PK\x03\x04 zip")
    inputs = [
        inbox / "new.txt",
        inbox / "cafe.txt",
        UploadedBytes("Upload: Kyiv visit.html", UPLOAD_HTML, {"outlet": "Desk"}),
        f"{site}/article",
        inbox / "report.txt",
        UploadedBytes("huge.txt", b"word " * 100_000),
        UploadedBytes("scripts.html", SCRIPTS_ONLY.encode()),
        inbox / "rows.csv",
        inbox / "wrong.csv",
        inbox / "notes.docx",
        inbox / "missing.txt",
        f"{site}/gone",
        f"{site}/report.pdf",
        f"{site}/scripts",
        f"{site}/slow",
        f"{site}/big",
    ]
    report = add_inputs(
        inputs, raw_dir=raw, out_dir=out, column_map={"text": "body", "published": "date"},
        timeout=0.5, max_bytes=300_000, allow_private=True, **options(tmp_path),
    )  # fmt: skip
    url_file = next(name for name in report.added if name.startswith("127.0.0.1-article"))
    assert sorted(report.added) == sorted(
        ["new.txt", "cafe.txt", "Upload_Kyiv_visit.html", url_file, "rows.csv#1"]
    )
    why = reasons(report)
    expected = {
        str(inbox / "report.txt"): "binary file, not text (a PDF document",
        "huge.txt": "over the 0.3 MB limit",
        "scripts.html": "no article text",
        f"{inbox / 'rows.csv'}#2": "row 2 is malformed CSV (a double quote opens a cell",
        str(inbox / "wrong.csv"): "no column 'body' to use as 'text'; columns are: headline",
        str(inbox / "notes.docx"): "not an article file (.docx)",
        str(inbox / "missing.txt"): "file not found",
        f"{site}/gone": "404 Not Found",
        f"{site}/report.pdf": "not a web page but a PDF document",
        f"{site}/scripts": "no article text",
        f"{site}/slow": "no answer within 0.5 seconds",
        f"{site}/big": "over the 0.3 MB limit",
    }
    assert set(why) == set(expected)
    for name, reason in expected.items():
        assert reason in why[name], (name, why[name])
    assert report.duplicates == []

    snap = read_snapshot(out)
    articles = snap["articles"].set_index("file")
    assert set(report.added) <= set(articles.index)
    assert "café" in articles.loc["cafe.txt", "text"]
    assert articles.loc["Upload_Kyiv_visit.html", "outlet"] == "Desk"
    assert articles.loc[url_file, "url"] == f"{site}/article"
    assert articles.loc[url_file, "outlet"] == "Loopback News"
    assert articles.loc["rows.csv#1", "published"] == "2025-05-02"
    old = before.set_index("article_id")
    now = snap["articles"].set_index("article_id").loc[old.index, old.columns]
    assert now.astype(str).equals(old.astype(str))  # the articles already there are unchanged
    for name, (data, mtime) in before_raw.items():
        if name != "metadata.csv":
            assert state(raw)[name] == (data, mtime)
    metadata = (raw / "metadata.csv").read_text("utf-8")
    assert metadata.startswith(before_raw["metadata.csv"][0].decode("utf-8"))
    assert f"{url_file},,Loopback News,{site}/article" in metadata
    assert snapshot_is_current(raw, out, corrections=tmp_path / "corrections.jsonl")
    assert read_manifest(out)["source"] == str(raw)
    assert report.build is not None and report.build.analysed == 5  # only the new articles
    assert report.build.reused == 5
    assert leftovers(tmp_path) == []

    again = add_inputs([f"{site}/article", inbox / "new.txt"], raw_dir=raw, out_dir=out,
                       allow_private=True, **options(tmp_path))  # fmt: skip
    assert again.added == [] and again.build is None
    assert "already in the corpus as" in reasons(again)[f"{site}/article"]
    assert "same text as new.txt (already in the corpus)" in reasons(again)[str(inbox / "new.txt")]


def test_exact_and_near_duplicates_are_reported_not_added(tmp_path):
    raw, out = corpus(tmp_path, sample=False)
    wire = OTHER.replace("state media reported", "Chinese state media reported on Friday")
    body = NEW.split("\n\n", 1)[1]  # the same story under another headline, spaced otherwise
    twin = "Top diplomats meet\r\n\r\n" + body.replace(" ", "  ").replace("\n", "\r\n")
    fresh = "Envoy visits Kyiv\n\nChinese envoy Li Hui arrived in Kyiv on Monday for talks.\n"
    report = add_inputs(
        [
            UploadedBytes("twin.txt", twin.encode()),
            UploadedBytes("wire.txt", wire.encode()),
            UploadedBytes("fresh.txt", fresh.encode()),
            UploadedBytes("fresh-again.txt", fresh.encode()),
        ],
        raw_dir=raw, out_dir=out, **options(tmp_path),
    )  # fmt: skip
    why = reasons(report)
    assert report.added == ["fresh.txt"]
    assert "same text as new.txt (already in the corpus)" in why["twin.txt"]
    assert "near duplicate of other.txt" in why["wire.txt"]
    assert "same text as fresh.txt (added just before)" in why["fresh-again.txt"]
    assert sorted(report.duplicates) == ["fresh-again.txt", "twin.txt", "wire.txt"]
    assert sorted(p.name for p in raw.iterdir()) == ["fresh.txt", "new.txt", "other.txt"]


# --- crashes ------------------------------------------------------------------------------


def test_a_failing_build_leaves_raw_and_snapshot_as_they_were(tmp_path, monkeypatch):
    raw, out = corpus(tmp_path, sample=False)
    before_raw, before_snap = state(raw), read_snapshot(out)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(readout.corpus.add, "build_snapshot", broken)
    upload = UploadedBytes("fresh.html", UPLOAD_HTML)
    with pytest.raises(RuntimeError, match="disk full"):
        add_inputs([upload], raw_dir=raw, out_dir=out, **options(tmp_path))
    assert state(raw) == before_raw and leftovers(tmp_path) == []
    after = read_snapshot(out)
    assert all(after[n].astype(str).equals(before_snap[n].astype(str)) for n in after)


def test_a_crash_while_committing_is_completed_by_the_next_import(tmp_path, monkeypatch):
    raw, out = corpus(tmp_path, sample=False)
    real, moves = os.replace, []

    def dies_after_one_move(src, dst):
        if Path(dst).parent == raw and moves:
            raise OSError("killed")
        moves.append(dst)
        return real(src, dst)

    monkeypatch.setattr(readout.corpus.staging.os, "replace", dies_after_one_move)
    uploads = [
        UploadedBytes(
            "a.txt", b"Envoy in Kyiv\n\nChinese envoy Li Hui arrived in Kyiv on Monday.\n"
        ),
        UploadedBytes("b.html", UPLOAD_HTML, {"url": "https://example.org/kyiv"}),
    ]
    with pytest.raises(OSError, match="killed"):
        add_inputs(uploads, raw_dir=raw, out_dir=out, **options(tmp_path))
    assert not (raw / "b.html").exists()  # half-way: the plan is left for recovery
    monkeypatch.setattr(readout.corpus.staging.os, "replace", real)
    report = add_inputs([], raw_dir=raw, out_dir=out, **options(tmp_path))
    assert report.build is None and leftovers(tmp_path) == []
    assert {"a.txt", "b.html"} <= {p.name for p in raw.iterdir()}
    assert "b.html,,,https://example.org/kyiv" in (raw / "metadata.csv").read_text("utf-8")
    assert snapshot_is_current(raw, out, corrections=tmp_path / "corrections.jsonl")


def run_cli(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "readout", "add", *args]
    return subprocess.Popen(command, env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)  # fmt: skip


def cli_paths(tmp_path: Path, raw: Path, out: Path) -> list[str]:
    return ["--raw", str(raw), "--out", str(out), "--cache", str(tmp_path / "cache"),
            "--corrections", str(tmp_path / "corrections.jsonl")]  # fmt: skip


def test_an_import_killed_during_the_build_changes_nothing(tmp_path):
    raw, out = corpus(tmp_path, sample=False)
    before_raw, before_ids = state(raw), read_snapshot(out)["articles"]["article_id"].tolist()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in sorted(RAW_DIR.glob("*.txt")):
        shutil.copy(path, inbox / path.name)
    proc = run_cli(*map(str, sorted(inbox.iterdir())), *cli_paths(tmp_path, raw, out))
    building = False
    for line in proc.stderr:  # kill once spaCy is at work on the new articles
        if "] Analysed" in line:
            building = True
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert building
    assert [name for name in leftovers(tmp_path) if ".staging-" in name]  # killed mid-import
    assert state(raw) == before_raw
    assert read_snapshot(out)["articles"]["article_id"].tolist() == before_ids
    add_inputs([], raw_dir=raw, out_dir=out, **options(tmp_path))  # clears what was left
    assert leftovers(tmp_path) == []


def test_cli_adds_the_good_and_names_the_broken(tmp_path, site):
    raw, out = corpus(tmp_path)
    before = read_snapshot(out)["articles"]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "new.txt").write_text(NEW, "utf-8")
    (inbox / "bytes.txt").write_bytes(bytes(range(256)) * 10)
    (inbox / "items.jsonl").write_text(json.dumps({"body": OTHER}) + "\n{oops\n", "utf-8")
    proc = run_cli(
        str(inbox / "new.txt"), str(inbox / "bytes.txt"), str(inbox / "items.jsonl"),
        f"{site}/article", f"{site}/report.pdf", "--map", "text=body", "--allow-private-urls",
        *cli_paths(tmp_path, raw, out),
    )  # fmt: skip
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stderr
    lines = stdout.splitlines()
    assert "added new.txt" in lines and "added items.jsonl#1" in lines
    assert any(line.startswith("added 127.0.0.1-article") for line in lines)
    assert f"skipped {inbox / 'bytes.txt'}: binary file, not text" in lines
    assert any(line.startswith(f"skipped {inbox / 'items.jsonl'}#2: line 2 is not valid JSON")
               for line in lines)  # fmt: skip
    assert any(line.startswith(f"skipped {site}/report.pdf: not a web page") for line in lines)
    assert any(line.startswith("analysed 3 article(s), reused 5") for line in lines)
    after = read_snapshot(out)["articles"]
    assert len(after) == len(before) + 3
    old = before.set_index("article_id")
    now = after.set_index("article_id").loc[old.index, old.columns]
    assert now.astype(str).equals(old.astype(str))


# --- pieces -------------------------------------------------------------------------------


def test_column_maps_rename_columns_and_fields(tmp_path):
    csv_data = b"Headline,Body,text\nTalks,Wang met Lavrov in Moscow on Tuesday.,junk\n"
    mapping = check_column_map({"TEXT": "body", "title": "headline"})
    staged = stage_bytes("c.csv", "c.csv", csv_data, tmp_path, row=None, mapping=mapping)
    assert staged.articles[0].text.startswith("Wang met Lavrov")
    assert staged.articles[0].title == "Talks"
    jsonl = b'{"Content": "Xi spoke with Putin by phone on Friday."}\n'
    staged = stage_bytes("j.jsonl", "j.jsonl", jsonl, tmp_path, row=None,
                         mapping={"text": "content"})  # fmt: skip
    assert staged.rows[0]["text"].startswith("Xi spoke")
    with pytest.raises(Skip, match="no field 'body' in any line; fields are: content"):
        stage_bytes("j.jsonl", "j.jsonl", jsonl, tmp_path, row=None, mapping={"text": "body"})
    with pytest.raises(Skip, match="map a column to 'text'"):
        stage_bytes("j.csv", "j.csv", b"a,b\n1,2\n", tmp_path, row=None, mapping={})
    with pytest.raises(ValueError, match="cannot map to colour"):
        check_column_map({"colour": "x"})


def test_web_pages_are_saved_as_utf8_whatever_their_charset(tmp_path, site):
    staged = stage_url(f"{site}/cyrillic", tmp_path, max_bytes=10**6, timeout=2,
                       allow_private=True)  # fmt: skip
    assert "Лавровым" in staged.articles[0].text
    assert staged.data.startswith(b"\xef\xbb\xbf") and "Лавровым".encode() in staged.data


def test_names_are_made_safe():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\me\\My Article!.TXT") == "My_Article.txt"
    assert safe_name(".hidden.html") == "hidden.html"


def test_metadata_rows_are_appended_to_the_old_text(tmp_path):
    (tmp_path / "metadata.csv").write_text("file,title\r\nold.txt,Old\r\n", "utf-8")
    text = metadata_text(tmp_path, [{"file": "n.html", "url": "https://x.org/n"}])
    assert text.splitlines() == ["file,title,url", "old.txt,Old,", "n.html,,https://x.org/n"]
    (tmp_path / "metadata.csv").write_text("file,url,title\nold.txt,,Old", "utf-8")
    text = metadata_text(tmp_path, [{"file": "n.html", "url": "https://x.org/n"}])
    assert text == "file,url,title\nold.txt,,Old\nn.html,https://x.org/n,\n"
