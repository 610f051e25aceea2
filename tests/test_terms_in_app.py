"""Terms (quoted names of things, scare quotes) never reach the app as statements: a "'no
limits' partnership" is a speaker's vocabulary, not something a person said."""

from __future__ import annotations

from dashboard.model import TERM, prepare
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import fixture_rows, write_fixture


def _snapshot(tmp_path, term_rows: int):
    def as_terms(rows: dict) -> None:
        for row in rows["statements"][:term_rows]:
            row["kind"] = TERM

    folder = write_fixture(tmp_path / "snap", edit=as_terms)
    return prepare(read_snapshot(folder), read_manifest(folder)), fixture_rows()["statements"]


def test_terms_are_kept_apart_from_statements(tmp_path):
    snap, stored = _snapshot(tmp_path, term_rows=2)
    assert TERM not in set(snap.statements["kind"])
    assert len(snap.statements) == len(stored) - 2
    assert list(snap.terms["statement_id"]) == [r["statement_id"] for r in stored[:2]]
    # The terms carry what the comparison needs: who used the words, and where.
    assert snap.terms["speaker"].notna().all() and snap.terms["context"].str.len().gt(0).all()


def test_a_snapshot_without_terms_has_an_empty_terms_table(tmp_path):
    snap, stored = _snapshot(tmp_path, term_rows=0)
    assert len(snap.statements) == len(stored) and snap.terms.empty
