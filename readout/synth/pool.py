"""The sentence pool of synthetic snapshots (``readout.synth.snapshot``).

A few tens of thousands of sentences rendered once by ``readout.synth.text``: one per world
event (dated absolutely, as several articles share it), a headline per event, and per month a
pool of statements and of background sentences, with the offsets of their mentions and quotes
flattened into parallel columns.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from readout.synth.text import Context, Sentence, background_sentence, event_sentence
from readout.synth.text import statement_sentence as statement
from readout.synth.world import END, START, Lexicon, WorldEvent


@dataclass
class Pool:
    """Sentences with their annotations, flattened into parallel columns."""

    texts: list[str] = field(default_factory=list)
    events: list[int] = field(default_factory=list)  # world event index, or -1
    mentions: list[list] = field(default_factory=lambda: [[] for _ in range(6)])
    quotes: list[list] = field(default_factory=lambda: [[] for _ in range(9)])

    def add(self, s: Sentence) -> None:
        i = len(self.texts)
        self.texts.append(s.text)
        self.events.append(-1 if s.event is None else s.event)
        for m in s.mentions:
            for column, value in zip(self.mentions, (i, *m), strict=True):
                column.append(value)
        for q in s.quotes:
            values = (i, q["start"], q["end"], q["text"], q["kind"], q["speaker_id"],
                      q["speaker_text"], q["themes"], q["phrases"])  # fmt: skip
            for column, value in zip(self.quotes, values, strict=True):
                column.append(value)

    def counts(self, owner: list) -> tuple[np.ndarray, np.ndarray]:
        """(first row, number of rows) of each sentence's annotations in ``owner``."""
        count = np.bincount(np.asarray(owner, dtype=np.int64), minlength=len(self.texts))
        return np.cumsum(count) - count, count


def month_of(day: date) -> int:
    return (day.year - START.year) * 12 + day.month - START.month


def build_pool(
    lex: Lexicon, world: list[WorldEvent], n_articles: int, seed: int
) -> tuple[Pool, dict]:
    """Rows: E world events (dated absolutely), E headlines, then statements month by month,
    then background month by month (``per_month`` of each)."""
    from readout.synth.articles import headline

    rng, pool = random.Random(f"pool-{seed}"), Pool()
    for ev in world:
        pool.add(event_sentence(Context(rng, lex, ev.day, absolute_dates=True), ev))
    for ev in world:
        pool.add(Sentence(headline(lex, ev)))
    months = month_of(END) + 1
    per_month = {"st": _size(n_articles, 5, months, 2), "bg": _size(n_articles, 12, months, 8)}
    days = [_mid_month(m) for m in range(months)]
    for day in days:
        posts = lex.posts_on(day)
        for _ in range(per_month["st"]):
            ctx = Context(rng, lex, day)
            speaker = rng.choice(posts)
            if rng.random() < 0.5:
                ctx.introduced.add(speaker.person.id)  # named before: "Wang", "Mr Wang"
            pool.add(statement(ctx, speaker))
    for day in days:
        for _ in range(per_month["bg"]):
            pool.add(background_sentence(Context(rng, lex, day)))
    return pool, {"events": len(world), "months": months, **per_month}


def _mid_month(m: int) -> date:
    return date(START.year + (START.month - 1 + m) // 12, (START.month - 1 + m) % 12 + 1, 15)


def _size(n_articles: int, per_article: int, months: int, reuse: int) -> int:
    return int(np.clip(n_articles * per_article / months / reuse, 20, 5000))
