"""The fixture snapshot's dossier corpus: one event whose two sides differ.

A Xi–Putin call reported by a Chinese outlet, a Russian one and a wire copy of the Russian
report: Beijing speaks of a "political settlement", Moscow of the "root causes" and NATO; both
of the "comprehensive strategic partnership". The outlets date and place the call apart. Tests
reach it through tests/fixtures_snapshot.py (variant "dossier").
"""

from __future__ import annotations

from collections import defaultdict

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


def rows() -> dict[str, list[dict]]:
    """The corpus's table rows; a table it does not fill is empty."""
    texts = {a: _spans(v[3]) for a, v in ARTICLES.items()}
    out: dict[str, list[dict]] = defaultdict(list)
    for aid, (outlet, day, copy_of, _) in ARTICLES.items():
        out["articles"].append(
            {"article_id": aid, "file": f"{aid}.txt", "title": f"{outlet} on the call",
             "outlet": outlet, "published": day, "text": texts[aid][0], "n_words": 50,
             "duplicate_of": copy_of, "agency": None, "url": None}
        )  # fmt: skip
    for aid, name, kind, country in ACTORS:
        out["actors"].append(
            {"actor_id": aid, "name": name, "kind": kind, "country": country, "aliases": []}
        )
    out["roles"] += [
        {"actor_id": "dmitry-peskov", "role": "kremlin_spokesperson", "of": "Russia"},
        {"actor_id": "xinhua", "role": "state_media", "of": "China"},
    ]
    for i, (aid, n, speaker, words, themes, *rest) in enumerate(STATEMENTS):
        kind, day = ([*rest, None, None])[:2]
        text, spans = texts[aid]
        start = text.index(words, spans[n][0])
        out["statements"].append(
            {"statement_id": f"s{i}", "article_id": aid, "speaker_id": speaker,
             "speaker_text": speaker, "text": words, "kind": kind or "indirect", "start": start,
             "end": start + len(words), "date": day, "themes": themes,
             "phrases": PHRASES.get(words, []), "sent_start": spans[n][0], "sent_end": spans[n][1]}
        )  # fmt: skip
    for eid, kind, people, day, sources in EVENTS:
        out["events"].append(
            {"event_id": eid, "type": kind, "participants": people, "date": day,
             "date_precision": "day", "date_basis": "relative", "status": "held",
             "sources_disagree": eid == "e-call", "article_ids": [s[0] for s in sources]}
        )  # fmt: skip
        for aid, n, own_day, own_place in sources:
            start, end = texts[aid][1][n]
            out["event_sources"].append(
                {"event_id": eid, "article_id": aid, "start": start, "end": end,
                 "text": texts[aid][0][start:end], "date": own_day, "place": own_place}
            )  # fmt: skip
    return dict(out)
