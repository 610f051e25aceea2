"""Terms: quoted words that name a thing rather than report what someone said.

"the so-called 'Friends of Peace'", "a 'no limits' partnership", "what he called his 'peace
missions'", a document or slogan in title case ("On the Political Settlement of the Crisis"):
the marks set off a name, a label or scare quotes. Such a span is stored as a statement of kind
``term`` (its user, when one is found, is kept so that shared phrases can be compared) and is
never shown as something a person said.

A short partial quote that a person's speech verb governs ("Putin said the 'tandem' played 'a
key role'") stays a direct quote: short noun phrases are often somebody's words. A span is a
term only on one of these grounds, each a family of cues, not a list of phrases:

* a strong naming cue just before it ("so-called", "nicknamed", "titled"): any span;
* a naming verb just before it ("dubbed", "called", "known as"), or a naming verb whose
  object complement it is ("dubbed the plan the 'X'"), for a noun phrase;
* it modifies a noun after it ("a 'no limits' partnership"), for a noun phrase;
* it is a multi-word name in title case inside a sentence that is not itself in title case;
* it is a noun phrase that no speech or framing verb attributes (scare quotes, "released a
  12-point 'peace plan'").
"""

from __future__ import annotations

from spacy.tokens import Token

from readout.nlp.quotes.cues import Cues

MAX_TERM_WORDS = 6  # a longer span is speech, whatever its shape
# Words that may stand between a naming cue and the quote: "called his 'peace missions'".
NAME_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our", "this", "these"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nummod"}
NAMED_DEPS = {"oprd", "dobj", "appos", "attr"}  # the span's role under a naming verb
NOUNS = {"NOUN", "PROPN", "NUM"}
# A quote opening with "a" after a naming verb is a judgement ("which he called 'a success'"),
# not a name: names are quoted without it ("what he calls a 'special operation'").
JUDGEMENT_ARTICLES = {"a", "an"}
# Small words left in lowercase in titles ("Friends of Peace").
TITLE_SMALL = {"a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "at", "by", "with"}
TITLE_CASE_SHARE = 0.6  # a sentence with this share of capitalised words is a headline


def words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not (t.is_punct or t.is_space)]


def inner_tokens(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens between the marks (``tokens`` includes them)."""
    return [t for t in tokens if t.idx >= start and t.idx + len(t) <= end]


def noun_phrase(inner: list[Token]) -> bool:
    """A short span headed by a noun (not a verb: a clause is speech), no sentence end."""
    content = words(inner)
    if not content or len(content) > MAX_TERM_WORDS:
        return False
    if inner[-1].text in {".", "!", "?"}:
        return False
    inside = {t.i for t in inner}
    roots = [t for t in content if t.head.i not in inside or t.head == t]
    return bool(roots) and roots[-1].pos_ in NOUNS


def after_cue(text: str, open_at: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """One of ``phrases`` ends right before the opening mark, determiners aside."""
    before = text[max(0, open_at - 60) : open_at].lower().split()
    while before and before[-1] in NAME_DETERMINERS:
        before.pop()
    return any(tuple(before[-len(p) :]) == p for p in phrases if len(before) >= len(p))


def named_by_verb(inner: list[Token], cues: Cues) -> bool:
    """'dubbed the plan the "X"', 'named the operation "X"': the span is the object
    complement (or an apposition to the object) of a naming verb."""
    inside = {t.i for t in inner}
    roots = [t for t in words(inner) if t.head.i not in inside]
    if len(roots) != 1:
        return False
    token = roots[0]
    for _ in range(2):
        if token.dep_ not in NAMED_DEPS or token.head == token:
            return False
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in cues.naming_verbs:
            return True
    return False


def modifies_noun(inner: list[Token]) -> bool:
    """'a "no limits" partnership': the span's head hangs on a noun right after it."""
    content = words(inner)
    inside = {t.i for t in inner}
    roots = [t for t in content if t.head.i not in inside]
    if len(roots) != 1:
        return False
    root = roots[0]
    head = root.head
    follows = head.i > inner[-1].i and head.i - inner[-1].i <= 3
    return root.dep_ in MODIFIER_DEPS and head.pos_ in {"NOUN", "PROPN"} and follows


def title_case_name(inner: list[Token], sentence: list[Token]) -> bool:
    """'"Make Europe Great Again"', '"On the Settlement of the Crisis"': every word of two or
    more capitalised, in a sentence whose own words are not (a headline capitalises all)."""
    content = [t for t in words(inner) if t.is_alpha]
    if len(content) < 2 or not content[0].text[:1].isupper():
        return False
    if any(not t.text[:1].isupper() and t.lower_ not in TITLE_SMALL for t in content):
        return False
    inside = {t.i for t in inner}
    rest = [t for t in words(sentence) if t.is_alpha and t.i not in inside][1:]
    if not rest:
        return False
    capitalised = sum(1 for t in rest if t.text[:1].isupper())
    return capitalised / len(rest) < TITLE_CASE_SHARE


def is_term(
    text: str,
    open_at: int,
    inner: list[Token],
    sentence: list[Token],
    cues: Cues,
    attributed_by_speech: bool,
) -> bool:
    """True when the quoted span names a thing (see the module docstring)."""
    if after_cue(text, open_at, cues.not_speech):
        return True
    if title_case_name(inner, sentence):
        return True
    if not noun_phrase(inner):
        return False
    judgement = words(inner)[0].lower_ in JUDGEMENT_ARTICLES  # 'called it "a success"'
    if not judgement and (after_cue(text, open_at, cues.naming) or named_by_verb(inner, cues)):
        return True
    return modifies_noun(inner) or not attributed_by_speech
