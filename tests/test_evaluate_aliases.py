"""A gold name spelled as one of an actor's aliases is scored as that actor ("Yury" where the
knowledge base names "Yuri" and lists "Yury" among the aliases); a name that is an alias of
two actors, or some actor's own name, stays as written. Hand-made tables."""

import pandas as pd

from readout.evaluate.aliases import alias_keys, canonical_gold
from readout.evaluate.score import SCORE_NAMES, Scores, name_key, score_quotes

ACTORS = pd.DataFrame(
    {
        "actor_id": ["a1", "a2", "a3"],
        "name": ["Yuri Petrov", "Anna Lind", "Anna Linde"],
        "aliases": [["Yury Petrov", "A. Lind"], ["A. Lind"], ["Yuri Petrov"]],
    }
)
NAMES = dict(zip(ACTORS["actor_id"], ACTORS["name"].map(name_key), strict=True))


def speaker_right(gold_speaker: str, found_id: str) -> int:
    aliases = alias_keys(ACTORS, name_key)
    gold = canonical_gold({"quotes": [{"text": "We agree.", "speaker": gold_speaker}]}, aliases)
    statements = pd.DataFrame({"kind": ["direct"], "text": ["We agree."], "speaker_id": [found_id]})
    scores = Scores(SCORE_NAMES)
    score_quotes(gold, statements, NAMES, frozenset(NAMES), scores)
    return scores["quote_speakers"].hits


def test_an_alias_in_the_gold_is_the_actors_name():
    assert speaker_right("Yury Petrov", "a1") == 1


def test_an_alias_of_two_actors_or_an_actors_own_name_is_left_as_written():
    assert speaker_right("A. Lind", "a2") == 0  # whose? both list it
    assert speaker_right("Yuri Petrov", "a3") == 0  # a1's own name, though a3 lists it


def test_participants_and_actor_names_are_rewritten_too():
    gold = {"events": [{"participants": ["Yury Petrov"]}], "actors": {"Yury Petrov": ["Petrov"]}}
    out = canonical_gold(gold, alias_keys(ACTORS, name_key))
    assert out["events"][0]["participants"] == [name_key("Yuri Petrov")]
    assert list(out["actors"]) == [name_key("Yuri Petrov")]
    assert gold["events"][0]["participants"] == ["Yury Petrov"]  # the gold itself is untouched
