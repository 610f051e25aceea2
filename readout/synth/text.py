"""Sentences of synthetic articles, with the annotations a perfect pipeline would find.

Every sentence is assembled piece by piece, so the offsets of the actor names, quotes and
events put into it are known: ``readout.synth.articles`` writes the text, ``readout.synth.snapshot``
also uses the offsets for the tables of a snapshot.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from readout.synth.world import PAST as SPEECH_PAST
from readout.synth.world import Lexicon, Post, WorldEvent

EVENT_PAST = {"meet": "met", "hold": "held", "speak": "spoke", "fly": "flew", "go": "went",
        "come": "came", "travel": "travelled", "head": "headed", "arrive": "arrived"}  # fmt: skip
FRAMES = (
    "{side} attaches great importance to {np}",
    "{np} remains a priority for {side}",
    "{side} will not accept pressure over {np}",
    "there is no alternative to dialogue on {np}",
    "{side}'s position on {np} is consistent and clear",
    "the international community should pay more attention to {np}",
    "{side} and its partners share the same view on {np}",
)
# The noun phrases of each frame a build would store with the statement (``readout/nlp/
# phrases.py``: two content words or more), beside the theme phrase itself.
FRAME_PHRASES = {
    FRAMES[0]: ("great importance",),
    FRAMES[5]: ("international community",),
    FRAMES[6]: ("same view",),
}
ADJECTIVES = ("timely", "constructive", "productive", "candid and substantive", "very useful")
BACKGROUND = (
    "{c1} and {c2} have deepened political, military and economic cooperation since the "
    "full-scale invasion of {c3} in February 2022.",
    "{c1} presents itself as a neutral party in the conflict, a claim {c2} disputes.",
    "{c1} has repeatedly criticised {c2} over {np}.",
    "Analysts said {np} would weigh on relations between {c1} and {c2} for months.",
    "The war in {c3} has dominated relations between {c1} and {c2} since 2022.",
    "Trade between {c1} and {c2} reached a record last year, driven by energy sales, even as "
    "{c3} pressed its partners to cut economic ties.",
    "Diplomats in {c1} said privately that {np} was unlikely to change quickly, and that {c2} "
    "had few incentives to move first.",
    "Western officials have accused {c1} of supplying {c2} with dual-use goods, an accusation "
    "it has rejected, insisting that its trade is normal and lawful.",
    "The question of {np} has divided {c1} and {c2} since the early months of the war, and "
    "neither side has shifted its public position.",
    "Observers in {c1} noted that {c2} had stepped up its diplomatic outreach, with officials "
    "travelling widely to explain its stance on {np}.",
    "{c1} has never condemned the invasion of {c3}, and it abstained in several votes at the "
    "United Nations on the conflict.",
    "Energy exports from {c1} to {c2} have grown steadily, with pipeline gas and crude oil "
    "making up the largest share of the trade.",
)
MONTHS = [date(2001, m, 1).strftime("%B") for m in range(1, 13)]
SIDES = ("China", "Russia", "United States", "Ukraine", "NATO", "European Union", "India")
THE = {"Netherlands", "Vatican", "European Union", "European Commission", "European Council"}
WEEKDAYS = [date(2001, 1, d).strftime("%A") for d in range(1, 8)]  # 2001-01-01 was a Monday


@dataclass
class Sentence:
    """Text built piece by piece; offsets are relative to the start of the sentence."""

    text: str = ""
    mentions: list[tuple[int, int, str, str, str | None]] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    event: int | None = None  # index of the world event the sentence reports

    def add(self, text: str) -> Sentence:
        if text[:1] == "." and self.text.endswith(","):  # "..., Sergei Lavrov," + "."
            self.text = self.text[:-1]
        self.text += text
        return self

    def actor(self, text: str, label: str, actor_id: str | None) -> Sentence:
        self.mentions.append((len(self.text), len(self.text) + len(text), text, label, actor_id))
        return self.add(text)

    def quote(
        self, text: str, kind: str, speaker: Post, speaker_text: str, themes, phrases=()
    ) -> Sentence:
        start = len(self.text)
        self.add(text)
        self.quotes.append(
            {"start": start, "end": len(self.text), "text": text, "kind": kind,
             "speaker_id": speaker.person.id, "speaker_text": speaker_text,
             "themes": list(themes), "phrases": list(phrases)}
        )  # fmt: skip
        return self


@dataclass
class Context:
    """What the writer of one article knows: its date and whom it has introduced already."""

    rng: random.Random
    lex: Lexicon
    published: date
    introduced: set[str] = field(default_factory=set)
    last_speaker: Post | None = None
    used: set[str] = field(default_factory=set)  # background templates already written
    absolute_dates: bool = False  # snapshot pools: no dates relative to a publication day


def _cap(words: str) -> str:
    keep = ("of", "the")
    return " ".join(w if w.isupper() or w in keep else w.capitalize() for w in words.split())


def country(s: Sentence, ctx: Context, name: str, form: str | None = None) -> Sentence:
    """A country (or organisation) by name or capital, as a linked mention; "'s" appends the
    possessive."""
    actor = ctx.lex.countries.get(name) or ctx.lex.organizations.get(name)
    actor_id = actor.id if actor else name.lower()
    if form == "capital" and actor is not None and actor.metonyms:
        return s.actor(actor.metonyms[0], "GPE", actor_id)
    if name.startswith("United ") or name in THE:
        s.add("The " if not s.text or s.text.endswith(". ") else "the ")
    s.actor(name, "GPE" if name in ctx.lex.countries else "ORG", actor_id)
    return s.add(("'" if name.endswith("s") else "'s") if form == "'s" else "")


def person(s: Sentence, ctx: Context, post: Post) -> Sentence:
    """ "Chinese Foreign Minister Wang Yi" the first time, then "Wang" or "Mr Wang"."""
    p, rng = post.person, ctx.rng
    if p.id in ctx.introduced:
        short = f"Mr {p.short}" if p.pronoun == "he" and rng.random() < 0.2 else p.short
        return s.actor(short, "PERSON", p.id)
    ctx.introduced.add(p.id)
    style = rng.random()
    adjective, title = ctx.lex.adjective(post.of), ctx.lex.title(post)
    if style < 0.5:
        label = "NORP" if post.of in ctx.lex.countries else "ORG"
        s.actor(adjective, label, _side_id(ctx, post.of)).add(f" {_cap(title)} ")
    elif style < 0.75:
        country(s, ctx, post.of, "'s").add(f" {title}, ")
        return s.actor(p.name, "PERSON", p.id).add(",")
    return s.actor(p.name, "PERSON", p.id)


def place(s: Sentence, ctx: Context, name: str) -> Sentence:
    """A city: a capital stands for its country's government; other places are unlinked."""
    return s.actor(name, "GPE", ctx.lex.capital_ids.get(name))


def _side_id(ctx: Context, name: str) -> str:
    actor = ctx.lex.countries.get(name) or ctx.lex.organizations.get(name)
    return actor.id if actor else name.lower()


def when(ctx: Context, day: date, days: int = 1) -> tuple[str, bool]:
    """A date phrase relative to publication, and whether the event is still ahead:
    "on Tuesday" within six days, "next week", "last month", else the date itself."""
    published = ctx.published
    delta = (day - published).days
    full = f"{MONTHS[day.month - 1]} {day.day}"
    if ctx.absolute_dates or delta < -6 and day.year != published.year:
        return f"on {full}, {day.year}", delta > 0
    if -6 <= delta <= 6:
        return f"on {WEEKDAYS[day.weekday()]}", delta > 0
    next_monday = published.toordinal() - published.weekday() + 7
    if next_monday <= day.toordinal() < next_monday + 7 and days == 1:
        return "next week", True
    previous_month = date.fromordinal(published.replace(day=1).toordinal() - 1)
    if delta < 0 and (previous_month.year, previous_month.month) == (day.year, day.month):
        return "last month", False
    if days > 1 and delta > 0:
        last = date.fromordinal(day.toordinal() + days - 1)
        return f"from {full} to {MONTHS[last.month - 1]} {last.day}", True
    return f"on {full}", delta > 0


def event_sentence(ctx: Context, ev: WorldEvent) -> Sentence:
    """One sentence reporting a world event, with a trigger word from events.toml."""
    s, rng = Sentence(event=ev.index), ctx.rng
    phrase, ahead = when(ctx, ev.day, ev.days)
    ahead = ahead and ev.type != "call"
    person(s, ctx, ev.a)
    if ev.type == "visit":
        verbs = [v for v in ctx.lex.trigger_verbs("visit", "to") if v in EVENT_PAST] or ["travel"]
        verb = rng.choice(verbs)
        s.add(f" will {verb} to " if ahead else f" {EVENT_PAST[verb]} to ")
        country(s, ctx, ev.b.of, "capital" if rng.random() < 0.6 else None)
        s.add(f" {phrase} for talks with ")
        person(s, ctx, ev.b)
    elif ev.type == "summit":
        s.add(" will attend the " if ahead else " attended the ")
        country(s, ctx, ev.summit or "").add(" summit in ")
        place(s, ctx, ev.place or "").add(f" {phrase}, where ")
        s.add(f"{ev.a.person.pronoun or 'the delegation'} {'will meet' if ahead else 'met'} ")
        person(s, ctx, ev.b)
    else:
        s.add(" " + _verb_phrase(ctx, ev.type, ahead) + " ")
        person(s, ctx, ev.b)
        if ev.place:
            place(s.add(" in "), ctx, ev.place)
        s.add(f" {phrase}")
    return s.add(".")


def _verb_phrase(ctx: Context, kind: str, ahead: bool) -> str:
    rng = ctx.rng
    if kind == "meeting":
        return (
            rng.choice(("will meet", "will meet with"))
            if ahead
            else rng.choice(("met", "met with", "received"))
        )
    if kind == "talks":
        noun = rng.choice([n for n in ctx.lex.trigger_nouns("talks") if n != "dialogue"])
        return f"will hold {noun} with" if ahead else f"held {noun} with"
    return rng.choice(("spoke with", "spoke by phone with", "phoned"))


def the(phrase: str) -> str:
    return phrase if phrase[:1].isupper() else f"the {phrase}"


def clause(ctx: Context, post: Post) -> tuple[str, list[str], list[str]]:
    """What someone says: a frame with a theme phrase from themes.toml; its themes, and its
    noun phrases as a build stores them."""
    rng = ctx.rng
    theme = rng.choice(sorted(ctx.lex.themes))
    phrase = rng.choice(ctx.lex.themes[theme])
    np = the(phrase)
    side = post.of if post.of in ctx.lex.countries else "the organisation"
    frame = rng.choice(FRAMES)
    phrases = [*FRAME_PHRASES.get(frame, ()), *([phrase] if " " in phrase else [])]
    if side != "the organisation" and "{side}" in frame:
        phrases.insert(0, side)  # a proper noun is a phrase on its own
    return frame.format(side=side, np=np), [theme], phrases


def _marks(rng: random.Random) -> tuple[str, str]:
    return ("“", "”") if rng.random() < 0.5 else ('"', '"')


def statement_sentence(ctx: Context, post: Post) -> Sentence:
    """Direct, reported, partial or pronoun-attributed speech by ``post``."""
    s = _statement(ctx, post)
    named = [m[2] for m in s.mentions if m[4] == post.person.id]
    for quote in s.quotes:
        quote["speaker_text"] = named[-1] if named else quote["speaker_text"]
    ctx.last_speaker = post
    return s


def _statement(ctx: Context, post: Post) -> Sentence:
    s, rng = Sentence(), ctx.rng
    said, themes, phrases = clause(ctx, post)
    cap = said[0].upper() + said[1:]
    left, right = _marks(rng)
    form = rng.random()
    same = ctx.last_speaker is not None and ctx.last_speaker.person == post.person
    if same and post.person.pronoun and form < 0.3:
        s.add(f"{post.person.pronoun.capitalize()} added that ")
        return s.quote(said, "indirect", post, post.person.pronoun, themes, phrases).add(".")
    if form < 0.35:
        s.add(left).quote(cap, "direct", post, "", themes, phrases).add("," + right + " ")
        return person(s, ctx, post).add(rng.choice((" said.", " told reporters.")))
    if form < 0.55:
        person(s, ctx, post).add(" said: " + left)
        return s.quote(cap + ".", "direct", post, "", themes, phrases).add(right)
    if form < 0.85:
        verb = rng.choice(ctx.lex.speech_verbs)
        person(s, ctx, post).add(f" {_past(verb)} that ")
        return s.quote(said, "indirect", post, "", themes, phrases).add(".")
    person(s, ctx, post).add(f" described the {rng.choice(('talks', 'meeting'))} as {left}")
    return s.quote(rng.choice(ADJECTIVES), "direct", post, "", []).add(right + ".")


def _past(verb: str) -> str:
    return SPEECH_PAST.get(verb, verb + "ed")


def background_sentence(ctx: Context) -> Sentence:
    """Context without events or statements: countries and a theme phrase."""
    rng, s = ctx.rng, Sentence()
    sides = ("China", "Russia") if rng.random() < 0.6 else SIDES
    c1, c2 = rng.sample(sides, 2)
    unused = [t for t in BACKGROUND if t not in ctx.used] or list(BACKGROUND)
    template = rng.choice(unused)
    ctx.used.add(template)
    np = the(rng.choice(ctx.lex.themes[rng.choice(sorted(ctx.lex.themes))]))
    values = {"c1": c1, "c2": c2, "c3": "Ukraine", "np": np}
    for i, piece in enumerate(template.replace("}", "{").split("{")):
        if i % 2 == 0:
            s.add(piece)
        elif piece == "np":
            s.add(np)
        else:
            capital = piece != "c3" and rng.random() < 0.3
            country(s, ctx, values[piece], "capital" if capital else None)
    s.text = s.text[0].upper() + s.text[1:]
    return s
