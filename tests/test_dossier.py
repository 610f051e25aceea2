"""The event dossier's view model on a small hand-made corpus where the two sides differ.

A Xi–Putin call reported by a Chinese outlet, a Russian one and a wire copy of the Russian
report: Beijing speaks of a "political settlement", Moscow of the "root causes" and NATO; both
of the "comprehensive strategic partnership". The outlets date and place the call apart.
"""

from __future__ import annotations

from dataclasses import replace

import pyarrow as pa
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
from readout.snapshot.schema import TABLE_NAMES, to_arrow

ACTORS = [
    ("xi-jinping", "Xi Jinping", "person", "China"),
    ("vladimir-putin", "Vladimir Putin", "person", "Russia"),
    ("li-qiang", "Li Qiang", "person", "China"),  # Chinese, but no voice of this contact
    ("dmitry-peskov", "Dmitry Peskov", "person", "Russia"),  # a spokesperson: speaks for it
    ("chinese-foreign-ministry", "Chinese Foreign Ministry", "organization", "China"),
    ("kremlin", "Kremlin", "organization", "Russia"),
    ("joe-biden", "Joe Biden", "person", "United States"),
    ("wang-yi", "Wang Yi", "person", "China"),
    ("xinhua", "Xinhua", "media", "China"),  # state-run: speaks for Beijing
    ("scmp", "South China Morning Post", "media", "China"),  # independent: no one's voice
]

# article -> (outlet, published, duplicate_of, sentences)
ARTICLES = {
    "a-gt": (
        "Global Times",
        "2025-05-08",
        None,
        [
            "Xi Jinping spoke with Vladimir Putin by phone on Thursday.",
            "Xi said China backs a political settlement of the Ukraine crisis.",
            "The Chinese Foreign Ministry praised the comprehensive strategic partnership.",
            "Li Qiang said trade grew fast.",
            "Wang Yi will visit Brazil next week, the Chinese Foreign Ministry said.",
            "In January Xi said peace needs patience.",
            "Xi called it a 'no limits' friendship.",
            "Xinhua said the talks deepened mutual trust.",
            "The South China Morning Post said the talks were brief.",
        ],
    ),
    "a-tass": (
        "TASS",
        "2025-05-09",
        None,
        [
            "Putin and Xi held a call on Wednesday.",
            "Putin said the root causes of the Ukraine crisis must be removed.",
            "Peskov said NATO expansion to the east threatens Russia.",
            "The Kremlin said the comprehensive strategic partnership keeps growing.",
            "Joe Biden said sanctions would follow.",
            "The Kremlin spoke of a 'no limits' friendship.",
        ],
    ),
    "a-copy": (
        "France 24",
        "2025-05-09",
        "a-tass",
        [
            "Putin and Xi held a call on Wednesday.",
            "Putin said the root causes of the Ukraine crisis must be removed.",
        ],
    ),
}

# (article, sentence index, speaker, quoted words, themes, kind, date or None)
STATEMENTS = [
    ("a-gt", 1, "xi-jinping", "a political settlement of the Ukraine crisis", ["peace_talks"]),
    ("a-gt", 2, "chinese-foreign-ministry", "the comprehensive strategic partnership",
     ["bilateral_cooperation"]),
    ("a-gt", 3, "li-qiang", "trade grew fast", ["trade"]),
    ("a-gt", 4, "chinese-foreign-ministry", "Wang Yi will visit Brazil", ["mediation"]),
    ("a-gt", 5, "xi-jinping", "peace needs patience", ["sovereignty"], "direct", "2025-01-10"),
    ("a-gt", 6, "xi-jinping", "no limits", [], "term"),
    ("a-tass", 1, "vladimir-putin", "the root causes of the Ukraine crisis", ["peace_talks"]),
    ("a-tass", 2, "dmitry-peskov", "NATO expansion to the east", ["nato"]),
    ("a-tass", 3, "kremlin", "the comprehensive strategic partnership keeps growing",
     ["bilateral_cooperation"]),
    ("a-tass", 4, "joe-biden", "sanctions would follow", ["sanctions"]),
    ("a-tass", 5, "kremlin", "no limits", [], "term"),
    ("a-copy", 1, "vladimir-putin", "the root causes of the Ukraine crisis", ["peace_talks"]),
    ("a-gt", 7, "xinhua", "the talks deepened mutual trust", ["bilateral_cooperation"]),
    ("a-gt", 8, "scmp", "the talks were brief", ["bilateral_cooperation"]),
]  # fmt: skip

# The noun phrases the parser finds in those words (readout/nlp/quotes/phrases.py; tested there).
PHRASES = {
    "a political settlement of the Ukraine crisis": ["political settlement", "Ukraine crisis"],
    "the comprehensive strategic partnership": ["comprehensive strategic partnership"],
    "the root causes of the Ukraine crisis": ["root causes", "Ukraine crisis"],
    "NATO expansion to the east": ["NATO expansion"],
    "the comprehensive strategic partnership keeps growing": [
        "comprehensive strategic partnership"
    ],
}

# (event, type, participants, date, [(article, sentence, own date, own place)])
EVENTS = [
    ("e-call", "call", ["xi-jinping", "vladimir-putin"], "2025-05-08",
     [("a-gt", 0, "2025-05-08", "Beijing"), ("a-tass", 0, "2025-05-07", "Moscow"),
      ("a-copy", 0, "2025-05-07", "Moscow")]),
    ("e-brazil", "visit", ["wang-yi"], "2025-05-15", [("a-gt", 4, "2025-05-15", None)]),
    ("e-agree", "call", ["xi-jinping", "vladimir-putin"], "2025-05-08",
     [("a-gt", 0, "2025-05-08", None), ("a-tass", 0, "2025-05-08", None)]),
]  # fmt: skip


def _spans(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        spans.append((start, start + len(sentence)))
    return text, spans


def corpus_tables() -> dict[str, pa.Table]:
    """The corpus as stored tables (the page test writes them as a snapshot)."""
    texts = {a: _spans(v[3]) for a, v in ARTICLES.items()}
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
    for aid, (outlet, day, copy_of, _) in ARTICLES.items():
        rows["articles"].append(
            {"article_id": aid, "file": f"{aid}.txt", "title": f"{outlet} on the call",
             "outlet": outlet, "published": day, "text": texts[aid][0], "n_words": 50,
             "duplicate_of": copy_of, "agency": None, "url": None}
        )  # fmt: skip
    for aid, name, kind, country in ACTORS:
        rows["actors"].append(
            {"actor_id": aid, "name": name, "kind": kind, "country": country, "aliases": []}
        )
    rows["roles"] += [
        {"actor_id": "dmitry-peskov", "role": "kremlin_spokesperson", "of": "Russia"},
        {"actor_id": "xinhua", "role": "state_media", "of": "China"},
    ]
    for i, (aid, n, speaker, words, themes, *rest) in enumerate(STATEMENTS):
        kind, day = ([*rest, None, None])[:2]
        text, spans = texts[aid]
        start = text.index(words, spans[n][0])
        rows["statements"].append(
            {"statement_id": f"s{i}", "article_id": aid, "speaker_id": speaker,
             "speaker_text": speaker, "text": words, "kind": kind or "indirect", "start": start,
             "end": start + len(words), "date": day, "themes": themes,
             "phrases": PHRASES.get(words, []), "sent_start": spans[n][0], "sent_end": spans[n][1]}
        )  # fmt: skip
    for eid, kind, people, day, sources in EVENTS:
        rows["events"].append(
            {"event_id": eid, "type": kind, "participants": people, "date": day,
             "date_precision": "day", "date_basis": "relative", "status": "held",
             "sources_disagree": eid == "e-call", "article_ids": [s[0] for s in sources]}
        )  # fmt: skip
        for aid, n, own_day, own_place in sources:
            start, end = texts[aid][1][n]
            rows["event_sources"].append(
                {"event_id": eid, "article_id": aid, "start": start, "end": end,
                 "text": texts[aid][0][start:end], "date": own_day, "place": own_place}
            )  # fmt: skip
    return {name: to_arrow(name, rows[name]) for name in TABLE_NAMES}


@pytest.fixture(scope="module")
def snap():
    return prepare({name: t.to_pandas() for name, t in corpus_tables().items()}, {})


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
