"""The trigger search looks only at tokens its arrays say may be triggers, and finds exactly
what a look at every token finds."""

from __future__ import annotations

from pathlib import Path

from readout import KNOWLEDGE_DIR, RAW_DIR
from readout.bench.build_speed import cleaned_texts
from readout.nlp.events import triggers as event_triggers
from readout.nlp.events.lexicon import load_lexicon

TEXTS = [
    "Xi Jinping heads to Moscow for talks with Putin.",
    "The two leaders held a phone call and a summit meeting on Friday.",
    "Wang Yi will be in Russia until Thursday. China hosted the Iranian envoy.",
    "In Beijing, Lavrov urged Qin Gang to keep the visits going; Blinken called Wang.",
    "Officials called for calm. The State Visit ended.",
]


def triggers(nlp, texts, lex) -> list[tuple]:
    found = []
    for doc in nlp.pipe(texts):
        for sent in doc.sents:
            found += [(doc.text[:20], t.token.i, t.type, t.role, t.preps)
                      for t in event_triggers.find_triggers(sent, lex)]  # fmt: skip
    return found


def test_same_triggers_as_looking_at_every_token(nlp, monkeypatch):
    lex = load_lexicon(str(KNOWLEDGE_DIR))
    texts = TEXTS + cleaned_texts(Path(RAW_DIR)) + cleaned_texts(Path("tests/data/heldout"))
    found = triggers(nlp, texts, lex)
    monkeypatch.setattr(event_triggers, "_may_trigger", lambda sent, lex: list(sent))
    assert found == triggers(nlp, texts, lex)
    assert {role for *_, role, _ in found} >= {"verb", "noun", "host", "contact", "stay"}


def test_noun_heads_cover_phrase_ends():
    lex = load_lexicon(str(KNOWLEDGE_DIR))
    assert all(phrase.split(" ")[-1] in lex.noun_heads for phrase in lex.nouns)
    assert lex.trigger_verbs >= lex.hosting_verbs | lex.contact_verbs | set(lex.verbs)
