"""Synthetic corpora for scale tests: ``python -m readout synth --articles N --out DIR``.

Articles recombine sentence patterns with the knowledge base: people who held their role on
the article's date, their countries and capitals, reporting verbs, event triggers, theme
phrases, quotes with speakers and dates relative to publication, among page furniture lines.
Several articles report the same event of a shared "world" (``readout.synth.world``), so the
merge step has work to do. Output is deterministic for a seed.

``--snapshot`` skips the NLP and writes a built snapshot directly (``readout.synth.snapshot``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from readout import KNOWLEDGE_DIR
from readout.synth.text import (
    MONTHS,
    Context,
    Sentence,
    background_sentence,
    event_sentence,
    statement_sentence,
)
from readout.synth.world import END, START, Lexicon, Post, WorldEvent, load_lexicon, make_world

OUTLETS = (
    ("The Moscow Times", "www.themoscowtimes.com"), ("South China Morning Post", "www.scmp.com"),
    ("Reuters", "www.reuters.com"), ("AP News", "apnews.com"),
    ("Al Jazeera", "www.aljazeera.com"), ("France 24", "www.france24.com"), ("DW", "www.dw.com"),
    ("The Guardian", "www.theguardian.com"),
    ("Kyiv Independent", "kyivindependent.com"), ("Global Times", "www.globaltimes.cn"),
    ("TASS", "tass.com"), ("EWN", "ewn.co.za"), ("Nikkei Asia", "asia.nikkei.com"),
    ("Radio Free Europe", "www.rferl.org"), ("The Diplomat", "thediplomat.com"),
)  # fmt: skip
AGENCIES = ("AFP", "Reuters", "AP", None, None)
HEADLINES = {
    "visit": "{side}'s {title} to visit {place} for talks on Ukraine",
    "meeting": "{a} meets {b} as Ukraine war grinds on",
    "talks": "{a} and {b} hold talks on Ukraine in {place}",
    "call": "{a} and {b} discuss Ukraine in phone call",
    "summit": "{a} heads to summit in {place} amid Ukraine peace push",
}
PUBLISHED_AFTER = (-6, -3, -1, 0, 0, 1, 1, 2, 3, 5, 9, 20)  # days from event to publication


@dataclass
class SynthArticle:
    file: str
    title: str
    outlet: str
    url: str
    published: date
    agency: str | None
    sentences: list[Sentence]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:70]


def headline(lex: Lexicon, ev: WorldEvent) -> str:
    place = lex.capital(ev.b.of) if ev.type == "visit" else ev.place or ""
    names = {"a": ev.a.person.short, "b": ev.b.person.short, "side": ev.a.of}
    return HEADLINES[ev.type].format(place=place, title=lex.title(ev.a), **names)


def spokespeople(lex: Lexicon, day: date) -> list[Post]:
    posts = lex.posts_on(day)
    voices = [p for p in posts if p.of in ("China", "Russia") and "spokes" in p.role]
    return voices or posts


def neighbour(rng: random.Random, world: list[WorldEvent], ev: WorldEvent) -> WorldEvent:
    i = min(max(ev.index + rng.choice((-3, -2, -1, 1, 2, 3)), 0), len(world) - 1)
    return world[i]


def body(ctx: Context, world: list[WorldEvent], anchor: WorldEvent, size: int) -> list[Sentence]:
    """``size`` controls length: about 2 events, 4-6 statements and some background."""
    rng = ctx.rng
    out = [event_sentence(ctx, anchor), statement_sentence(ctx, anchor.a)]
    out += [statement_sentence(ctx, anchor.a)] if rng.random() < 0.5 else []
    out += [statement_sentence(ctx, anchor.b), background_sentence(ctx)]
    other = neighbour(rng, world, anchor)
    if other.index != anchor.index and rng.random() < 0.85:
        out += [event_sentence(ctx, other)]
    voices = spokespeople(ctx.lex, ctx.published)
    out += [statement_sentence(ctx, rng.choice(voices)) for _ in range(rng.randint(1, 2))]
    out += [background_sentence(ctx) for _ in range(size)]
    tail = [statement_sentence(ctx, rng.choice((anchor.a, anchor.b))) for _ in range(size // 3)]
    return out + tail + [background_sentence(ctx) for _ in range(size // 2)]


def make_article(i: int, seed: int, lex: Lexicon, world: list[WorldEvent]) -> SynthArticle:
    rng = random.Random(f"{seed}-article-{i}")
    anchor = world[min(int(len(world) * rng.random() ** 1.3), len(world) - 1)]
    published = anchor.day + timedelta(days=rng.choice(PUBLISHED_AFTER))
    published = min(max(published, START), END)
    ctx = Context(rng, lex, published)
    sentences = body(ctx, world, anchor, rng.randint(3, 9))
    outlet, domain = rng.choice(OUTLETS)
    title = headline(lex, anchor)
    digest = hashlib.sha1(f"{seed}-{i}".encode()).hexdigest()[:12]
    url = f"https://{domain}/{published:%Y/%m/%d}/{slug(title)}-{digest[:6]}"
    return SynthArticle(
        f"{i:06d}_{digest}.txt", title, outlet, url, published, rng.choice(AGENCIES), sentences
    )


def wire_copy(original: SynthArticle, other: SynthArticle) -> SynthArticle:
    """The text of ``original`` under the file, outlet and address of ``other``."""
    return SynthArticle(
        other.file, original.title, other.outlet, other.url, original.published,
        original.agency, original.sentences,
    )  # fmt: skip


def page_text(article: SynthArticle, rng: random.Random, lex: Lexicon) -> str:
    """The article as copied from a browser: furniture, headline, byline, date, paragraphs."""
    day = article.published
    top = rng.sample(lex.furniture, rng.randint(0, 3))
    lines = [*top, article.title]
    lines += [f"By {article.agency}"] if article.agency else []
    lines.append(f"{MONTHS[day.month - 1]} {day.day}, {day.year}")
    paragraphs, sentences = [], [s.text for s in article.sentences]
    while sentences:  # one to three sentences a paragraph, the lead on its own
        take = 1 if not paragraphs else rng.choice((1, 1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    if len(paragraphs) > 4 and rng.random() < 0.5:
        paragraphs.insert(rng.randint(2, len(paragraphs) - 1), "Advertisement")
    lines += paragraphs
    lines += rng.sample(lex.furniture, rng.randint(1, 4))
    return "\n\n".join(lines) + "\n"


def write_corpus(
    n_articles: int, out: Path, *, seed: int = 0, knowledge_dir: Path = KNOWLEDGE_DIR
) -> Path:
    """Write ``n_articles`` .txt files and metadata.csv (outlet, url, published) into ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    lex = load_lexicon(Path(knowledge_dir))
    world = make_world(max(n_articles // 2, 1), seed, lex)
    rows = []
    for i in range(n_articles):
        article = make_article(i, seed, lex, world)
        if i and random.Random(f"{seed}-copy-{i}").random() < 0.05:  # wire copy of the last
            article = wire_copy(make_article(i - 1, seed, lex, world), article)
        text = page_text(article, random.Random(f"{seed}-page-{i}"), lex)
        (out / article.file).write_text(text, "utf-8")
        rows.append([article.file, article.outlet, article.url, article.published.isoformat()])
    with (out / "metadata.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "outlet", "url", "published"])
        writer.writerows(rows)
    return out


# --- command line ------------------------------------------------------------------------------


def cmd_synth(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.snapshot:
        from readout.synth.snapshot import write_synthetic_snapshot

        counts = write_synthetic_snapshot(args.articles, args.out, seed=args.seed)
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        print(f"wrote snapshot {args.out} in {time.perf_counter() - started:.1f}s: {summary}")
        return 0
    write_corpus(args.articles, args.out, seed=args.seed)
    seconds = time.perf_counter() - started
    print(f"wrote {args.articles} articles and metadata.csv to {args.out} in {seconds:.1f}s")
    return 0


def register(sub) -> None:
    """The ``synth`` subcommand (see ``readout.__main__``)."""
    p = sub.add_parser("synth", help="write a synthetic corpus, or snapshot, for scale tests")
    p.add_argument("--articles", type=int, default=1000, help="how many articles (default 1000)")
    p.add_argument("--out", type=Path, required=True, help="folder to write")
    p.add_argument("--seed", type=int, default=0, help="same seed, same output (default 0)")
    p.add_argument(
        "--snapshot",
        action="store_true",
        help="write the tables of a built snapshot directly (no NLP), for testing the app",
    )
    p.set_defaults(func=cmd_synth)
