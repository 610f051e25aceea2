"""Gold names spelled as one of an actor's aliases, compared under the actor's own name.

Annotators write the spelling they know ("Yury Ushakov"); the knowledge base names the person
once ("Yuri Ushakov") and lists the other spellings as aliases. A gold name that is an alias of
exactly one actor is scored as that actor's name; any other name is left as written.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from readout.knowledge import fold


def alias_keys(actors: pd.DataFrame, key) -> dict[str, str]:
    """Folded alias -> ``key`` of the actor's name, for aliases that name one actor only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for name, aliases in zip(actors["name"], actors["aliases"], strict=True):
        for alias in list(aliases) if aliases is not None else []:
            owners[fold(str(alias))].add(key(name))
    names = {fold(str(n)) for n in actors["name"]}  # a name of its own is never remapped
    return {
        alias: next(iter(keys))
        for alias, keys in owners.items()
        if len(keys) == 1 and alias not in names
    }


def canonical_gold(notes: dict, aliases: dict[str, str]) -> dict:
    """A copy of one article's gold with speakers, participants and actor names that are an
    alias written as the actor's name."""

    def name(value):
        return aliases.get(fold(value), value) if isinstance(value, str) else value

    def speakers(quote: dict) -> dict:
        alts = [name(s) for s in quote.get("speaker_alt") or []]
        return {**quote, "speaker": name(quote.get("speaker")), "speaker_alt": alts}

    out = dict(notes)
    out["quotes"] = [speakers(q) if isinstance(q, dict) else q for q in notes.get("quotes") or []]
    out["events"] = [
        {**e, "participants": [name(p) for p in e.get("participants") or []]}
        if isinstance(e, dict) else e
        for e in notes.get("events") or []
    ]  # fmt: skip
    actors = notes.get("actors")
    if isinstance(actors, dict):
        out["actors"] = {name(k): v for k, v in actors.items()}
    return out
