"""Human corrections: recorded append-only, applied after every build, reported when stale."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from readout import ROOT
from readout.corpus.correction_actions import CorrectionError
from readout.corpus.corrections import (
    apply_corrections,
    correct_articles,
    event_was,
    load_corrections,
    record_correction,
)
from readout.snapshot.build import build_snapshot, snapshot_is_current
from readout.snapshot.records import CleanArticle
from readout.snapshot.store import read_manifest, read_snapshot
from readout.snapshot.tables import article_id_for


def tables() -> dict[str, list[dict]]:
    return {
        "articles": [
            {"article_id": "a1", "title": "Old", "outlet": "X", "published": "2025-04-01"},
            {"article_id": "a2", "title": "Other", "outlet": "Y", "published": "2025-04-02"},
        ],
        "actors": [
            {"actor_id": "wang-yi", "name": "Wang Yi", "kind": "person", "aliases": ["Wang"]},
            {"actor_id": "lavrov", "name": "Sergei Lavrov", "kind": "person", "aliases": []},
            {"actor_id": "s-lavrov", "name": "Sergey Lavrov", "kind": "person", "aliases": []},
        ],
        "roles": [{"actor_id": "s-lavrov", "role": "foreign_minister", "of": "Russia"}],
        "mentions": [
            {"article_id": "a1", "start": 0, "end": 4, "text": "Wang", "actor_id": "wang-yi"},
            {"article_id": "a2", "start": 0, "end": 4, "text": "Wang", "actor_id": "wang-yi"},
            {"article_id": "a2", "start": 9, "end": 22, "text": "Sergey Lavrov",
             "actor_id": "s-lavrov"},
            {"article_id": "a2", "start": 30, "end": 37, "text": "the FM", "actor_id": None},
        ],
        "statements": [
            {"statement_id": "a1-s0", "article_id": "a1", "speaker_id": "wang-yi",
             "speaker_text": "Wang", "text": "We want peace", "start": 10, "end": 23},
            {"statement_id": "a2-s0", "article_id": "a2", "speaker_id": "s-lavrov",
             "speaker_text": "Sergey Lavrov", "text": "No talks", "start": 40, "end": 48},
            {"statement_id": "a2-s1", "article_id": "a2", "speaker_id": None,
             "speaker_text": "the FM", "text": "Maybe", "start": 50, "end": 55},
        ],
        "events": [
            {"event_id": "e1", "type": "meeting", "participants": ["wang-yi", "lavrov"],
             "place": "Moscow", "date": "2025-04-01", "date_precision": "day",
             "article_ids": ["a1"]},
            {"event_id": "e2", "type": "call", "participants": ["wang-yi", "s-lavrov"],
             "place": None, "date": None, "date_precision": "unknown", "article_ids": ["a2"]},
        ],
        "event_sources": [
            {"event_id": "e1", "article_id": "a1", "start": 0, "end": 30},
            {"event_id": "e2", "article_id": "a2", "start": 0, "end": 30},
        ],
    }  # fmt: skip


def apply(*entries: dict, given: dict | None = None):
    return apply_corrections(
        given or tables(), [{**e, "_line": i} for i, e in enumerate(entries, 1)]
    )


def row(rows: list[dict], column: str, value: str) -> dict:
    return next(r for r in rows if r[column] == value)


# --- recording ------------------------------------------------------------------------------


def test_record_appends_one_line_per_correction(tmp_path):
    path = tmp_path / "corrections.jsonl"
    first = record_correction("add_alias", path=path, actor_id="wang-yi", alias="FM Wang")
    record_correction("edit_article", path=path, article_id="a1", published="March 3, 2025",
                      note="date from the print edition")  # fmt: skip
    lines = path.read_text("utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0]) == first
    assert first["at"] and first["action"] == "add_alias"
    loaded = load_corrections(path)
    assert [e["_line"] for e in loaded] == [1, 2]
    assert loaded[1]["published"] == "2025-03-03" and loaded[1]["note"].startswith("date")


@pytest.mark.parametrize(
    ("action", "fields", "message"),
    [
        ("rename_everything", {}, "unknown action"),
        ("edit_article", {"title": "x"}, "missing article_id"),
        ("edit_article", {"article_id": "a1"}, "at least one of"),
        ("edit_article", {"article_id": "a1", "published": "soon"}, "cannot read the date"),
        ("edit_article", {"article_id": "a1", "colour": "red"}, "unknown field"),
        ("reassign_speaker", {"article_id": "a1", "start": 5, "end": 2, "speaker_id": "x"},
         "end must be after start"),
        ("edit_event", {"event_id": "e1", "type": "party"}, "type must be one of"),
        ("merge_actors", {"actor_id": "a", "other_id": "a"}, "into itself"),
        ("split_actor", {"actor_id": "a", "text": "Wang", "article_ids": []}, "at least one id"),
    ],
)  # fmt: skip
def test_invalid_corrections_are_refused_with_the_field(tmp_path, action, fields, message):
    path = tmp_path / "c.jsonl"
    with pytest.raises(CorrectionError, match=message):
        record_correction(action, path=path, **fields)
    assert not path.exists()


# --- applying -------------------------------------------------------------------------------


def test_edit_article_changes_metadata_and_marks_the_row():
    out, skipped = apply({"action": "edit_article", "article_id": "a1", "title": "New"})
    assert skipped == []
    assert row(out["articles"], "article_id", "a1")["title"] == "New"
    assert row(out["articles"], "article_id", "a1")["corrected"] is True
    assert row(out["articles"], "article_id", "a2")["corrected"] is False


def test_the_input_tables_are_not_changed():
    given = tables()
    apply({"action": "edit_article", "article_id": "a1", "title": "New"}, given=given)
    assert given == tables()


def test_reassign_speaker_by_offsets_or_by_text_when_offsets_moved():
    by_offsets = {"action": "reassign_speaker", "article_id": "a2", "start": 40, "end": 48,
                  "speaker_id": "wang-yi"}  # fmt: skip
    moved = {**by_offsets, "start": 41, "end": 49, "text": "No talks"}
    for entry in (by_offsets, moved):
        out, skipped = apply(entry)
        said = row(out["statements"], "statement_id", "a2-s0")
        assert skipped == [] and said["speaker_id"] == "wang-yi" and said["corrected"]
    out, skipped = apply({**by_offsets, "start": 41, "end": 49})
    assert skipped[0]["line"] == 1 and "no statement at [41:49]" in skipped[0]["reason"]
    out, skipped = apply({**by_offsets, "speaker_id": "nobody"})
    assert "not an actor" in skipped[0]["reason"]


def test_edit_event_by_id_or_by_its_old_key_when_the_id_vanished():
    was = event_was(tables()["events"][0])
    entry = {"action": "edit_event", "event_id": "e1", "was": was, "date": "2025-04",
             "place": "Beijing"}  # fmt: skip
    out, skipped = apply(entry)
    event = row(out["events"], "event_id", "e1")
    assert skipped == [] and event["place"] == "Beijing" and event["corrected"]
    assert (event["date"], event["date_precision"]) == ("2025-04-01", "month")
    out, skipped = apply({**entry, "event_id": "e-renamed"})
    assert skipped == [] and row(out["events"], "event_id", "e1")["place"] == "Beijing"
    out, skipped = apply({**entry, "event_id": "e-renamed", "was": {**was, "date": None}})
    assert "no longer in the snapshot" in skipped[0]["reason"]


def test_delete_event_removes_it_and_its_evidence():
    out, skipped = apply({"action": "delete_event", "event_id": "e2"})
    assert skipped == [] and [e["event_id"] for e in out["events"]] == ["e1"]
    assert [s["event_id"] for s in out["event_sources"]] == ["e1"]


def test_merge_actors_moves_every_reference_and_the_aliases():
    out, skipped = apply({"action": "merge_actors", "actor_id": "lavrov", "other_id": "s-lavrov"})
    assert skipped == []
    assert "s-lavrov" not in {a["actor_id"] for a in out["actors"]}
    lavrov = row(out["actors"], "actor_id", "lavrov")
    assert lavrov["aliases"] == ["Sergey Lavrov"] and lavrov["corrected"]
    assert row(out["mentions"], "text", "Sergey Lavrov")["actor_id"] == "lavrov"
    assert row(out["statements"], "statement_id", "a2-s0")["speaker_id"] == "lavrov"
    assert row(out["events"], "event_id", "e2")["participants"] == ["wang-yi", "lavrov"]
    assert out["roles"][0]["actor_id"] == "lavrov"
    _, again = apply(
        {"action": "merge_actors", "actor_id": "lavrov", "other_id": "s-lavrov"},
        given=out,
    )
    assert "already merged" in again[0]["reason"]


def test_split_actor_moves_the_named_mentions_to_a_new_actor():
    entry = {"action": "split_actor", "actor_id": "wang-yi", "text": "wang",
             "article_ids": ["a2"], "name": "Wang Wenbin", "country": "China"}  # fmt: skip
    out, skipped = apply(entry)
    assert skipped == []
    new = row(out["actors"], "actor_id", "wang-wenbin")
    assert new["name"] == "Wang Wenbin" and new["aliases"] == ["wang"] and new["corrected"]
    moved = [m["actor_id"] for m in out["mentions"] if m["text"] == "Wang"]
    assert moved == ["wang-yi", "wang-wenbin"]  # only in article a2
    _, skipped = apply({**entry, "article_ids": ["a9"]})
    assert "no mention 'wang' of wang-yi" in skipped[0]["reason"]


def test_add_alias_links_unlinked_mentions_and_speakers():
    out, skipped = apply({"action": "add_alias", "actor_id": "lavrov", "alias": "The FM"})
    assert skipped == []
    assert row(out["actors"], "actor_id", "lavrov")["aliases"] == ["The FM"]
    assert row(out["mentions"], "text", "the FM")["actor_id"] == "lavrov"
    assert row(out["statements"], "statement_id", "a2-s1")["speaker_id"] == "lavrov"


def test_stale_and_invalid_corrections_are_reported_and_the_rest_applied(tmp_path):
    path = tmp_path / "c.jsonl"
    record_correction("edit_article", path=path, article_id="gone", title="x")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{broken\n")
        handle.write('{"action": "edit_event", "event_id": "e1", "type": "party"}\n')
    record_correction("edit_article", path=path, article_id="a1", title="Kept")
    out, skipped = apply_corrections(tables(), load_corrections(path))
    assert [s["line"] for s in skipped] == [1, 2, 3]
    assert "not in the corpus" in skipped[0]["reason"]
    assert "not valid JSON" in skipped[1]["reason"]
    assert "type must be one of" in skipped[2]["reason"]
    assert row(out["articles"], "article_id", "a1")["title"] == "Kept"


def test_dataframes_in_dataframes_out():
    frames = {name: pd.DataFrame(rows) for name, rows in tables().items()}
    out, skipped = apply({"action": "merge_actors", "actor_id": "lavrov", "other_id": "s-lavrov"},
                         given=frames)  # fmt: skip
    assert skipped == [] and isinstance(out["events"], pd.DataFrame)
    assert list(out["events"].set_index("event_id").loc["e2", "participants"]) == [
        "wang-yi",
        "lavrov",
    ]
    assert out["actors"]["corrected"].tolist() == [False, True]


def test_a_corrected_publication_date_reaches_the_nlp_stage():
    article = CleanArticle("x.txt", "text", "T", None, None, "2025-04-01", None)
    fixed = correct_articles(
        [article],
        [{"action": "edit_article", "article_id": article_id_for("x.txt"),
          "published": "2024-01-05", "_line": 1}],
    )  # fmt: skip
    assert fixed[0].published == "2024-01-05" and article.published == "2025-04-01"


# --- in a build -----------------------------------------------------------------------------

TEXT = (
    "Wang Yi meets Lavrov in Moscow\n\n"
    "Chinese Foreign Minister Wang Yi met Sergei Lavrov in Moscow on Tuesday, the ministry "
    'said. "We are ready to play a constructive role," Wang told reporters.\n'
)


def test_corrections_apply_to_every_build_and_stale_ones_are_in_the_manifest(tmp_path):
    source, out, fixes = tmp_path / "raw", tmp_path / "snap", tmp_path / "corrections.jsonl"
    source.mkdir()
    (source / "one.txt").write_text(TEXT, "utf-8")
    opts = {"cache_dir": tmp_path / "cache", "corrections": fixes}
    build_snapshot(source, out, **opts)
    snap = read_snapshot(out)
    assert not snap["articles"]["corrected"].any()
    aid = snap["articles"]["article_id"][0]
    said = snap["statements"].iloc[0]
    event = snap["events"].iloc[0].to_dict()
    record_correction("edit_article", path=fixes, article_id=aid, outlet="Desk copy")
    record_correction("reassign_speaker", path=fixes, article_id=aid, start=int(said["start"]),
                      end=int(said["end"]), speaker_id="sergei-lavrov")  # fmt: skip
    record_correction("edit_event", path=fixes, event_id=event["event_id"], was=event_was(event),
                      place="Beijing")  # fmt: skip
    record_correction("add_alias", path=fixes, actor_id="no-such-actor", alias="X")
    assert not snapshot_is_current(source, out, corrections=fixes)  # a correction → rebuild

    for _ in range(2):  # a rebuild (here from the cache) applies them again
        report = build_snapshot(source, out, **opts)
        snap = read_snapshot(out)
        assert snap["articles"]["outlet"][0] == "Desk copy"
        assert snap["statements"].iloc[0]["speaker_id"] == "sergei-lavrov"
        assert snap["statements"]["corrected"].iloc[0]
        assert snap["events"].set_index("event_id").loc[event["event_id"], "place"] == "Beijing"
        manifest = read_manifest(out)
        assert manifest["corrections_applied"] == 3
        assert [s["line"] for s in manifest["corrections_skipped"]] == [4]
        assert report.corrections_skipped == manifest["corrections_skipped"]
    assert snapshot_is_current(source, out, corrections=fixes)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "readout", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)  # fmt: skip


def test_cli_lists_and_exports_the_corrections_file(tmp_path):
    path = tmp_path / "corrections.jsonl"
    record_correction("merge_actors", path=path, actor_id="lavrov", other_id="s-lavrov",
                      note="same person")  # fmt: skip
    listed = run_cli("corrections", "list", "--file", str(path))
    assert listed.returncode == 0
    assert "merge_actors" in listed.stdout and '"s-lavrov"' in listed.stdout
    assert "(same person)" in listed.stdout
    target = tmp_path / "export.jsonl"
    exported = run_cli("corrections", "export", "--file", str(path), "--out", str(target))
    assert exported.returncode == 0 and target.read_bytes() == path.read_bytes()
    to_stdout = run_cli("corrections", "export", "--file", str(path))
    assert to_stdout.stdout == path.read_text("utf-8")
    assert "no corrections" in run_cli("corrections", "list", "--file", str(tmp_path / "x")).stdout
