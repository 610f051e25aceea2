"""The fixture snapshot's main corpus: wire stories on Wang Yi's Moscow visit and older talks.

Six articles (one a wire-copy duplicate), ten actors, eight statements with themes, five events
(a multi-day visit, a month-precision one, a planned one), with their evidence sentences.
Offsets are computed from the texts, so they are always right. Tests reach it through
tests/fixtures_snapshot.py (variant "full").
"""

from __future__ import annotations

ARTICLES = [
    {
        "article_id": "a-mt",
        "file": "moscow_times.txt",
        "title": "China's Foreign Minister to Discuss Ukraine War Talks During Visit to Russia",
        "outlet": "The Moscow Times",
        "url": "https://www.themoscowtimes.com/2025/03/28/wang-visit",
        "published": "2025-03-28",
        "agency": "AFP",
        "text": (
            "Foreign Minister Wang Yi will pay an official visit to Russia from March 31 to "
            "April 2, Beijing said. During the visit, Wang Yi will hold talks with Sergei Lavrov "
            "on ending the war in Ukraine. Guo Jiakun said China is willing to play a "
            "constructive role in peace talks. Last month, Vladimir Putin spoke with Xi Jinping "
            "by phone about the crisis."
        ),
    },
    {
        "article_id": "a-ewn",
        "file": "ewn.txt",
        "title": "Beijing ready for 'constructive role' to end Ukraine conflict: China FM",
        "outlet": "EWN",
        "url": "https://ewn.co.za/2025/04/01/beijing-ready",
        "published": "2025-04-01",
        "agency": "AFP",
        "text": (
            "Wang Yi met Sergei Lavrov in Moscow on Tuesday. Wang Yi said China was ready to play "
            "a constructive role in ending the conflict through peace talks. Sergei Lavrov said "
            "Russia welcomed the Chinese position and rejected Western sanctions."
        ),
    },
    {
        "article_id": "a-f24",
        "file": "france24.txt",
        "title": "China ready for 'constructive role' on Ukraine, says FM",
        "outlet": "France 24",
        "url": "https://www.france24.com/en/20250401-china-constructive-role",
        "published": "2025-04-01",
        "agency": "AFP",
        "text": (
            "Wang Yi met Sergei Lavrov in Moscow on Tuesday. Wang Yi said China was ready to play "
            "a constructive role in ending the conflict through peace talks."
        ),
        "duplicate_of": "a-ewn",
    },
    {
        "article_id": "a-imp",
        "file": "imp.txt",
        "title": "Wang Yi's Moscow Visit Highlights China's Neutral Stance",
        "outlet": "imp.news",
        "url": "https://imp.news/world/wang-yi-moscow",
        "published": "2025-03-31",
        "agency": None,
        "text": (
            "Wang Yi arrived in Moscow for a three-day visit. Vladimir Putin is expected to "
            "receive Wang Yi on April 1. Wang Yi said sovereignty and territorial integrity of "
            "all countries should be respected."
        ),
    },
    {
        "article_id": "a-ms",
        "file": "morning_star.txt",
        "title": "China's foreign minister heads to Moscow after meeting US security adviser",
        "outlet": "Morning Star",
        "url": None,
        "published": "2023-09-18",
        "agency": "AP",
        "text": (
            "Wang Yi met Jake Sullivan in Malta over the weekend. Jake Sullivan said Washington "
            "opposed any arms supplies to Russia. Wang Yi said China firmly opposes the expansion "
            "of NATO and unilateral sanctions."
        ),
    },
    {
        "article_id": "a-scmp",
        "file": "scmp.txt",
        "title": "Ukraine war: China calls for all parties to 'create conditions for peace talks'",
        "outlet": "South China Morning Post",
        "url": "https://www.scmp.com/news/china/diplomacy/article/3217049",
        "published": "2023-04-14",
        "agency": None,
        "text": (
            "Qin Gang spoke with Sergei Lavrov by phone on Thursday. Qin Gang said all parties "
            "should create conditions for peace talks and a ceasefire. Volodymyr Zelensky said "
            "Ukraine would not accept a ceasefire that froze the front line."
        ),
    },
]

ACTORS = [
    ("wang-yi", "Wang Yi", "person", "China", ["Wang", "Mr Wang"]),
    ("sergei-lavrov", "Sergei Lavrov", "person", "Russia", ["Sergey Lavrov", "Lavrov"]),
    ("vladimir-putin", "Vladimir Putin", "person", "Russia", ["Putin"]),
    ("xi-jinping", "Xi Jinping", "person", "China", ["Xi"]),
    ("guo-jiakun", "Guo Jiakun", "person", "China", []),
    ("qin-gang", "Qin Gang", "person", "China", []),
    ("jake-sullivan", "Jake Sullivan", "person", "United States", ["Sullivan"]),
    ("volodymyr-zelensky", "Volodymyr Zelensky", "person", "Ukraine", ["Zelenskyy"]),
    ("china", "China", "country", "China", ["Beijing", "PRC"]),
    ("russia", "Russia", "country", "Russia", ["Moscow", "Russian Federation"]),
]

ROLES = [
    ("wang-yi", "foreign_minister", "China", "2023-07-25", None),
    ("sergei-lavrov", "foreign_minister", "Russia", "2004-03-09", None),
    ("vladimir-putin", "president", "Russia", "2012-05-07", None),
    ("xi-jinping", "president", "China", "2013-03-14", None),
    ("qin-gang", "foreign_minister", "China", "2022-12-30", "2023-07-25"),
    ("guo-jiakun", "spokesperson", "Chinese Foreign Ministry", "2024-01-01", None),
]

NAMES = {name: aid for aid, name, *_ in ACTORS} | {"Beijing": "china", "Washington": None}

# (article, speaker, addressee, quoted words, themes, kind)
STATEMENTS = [
    ("a-mt", "guo-jiakun", None, "constructive role in peace talks", ["peace_talks"], "indirect"),
    ("a-ewn", "wang-yi", None, "ready to play a constructive role in ending the conflict",
     ["peace_talks"], "indirect"),
    ("a-ewn", "sergei-lavrov", "china", "welcomed the Chinese position", ["sanctions"], "indirect"),
    ("a-f24", "wang-yi", None, "ready to play a constructive role in ending the conflict",
     ["peace_talks"], "indirect"),
    ("a-imp", "wang-yi", None, "sovereignty and territorial integrity of all countries",
     ["sovereignty"], "indirect"),
    ("a-ms", "jake-sullivan", "russia", "opposed any arms supplies to Russia", ["sanctions"],
     "indirect"),
    ("a-ms", "wang-yi", None, "firmly opposes the expansion of NATO", ["nato", "sanctions"],
     "indirect"),
    ("a-scmp", "qin-gang", None, "create conditions for peace talks and a ceasefire",
     ["peace_talks", "ceasefire"], "indirect"),
]  # fmt: skip

# (id, type, participants, place, date, end_date, precision, status, [(article, sentence start)])
EVENTS = [
    ("e-visit", "visit", ["wang-yi", "sergei-lavrov"], "Moscow", "2025-03-31", "2025-04-02",
     "day", "held", [("a-mt", "Foreign Minister Wang Yi will pay"), ("a-imp", "Wang Yi arrived")]),
    ("e-talks", "talks", ["wang-yi", "sergei-lavrov"], "Moscow", "2025-04-01", None, "day",
     "held", [("a-ewn", "Wang Yi met"), ("a-f24", "Wang Yi met")]),
    ("e-call", "call", ["vladimir-putin", "xi-jinping"], None, "2025-02", None, "month", "held",
     [("a-mt", "Last month")]),
    ("e-meet", "meeting", ["vladimir-putin", "wang-yi"], "Moscow", "2025-04-01", None, "day",
     "planned", [("a-imp", "Vladimir Putin is expected")]),
    ("e-malta", "meeting", ["wang-yi", "jake-sullivan"], "Malta", "2023-09-16", "2023-09-17",
     "day", "held", [("a-ms", "Wang Yi met Jake")]),
]  # fmt: skip


def _sentence(text: str, start: int) -> tuple[int, int]:
    end = text.find(". ", start)
    return start, (len(text) if end < 0 else end + 1)


def _sentences(article: dict) -> list[dict]:
    """The article's sentences as the pipeline stores them (here: split after ". ")."""
    text, out, start = article["text"], [], 0
    while start < len(text):
        _, end = _sentence(text, start)
        out.append({"article_id": article["article_id"], "start": start, "end": end})
        start = end + 1
    return out


def _mentions(article: dict) -> list[dict]:
    rows, text = [], article["text"]
    for surface, aid in NAMES.items():
        pos = text.find(surface)
        while pos >= 0:
            label = "GPE" if aid in (None, "china", "russia") else "PERSON"
            rows.append(
                {
                    "article_id": article["article_id"],
                    "start": pos,
                    "end": pos + len(surface),
                    "text": surface,
                    "label": label,
                    "actor_id": aid,
                }
            )
            pos = text.find(surface, pos + len(surface))
    return sorted(rows, key=lambda r: r["start"])


def _statement_rows() -> list[dict]:
    texts = {a["article_id"]: a for a in ARTICLES}
    rows = []
    for i, (aid, speaker, addressee, words, themes, kind) in enumerate(STATEMENTS):
        text = texts[aid]["text"]
        start = text.index(words)
        sent_start = text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0
        _, sent_end = _sentence(text, start)
        rows.append(
            {
                "statement_id": f"{aid}-s{i}",
                "article_id": aid,
                "speaker_id": speaker,
                "speaker_text": dict((a[0], a[1]) for a in ACTORS)[speaker],
                "text": words,
                "kind": kind,
                "start": start,
                "end": start + len(words),
                "date": texts[aid]["published"],
                "themes": themes,
                "addressee_id": addressee,
                "sent_start": sent_start,
                "sent_end": sent_end,
            }
        )
    return rows


def _event_rows() -> tuple[list[dict], list[dict]]:
    texts = {a["article_id"]: a["text"] for a in ARTICLES}
    events, sources = [], []
    for eid, kind, people, place, day, end, precision, status, reports in EVENTS:
        events.append(
            {
                "event_id": eid,
                "type": kind,
                "participants": people,
                "place": place,
                "date": day,
                "end_date": end,
                "date_precision": precision,
                "status": status,
                "article_ids": [aid for aid, _ in reports],
            }
        )
        for aid, opening in reports:
            start, stop = _sentence(texts[aid], texts[aid].index(opening))
            sources.append(
                {
                    "event_id": eid,
                    "article_id": aid,
                    "start": start,
                    "end": stop,
                    "text": texts[aid][start:stop],
                }
            )
    return events, sources


def rows() -> dict[str, list[dict]]:
    """The corpus's table rows (the tables a store would hold)."""
    articles = [{**a, "n_words": len(a["text"].split())} for a in ARTICLES]
    events, sources = _event_rows()
    return {
        "articles": articles,
        "actors": [
            dict(zip(("actor_id", "name", "kind", "country", "aliases"), a, strict=True))
            | {"in_knowledge_base": True}
            for a in ACTORS
        ],
        "roles": [
            dict(zip(("actor_id", "role", "of", "start", "end"), r, strict=True)) for r in ROLES
        ],
        "mentions": [m for a in ARTICLES for m in _mentions(a)],
        "statements": _statement_rows(),
        "events": events,
        "event_sources": sources,
        "sentences": [row for a in ARTICLES for row in _sentences(a)],
    }
