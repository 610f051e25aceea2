"""Link entity mentions in one article to canonical actors.

Order matters: knowledge-base matches first (the ruler set ``ent_id_``), then countries by
name/demonym/capital, then people by surname against the full names in the same article,
then surnames the knowledge base knows unambiguously, then titles resolved by date; persons
left over become new actors so that they still appear in every view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy
from spacy.attrs import IS_TITLE, POS
from spacy.symbols import NOUN, PROPN, X
from spacy.tokens import Doc, Span

from readout.knowledge import Actor, KnowledgeBase, fold, slugify
from readout.nlp.actors.titles import find_title_mentions, title_words, untitled
from readout.nlp.extensions import tokens_where
from readout.snapshot.records import NewActor

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "madam", "sir"}
# Name order puts the family name first in these countries ("Wang Yi" -> "Wang").
FAMILY_NAME_FIRST = {"China", "North Korea", "South Korea", "Taiwan", "Vietnam"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Nouns that describe a person: a capitalised name right after one ("analyst Jane Roe") or
# described by one in apposition ("Jane Roe, a senior fellow at ...") is a person, whatever
# the model's label.
PERSON_NOUNS = {
    "analyst", "researcher", "fellow", "professor", "director", "expert", "scholar",
    "economist", "lecturer", "adviser", "advisor", "specialist", "historian", "commentator",
    "journalist", "correspondent", "associate", "founder", "author", "editor", "strategist",
    "consultant", "scientist", "dean", "chairman", "chairwoman", "chair", "lawmaker",
    "senator", "ambassador", "diplomat", "spokesperson", "spokesman", "spokeswoman",
    "colonel", "general", "officer", "veteran", "activist", "observer", "student", "head",
}  # fmt: skip
APPOSITION_SPAN = 8  # tokens after ", a" searched for a person noun
HEADLINE_SHARE = 0.6  # a sentence with this share of capitalised words is a headline


def surname_of(name: str, country: str | None) -> str:
    parts = name.replace("-", " - ").split()
    parts = [p for p in parts if p != "-"]
    if not parts:
        return ""
    return fold(parts[0] if country in FAMILY_NAME_FIRST else parts[-1])


def published_date(doc: Doc) -> date | None:
    try:
        return date.fromisoformat(doc._.published) if doc._.published else None
    except ValueError:
        return None


@dataclass
class _Article:
    """What the linker learns about one article while it walks it."""

    doc: Doc
    kb: KnowledgeBase
    spans: list[Span] = field(default_factory=list)
    # surname key -> [(token index, actor id)] of full-name mentions, in text order
    full_names: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    new_actors: dict[str, NewActor] = field(default_factory=dict)

    def add(self, span: Span, actor_id: str | None) -> None:
        span._.actor_id = actor_id
        self.spans.append(span)

    def remember_person(self, span: Span, actor: Actor | NewActor) -> None:
        country = actor.country
        self.full_names.setdefault(surname_of(actor.name, country), []).append(
            (span.start, actor.actor_id if isinstance(actor, NewActor) else actor.id)
        )
        for alias in getattr(actor, "aliases", []):
            key = surname_of(alias, country)
            self.full_names.setdefault(key, []).append((span.start, _id(actor)))
        first = fold(actor.name.replace("-", " ").split()[0])
        if isinstance(actor, NewActor) and _written_first(self.kb, first):
            # a new name's country is unknown, but a first word the KB knows as a family name
            # written first ("Ito Kenji") is the family name: a bare "Ito" later is this
            # person, not the namesake the KB knows
            self.full_names.setdefault(first, []).append((span.start, _id(actor)))


def _written_first(kb: KnowledgeBase, word: str) -> bool:
    return any(
        a.kind == "person"
        and a.country in FAMILY_NAME_FIRST
        and surname_of(a.name, a.country) == word
        for a in kb.actors.values()
    )


def _id(actor: Actor | NewActor) -> str:
    return actor.actor_id if isinstance(actor, NewActor) else actor.id


def _strip_possessive(span: Span) -> Span:
    if len(span) > 1 and span[-1].text in {"'s", "’s", "'", "’"}:
        return span[:-1]
    return span


def _with_honorific(span: Span) -> Span:
    """'Mr Wang' is one mention: the title belongs to the name."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in HONORIFICS:
        return Span(span.doc, span.start - 1, span.end, label=span.label_)
    return span


def surname_index(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Surname -> ids of the knowledge base's people: build it once, pass it to every
    ``link_mentions``."""
    index: dict[str, set[str]] = {}
    for actor in kb.actors.values():
        if actor.kind != "person":
            continue
        for form in actor.surface_forms:
            index.setdefault(surname_of(form, actor.country), set()).add(actor.id)
    return index


def _nearest(candidates: list[tuple[int, str]], position: int) -> str | None:
    """The full-name mention closest before ``position``, else the first after it."""
    before = [c for c in candidates if c[0] <= position]
    if before:
        return before[-1][1]
    return candidates[0][1] if candidates else None


def _link_known(art: _Article, ents: list[Span]) -> list[Span]:
    """Link the ruler's matches and countries; return the entities still to link."""
    pending = []
    for ent in ents:
        span = _strip_possessive(ent)
        if ent.ent_id_ and ent.ent_id_ in art.kb.actors:
            actor = art.kb.actors[ent.ent_id_]
            art.add(span, actor.id)
            if actor.kind == "person":
                art.remember_person(span, actor)
            continue
        # Names are capitalised; an all-lowercase "russia" is a URL slug or a tagging slip.
        is_name = ent.label_ in {"GPE", "NORP"} and not span.text.islower()
        country = art.kb.country_of_word(span.text) if is_name else None
        if country:
            art.add(span, art.kb.by_name[country].id)
        else:
            pending.append(span)
    return pending


def _name_shaped(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    return 2 <= len(words) <= 3 and len(words) == len(span) and all(t.is_title for t in words)


def _described_as_person(span: Span) -> bool:
    """'analyst Jane Roe', 'Jane Roe, a senior fellow at ...', 'Jane Roe, an economist'."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in PERSON_NOUNS:
        return True
    end = span.end
    if end + 2 > len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"a", "an"}:
        return False
    for token in doc[end + 2 : min(len(doc), end + 2 + APPOSITION_SPAN)]:
        if token.lower_ in PERSON_NOUNS:
            return True
        if token.is_punct:
            return False
    return False


def _relabel_people(pending: list[Span]) -> list[Span]:
    """Names the model tagged ORG or GPE that the context describes as a person."""
    out = []
    for span in pending:
        if span.label_ != "PERSON" and _name_shaped(span) and _described_as_person(span):
            span = Span(span.doc, span.start, span.end, label="PERSON")
        out.append(span)
    return out


def _register_new_people(art: _Article, pending: list[Span], kb_surnames) -> None:
    """Multi-word person names the knowledge base lacks become new actors; names run
    together from known people's surnames ("Putin Zelensky" in "Trump hosts Putin Zelensky
    talks") are not a person."""
    for span in pending:
        words = [t for t in span if t.is_alpha]
        if span.label_ != "PERSON" or len(words) < 2 or not all(t.is_title for t in words):
            continue
        if all(len(kb_surnames.get(fold(t.text), ())) == 1 for t in words):
            continue
        if any(t.text in {"'s", "’s"} for t in span):  # "Trump's Frustration": a subhead
            continue
        name = span.text
        actor_id = slugify(name)
        if actor_id not in art.kb.actors and actor_id not in art.new_actors:
            art.new_actors[actor_id] = NewActor(actor_id=actor_id, name=name, aliases=[name])
        known = art.kb.actors.get(actor_id) or art.new_actors[actor_id]
        art.remember_person(span, known)


def _link_person_like(art: _Article, pending: list[Span], kb_surnames) -> None:
    titles = title_words(art.kb) if pending else frozenset()
    for span in pending:
        if span.label_ == "PERSON" and slugify(span.text) in art.new_actors:
            art.add(span, slugify(span.text))
            continue
        bare = untitled(span, titles)
        actor_id = _person_id(art, bare, kb_surnames) if bare is not None else None
        if actor_id is not None:
            span = bare
        else:
            actor_id = _person_id(art, span, kb_surnames)
        if actor_id is not None:
            linked = _with_honorific(span)
            art.add(Span(art.doc, linked.start, linked.end, label="PERSON"), actor_id)
        elif span.label_ in ACTOR_LABELS:
            art.add(span, None)


def _person_id(art: _Article, span: Span, kb_surnames) -> str | None:
    key = fold(span.text)
    actor_id = _nearest(art.full_names.get(key, []), span.start)
    if actor_id is None and span.label_ == "PERSON":
        # a full name the ruler's case rules passed over ("vladimir putin" in lowercase
        # prose): the model saw a person, so the name is not a URL slug
        actor_id = art.kb.person_of_name(span.text)
    if actor_id is None and len(kb_surnames.get(key, ())) == 1:
        actor_id = next(iter(kb_surnames[key]))
        other = _other_given_name(art, key, art.kb.actors[actor_id])
        if other is not None:  # "Zhao Leji ... Zhao said": not the knowledge base's Zhao
            actor_id = _new_person(art, other)
    return actor_id


def _other_given_name(art: _Article, surname: str, actor: Actor) -> Span | None:
    """The article writes the family name with a given name that is not the known person's
    ("Zhao Leji" when the knowledge base knows Zhao Lijian), in a sentence that is not a
    title-case headline: a bare "Zhao" there is the other person, whom the model missed."""
    if actor.country not in FAMILY_NAME_FIRST:
        return None
    own = {fold(w) for form in actor.surface_forms for w in form.replace("-", " ").split()}
    for token in art.doc[:-1]:
        after = token.nbor(1)
        if fold(token.text) != surname or not after.is_title or after.pos_ != "PROPN":
            continue
        if fold(after.text) in own or _headline_like(token.sent):
            continue
        return Span(art.doc, token.i, token.i + 2, label="PERSON")
    return None


def _new_person(art: _Article, span: Span) -> str:
    """A person the model did not tag, found by their full name: a new actor, mentioned."""
    actor_id = slugify(span.text)
    if actor_id not in art.new_actors and actor_id not in art.kb.actors:
        art.new_actors[actor_id] = NewActor(actor_id=actor_id, name=span.text, aliases=[span.text])
        art.add(span, actor_id)
    known = art.kb.actors.get(actor_id) or art.new_actors[actor_id]
    art.remember_person(span, known)
    return actor_id


def _headline_like(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title for t in words) > HEADLINE_SHARE * len(words)


def _link_missed_surnames(art: _Article) -> None:
    """Surnames the model did not tag at all ("Wang said ..." with Wang untagged)."""
    taken = {i for span in art.spans for i in range(span.start, span.end)}
    columns = art.doc.to_array([IS_TITLE, POS])
    names = columns[:, 0].astype(bool) & numpy.isin(columns[:, 1], [PROPN, NOUN, X])
    for token in tokens_where(art.doc, names):
        if token.i in taken:
            continue
        candidates = art.full_names.get(fold(token.text))
        if not candidates:
            continue
        span = _with_honorific(Span(art.doc, token.i, token.i + 1, label="PERSON"))
        if any(i in taken for i in range(span.start, span.end)):
            span = Span(art.doc, token.i, token.i + 1, label="PERSON")
        art.add(span, _nearest(candidates, token.i))


def link_mentions(
    doc: Doc, *, kb: KnowledgeBase, surnames: dict[str, set[str]] | None = None
) -> tuple[list[Span], list[NewActor]]:
    """All actor mentions of a document, linked where possible, and the new actors found
    (``surnames``: ``surname_index(kb)``, built here when not given)."""
    art = _Article(doc=doc, kb=kb)
    ents = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
    pending = _relabel_people(_link_known(art, ents))
    surnames = surname_index(kb) if surnames is None else surnames
    _register_new_people(art, pending, surnames)
    _link_person_like(art, pending, surnames)
    _link_missed_surnames(art)
    taken = {
        i: span._.actor_id
        for span in art.spans
        if span._.actor_id
        for i in range(span.start, span.end)
    }
    for span, actor_id in find_title_mentions(doc, kb=kb, on=published_date(doc), taken=taken):
        art.add(span, actor_id)
    spans = sorted(art.spans, key=lambda s: (s.start, -s.end))
    return spans, list(art.new_actors.values())
