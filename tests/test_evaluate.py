"""``readout evaluate`` on hand-written gold files with gaps, on subsets and on a folder.

The articles are written here (never taken from a corpus): one with a headline, one that
opens with its lede, so the snapshot holds an article without a title.
"""

from __future__ import annotations

import json
import re

import pytest

from readout.__main__ import main
from readout.evaluate.score import LABELS, SCORE_NAMES, evaluate, name_key, select_files
from readout.snapshot.build import build_snapshot

HEADLINED = """Portugal and Chile Agree to Open New Consulates After Lisbon Talks

The foreign ministers of Portugal and Chile met in Lisbon on Monday, officials said.

"We agreed to open a new consulate," Ana Costa said after the meeting.
"""
LEDE_ONLY = """Port workers in Valparaiso went back to work on Tuesday after a two-day strike.

The strike had closed the harbour to container ships since Sunday morning.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("evaluate")
    articles = root / "articles"
    articles.mkdir()
    (articles / "01_headlined.txt").write_text(HEADLINED, "utf-8")
    (articles / "22_lede_only.txt").write_text(LEDE_ONLY, "utf-8")
    (articles / "metadata.csv").write_text(
        "file,outlet,published\n01_headlined.txt,Test Post,2024-03-04\n"
        "22_lede_only.txt,Test Post,2024-03-05\n",
        "utf-8",
    )
    gold = {
        "_about": "hand-made",
        "01_headlined.txt": {
            "title": "Portugal and Chile Agree to Open New Consulates After Lisbon Talks",
            "quotes": [{"text": "We agreed to open a new consulate,", "speaker": "Ana Costa"}],
            "boilerplate": [],
            "keep": ["The foreign ministers of Portugal and Chile met in Lisbon on Monday"],
        },
        "22_lede_only.txt": {
            "title": None,  # the page opens with its lede
            "keep": ["The strike had closed the harbour to container ships since Sunday morning."],
        },
        "23_not_built.txt": {"title": "Never Built", "keep": ["Not there."]},
        "24_broken.txt": "not an object",
    }
    (root / "gold.json").write_text(json.dumps(gold), "utf-8")
    snapshot = root / "snapshot"
    build_snapshot(articles, snapshot, cache_dir=None, corrections=None)
    return root


def test_null_title_and_untitled_article_are_scored_not_crashed(folder):
    scores = evaluate(folder / "gold.json", folder / "snapshot", files=["0*", "22_*"])
    assert (scores["titles"].hits, scores["titles"].total) == (2, 2)
    assert (scores["untitled_right"].hits, scores["untitled_right"].total) == (1, 1)
    assert (scores["body_kept"].hits, scores["body_kept"].total) == (2, 2)
    assert any("22_lede_only.txt" in n and "no headline" in n for n in scores.notes)


def test_gold_articles_missing_or_malformed_are_noted_and_the_rest_scored(folder):
    scores = evaluate(folder / "gold.json", folder / "snapshot")
    notes = "\n".join(scores.notes)
    assert "23_not_built.txt: not in the snapshot" in notes
    assert "24_broken.txt: annotations are not an object" in notes
    assert scores["titles"].total == 3  # two built articles and the missing one
    assert scores["quotes_found"].hits == 1


@pytest.mark.parametrize(
    ("globs", "split", "expected"),
    [
        (None, "all", ["01_a.txt", "20_b.txt", "21_c.txt", "30_d.txt", "x.txt"]),
        (None, "open", ["01_a.txt", "20_b.txt", "x.txt"]),
        (None, "closed", ["21_c.txt", "30_d.txt"]),
        (["2*"], "all", ["20_b.txt", "21_c.txt"]),
        (["2*", "01*"], "closed", ["21_c.txt"]),
    ],
)
def test_select_files_by_glob_and_half(globs, split, expected):
    files = ["01_a.txt", "20_b.txt", "21_c.txt", "30_d.txt", "x.txt"]
    assert select_files(files, globs, split, closed_from=21) == expected


def test_unknown_split_is_refused():
    with pytest.raises(ValueError, match="split"):
        select_files(["01_a.txt"], None, "middle")


def test_command_prints_every_figure_for_both_halves(folder, capsys):
    gold, snapshot = str(folder / "gold.json"), str(folder / "snapshot")
    assert main(["evaluate", "--gold", gold, "--snapshot", snapshot, "--split", "halves"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
    assert header == ["open", "closed", "all"]
    for name in SCORE_NAMES:
        line = next(x for x in out.splitlines() if x.startswith(name + " "))
        assert LABELS[name].strip() in line
        assert len(re.findall(r"\(\d+/\d+\)", line)) == 3  # hits/total per column
    assert "precision of quotes credited to a person" in out
    assert "note: 22_lede_only.txt" in out


def test_command_builds_a_folder_and_scores_the_closed_half_as_json(folder, capsys):
    argv = ["evaluate", "--gold", str(folder / "gold.json"), "--source", str(folder / "articles")]
    assert main([*argv, "--split", "closed", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    # the closed half: the untitled article, the unbuilt one and the broken one
    assert out["titles"]["total"] == 2
    assert out["titles"]["hits"] == 1
    assert any("24_broken.txt" in n for n in out["_notes"])


def test_gold_that_is_not_an_object_is_an_error_not_a_traceback(folder, tmp_path, capsys):
    bad = tmp_path / "gold.json"
    bad.write_text("[1, 2]", "utf-8")
    assert main(["evaluate", "--gold", str(bad), "--snapshot", str(folder / "snapshot")]) == 2
    assert "expected an object" in capsys.readouterr().err


def test_names_are_compared_without_case_or_accents():
    # Annotators type names without diacritics; the knowledge base keeps them.
    import pandas as pd

    from readout.evaluate.events import score_events
    from readout.evaluate.score import Scores, score_actors, score_quotes

    names = {"a1": name_key("Viktor Orbán"), "a2": name_key("Zoë Núñez")}
    scores = Scores(SCORE_NAMES)
    gold = {
        "quotes": [{"text": "We will not send weapons.", "speaker": "Viktor Orban"}],
        "actors": {"Zoe Nunez": ["Nunez"]},
        "events": [{"type": "meeting", "participants": ["viktor orban"], "date": "2024-07-05"}],
    }
    statements = pd.DataFrame(
        {"kind": ["direct"], "text": ["We will not send weapons."], "speaker_id": ["a1"]}
    )
    mentions = pd.DataFrame({"text": ["Nunez"], "actor_id": ["a2"]})
    events = pd.DataFrame(
        {
            "event_id": ["e1"],
            "type": ["meeting"],
            "participants": [["a1"]],
            "date": ["2024-07-05"],
            "date_precision": ["day"],
            "article_ids": [["x"]],
        }
    )
    score_quotes(gold, statements, names, frozenset({"a1"}), scores)
    score_actors(gold, mentions, names, scores)
    score_events(gold, "x", {"events": events}, names, scores)
    assert scores["quote_speakers"].hits == 1
    assert scores["person_quote_precision"].hits == 1
    assert scores["actor_links"].hits == 1
    assert scores["events_found"].hits == 1
