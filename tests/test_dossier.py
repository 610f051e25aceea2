"""The event dossier's view model on the fixture's dossier corpus, where the two sides differ
(tests/fixture_dossier.py: a Xi–Putin call told by Beijing's and Moscow's outlets and a wire copy).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.compare import NO_THEME
from dashboard.dossier.build import ThemeRow, build_dossier, shared_marks
from dashboard.dossier.ids import anchors, resolve
from dashboard.dossier.phrases import only_phrases
from dashboard.dossier.view import dossier_built
from dashboard.figures.dossier import (
    BOTH_FILL,
    HEADER_FILL,
    ONLY_FILL,
    dossier_table,
    one_side,
    theme_figure,
)
from dashboard.model import prepare
from readout.snapshot.store import read_manifest, read_snapshot
from tests.fixtures_snapshot import write_fixture


@pytest.fixture(scope="module")
def snap(tmp_path_factory):
    folder = write_fixture(tmp_path_factory.mktemp("dossier") / "snapshot", "dossier")
    return prepare(read_snapshot(folder), read_manifest(folder))


def _said(dossier, country: str) -> list[str]:
    side = next(s for s in dossier.sides if s.country == country)
    return list(side.statements["text"])


def _rows(dossier) -> list[tuple[str, list[int]]]:
    return [(r.label, [len(c) for c in r.cells]) for r in dossier.rows]


CASES = [
    # what, event, value of the dossier, expected
    ("sides", "e-call", lambda d: [(s.country, s.people) for s in d.sides],
     [("China", ("Xi Jinping",)), ("Russia", ("Vladimir Putin",))]),
    ("Beijing's account: participant, ministry and state media; no other Chinese person, no "
     "independent outlet, no other contact, nothing from a week away; no term", "e-call",
     lambda d: _said(d, "China"),
     ["a political settlement of the Ukraine crisis", "the comprehensive strategic partnership",
      "the talks deepened mutual trust"]),
    ("Moscow's account: spokesperson and Kremlin count, the wire copy once, no American",
     "e-call", lambda d: _said(d, "Russia"),
     ["the root causes of the Ukraine crisis", "NATO expansion to the east",
      "the comprehensive strategic partnership keeps growing"]),
    ("theme rows: both sides' themes first", "e-call", _rows,
     [("Bilateral cooperation", [2, 1]), ("Peace talks", [1, 1]), ("NATO", [0, 1])]),
    ("only one side", "e-call", lambda d: d.only, {"China": (), "Russia": ("NATO",)}),
    ("shared wording", "e-call", lambda d: d.shared,
     ("comprehensive strategic", "strategic partnership", "ukraine crisis")),
    ("disagreement notes", "e-call", lambda d: d.notes,
     ("Dates differ: Global Times: 8 May; France 24: 7 May; TASS: 7 May",
      "Places differ: Global Times: Beijing; France 24: Moscow; TASS: Moscow")),
    ("no note when the sources agree", "e-agree", lambda d: d.notes, ()),
    ("wire copies grouped under the original", "e-call",
     lambda d: [(r.outlet, r.copies) for r in d.reports],
     [("Global Times", ()), ("TASS", ("France 24 9 May 2025",))]),
    ("terms with who uses them", "e-call",
     lambda d: d.terms[["term", "used_by", "sides"]].to_dict("records"),
     [{"term": "no limits", "used_by": "Xi Jinping; Kremlin", "sides": "China; Russia"}]),
    ("the event's facts", "e-call",
     lambda d: (d.type, d.participants, d.when, d.date_basis, d.sources_disagree),
     ("call", ("Xi Jinping (China)", "Vladimir Putin (Russia)"), "8 May 2025", "relative",
      True)),
    ("a one-participant event has one side and no only-lists", "e-brazil",
     lambda d: ([s.country for s in d.sides], d.only), (["China"], {})),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "event_id", "value", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_dossier(snap, what, event_id, value, expected):
    assert value(build_dossier(snap, event_id)) == expected


@pytest.mark.parametrize("event_id", ["e-nope", "", None])
def test_unknown_or_missing_id_has_no_dossier(snap, event_id):
    assert build_dossier(snap, event_id) is None


def test_csv_lists_each_sides_statements_with_their_sources(snap):
    table = dossier_table(snap, build_dossier(snap, "e-call"))
    assert list(table["one_side_phrases"]) == ["political settlement", "", "", "root causes",
                                               "", ""]  # fmt: skip
    rows = table[["side", "speaker", "shared_phrases", "outlet", "wire_copies"]]
    assert rows.to_dict("records") == [
        {"side": "China", "speaker": "Xi Jinping", "shared_phrases": "ukraine crisis",
         "outlet": "Global Times", "wire_copies": ""},
        {"side": "China", "speaker": "Chinese Foreign Ministry",
         "shared_phrases": "comprehensive strategic; strategic partnership",
         "outlet": "Global Times", "wire_copies": ""},
        {"side": "China", "speaker": "Xinhua", "shared_phrases": "", "outlet": "Global Times",
         "wire_copies": ""},
        {"side": "Russia", "speaker": "Vladimir Putin", "shared_phrases": "ukraine crisis",
         "outlet": "TASS", "wire_copies": "France 24 9 May 2025"},
        {"side": "Russia", "speaker": "Dmitry Peskov", "shared_phrases": "", "outlet": "TASS",
         "wire_copies": "France 24 9 May 2025"},
        {"side": "Russia", "speaker": "Kremlin",
         "shared_phrases": "comprehensive strategic; strategic partnership", "outlet": "TASS",
         "wire_copies": "France 24 9 May 2025"},
    ]  # fmt: skip


def test_shared_wording_is_marked_inside_the_quoted_words(snap):
    dossier = build_dossier(snap, "e-call")
    russia = dossier.sides[1].statements
    marks = shared_marks(snap, dossier, russia)
    text = snap.text_of("a-tass")
    assert {sid: [text[m.start : m.end] for m in spans] for sid, spans in marks.items()} == {
        "s6": ["Ukraine crisis"],
        "s7": [],
        "s8": ["comprehensive strategic partnership"],
    }


def test_theme_figure_escapes_article_text_and_tints_one_sided_rows(snap):
    dossier = build_dossier(snap, "e-call")
    side = dossier.sides[1]
    hostile = side.statements.assign(text="<img src=x onerror=alert(1)> NATO expansion")
    rows = [replace(r, cells=(r.cells[0], hostile.iloc[: len(r.cells[1])])) for r in dossier.rows]
    fig = theme_figure(replace(dossier, rows=tuple(rows)))
    cells = fig.data[0].cells
    body = " ".join(str(v) for column in cells.values for v in column)
    assert "<img" not in body and "&lt;img src=x" in body
    # theme rows, then the wording row: each side's own phrases, and those both use
    assert list(cells.fill.color[0]) == [BOTH_FILL, BOTH_FILL, ONLY_FILL, HEADER_FILL]
    wording = [column[-1] for column in cells.values]
    assert wording[0].startswith("<b>Wording</b><br><i>both: “comprehensive strategic”")
    assert wording[1:] == ["Only China: “political settlement”", "Only Russia: “root causes”"]


def test_statements_without_a_theme_are_no_sides_own_theme(snap):
    dossier = build_dossier(snap, "e-call")
    unthemed = ThemeRow(
        NO_THEME, "No theme", (dossier.sides[0].statements[:0], dossier.sides[1].statements)
    )
    assert not one_side(dossier, unthemed)
    assert one_side(dossier, dossier.rows[-1])  # NATO, Moscow alone


def test_the_briefing_pack_draws_the_dossier_with_its_notes(snap):
    fig, cited, notes = dossier_built(snap, snap, {"event": ["e-call"]})
    assert fig.data[0].type == "table"
    assert sorted(cited["article_id"]) == ["a-gt", "a-tass"]
    assert "Only Russia: NATO" in notes and "Dates differ: Global Times: 8 May" in notes
    assert "Only China" not in notes  # China raises no theme of its own
    assert "Peace talks: only China: “political settlement” · only Russia: “root causes”" in notes


def test_the_pack_says_so_when_the_event_is_gone(snap):
    fig, cited, notes = dossier_built(snap, snap, {"event": ["e-gone"]})
    assert fig is None and cited.empty and "no longer in the snapshot" in notes


def test_a_link_carries_evidence_sentences_of_different_articles_first(snap):
    starts = snap.event_sources.set_index(["event_id", "article_id"])["start"]
    assert anchors(snap, "e-call") == [
        f"a-copy:{starts['e-call', 'a-copy']}",
        f"a-gt:{starts['e-call', 'a-gt']}",
        f"a-tass:{starts['e-call', 'a-tass']}",
    ]


RESOLVE = [
    ("a known id opens itself", "e-call", [], "e-call", False),
    ("a gone id opens the event now holding its sentences", "e-old", "e-call", "e-call", True),
    ("a gone id without anchors opens nothing", "e-old", [], None, False),
    ("anchors no event holds open nothing", "e-old", ["a-gt:9999", "junk"], None, False),
]


@pytest.mark.parametrize(("what", "event_id", "keys", "opens", "noted"), RESOLVE,
                         ids=[r[0] for r in RESOLVE])  # fmt: skip
def test_links_survive_a_rebuild(snap, what, event_id, keys, opens, noted):
    keys = anchors(snap, keys) if isinstance(keys, str) else keys
    found = resolve(snap, event_id, keys)
    assert (found.event_id, found.note is not None) == (opens, noted)


def test_what_only_one_side_says_on_a_theme_both_raise(snap):
    assert only_phrases(build_dossier(snap, "e-call")) == {
        # "Ukraine crisis" and "comprehensive strategic partnership" are both sides' wording
        "peace_talks": {"China": ("political settlement",), "Russia": ("root causes",)},
    }


def _one_sided(sides, shared=()):
    """only_phrases of a two-side dossier whose one theme both raise holds these statements."""
    import pandas as pd

    from dashboard.dossier.build import Dossier, Side

    frames = [
        pd.DataFrame(
            {
                "text": [t for t, _ in said],
                "phrases": [p for _, p in said],
                "themes": [["peace_talks"]] * len(said),
            }
        )
        for _, _, said in sides
    ]
    rows = (ThemeRow("peace_talks", "Peace talks", tuple(frames)),)
    made = [Side(c, people, f) for (c, people, _), f in zip(sides, frames, strict=True)]
    d = Dossier(
        "e",
        "call",
        (),
        None,
        "",
        None,
        "held",
        False,
        (),
        pd.DataFrame(),
        (),
        tuple(made),
        rows,
        tuple(shared),
        {},
        pd.DataFrame(),
    )
    return only_phrases(d).get("peace_talks", {})


ONE_SIDED = [
    ("a phrase the other side also says is no one's own",
     [("A", ("Ann Lee",), [("a political settlement now", ["political settlement"])]),
      ("B", ("Bo Kim",), [("we want a political settlement", ["political settlement"])])],
     (), {}),
    ("a side's own name is not its wording",
     [("A", ("Ann Lee",), [("A and Ann Lee want talks", ["A", "Ann Lee", "direct talks"])]),
      ("B", ("Bo Kim",), [("Kim wants peace", ["Kim"])])],
     (), {"A": ("direct talks",)}),
    ("a phrase holding a shared phrase is not one side's",
     [("A", ("Ann Lee",), [("the strategic partnership grows", ["new strategic partnership"])]),
      ("B", ("Bo Kim",), [("a strategic partnership", ["strategic partnership"])])],
     ("strategic partnership",), {}),
    ("the most used first, at most four",
     [("A", ("Ann Lee",), [("x", ["p1", "p2", "p3", "p4", "p5"]), ("y", ["p5"])]),
      ("B", ("Bo Kim",), [("nothing alike", [])])],
     (), {"A": ("p5", "p1", "p2", "p3")}),
]  # fmt: skip


@pytest.mark.parametrize(("what", "sides", "shared", "expected"), ONE_SIDED,
                         ids=[c[0] for c in ONE_SIDED])  # fmt: skip
def test_one_sided_phrases(what, sides, shared, expected):
    assert _one_sided(sides, shared) == expected
