"""Regression guard on ``shared/corpus``: 30 real web articles with hand annotations.

The corpus sits beside the checkout (``../shared/corpus`` from the repository root) in CI;
users do not have it, so the test skips when the folder is absent. Files 21-30 were kept
CLOSED while cleaning rules were written (never opened), 1-20 were the development half.
Each half has its own floor a little under the figures measured when the rules landed (see
docs/evaluation.md): a change that generalises worse on either half fails here.
"""

from __future__ import annotations

import os

import pytest

from readout import ROOT
from readout.evaluate.score import evaluate
from readout.snapshot.build import build_snapshot

CORPUS = ROOT.parent / "shared" / "corpus"

FLOORS = {
    "open": {  # measured 2026-12-02 (docs/evaluation.md); one miss under each
        "titles": 0.94,  # 19/20
        "furniture_removed": 0.97,  # 48/49
        "body_kept": 0.99,  # 42/42
        "actor_links": 0.97,  # 97/98 (2026-12-03: titled names, spellings)
        "quotes_found": 0.99,  # 44/44
        "quote_speakers": 0.97,  # 44/44 (names compared accent-folded)
        "quote_precision": 0.76,  # 44/56
        "person_quote_precision": 0.97,  # 44/44
        # events 2026-12-03 (statements, gapping, occasions; then the actor rules): 52/56,
        # 22/24, 49/51
        "events_found": 0.91,  # 51/56
        "event_dates_exact": 0.87,  # 21/24
        "event_precision": 0.94,  # 48/51
    },
    "closed": {
        "titles": 0.88,
        "furniture_removed": 0.78,
        "body_kept": 0.99,
        "actor_links": 0.92,
        "quotes_found": 0.99,
        "quote_speakers": 0.88,
        "quote_precision": 0.80,
        "person_quote_precision": 0.99,
        # events 2026-12-03: 11/20, 5/9, 10/15; precision fell from 9/13 (0.69) to 10/15
        "events_found": 0.50,  # 10/20
        "event_dates_exact": 0.44,  # 4/9
        "event_precision": 0.62,  # 10/16
    },
}


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    if not (CORPUS / "articles").is_dir() or not (CORPUS / "gold.json").is_file():
        message = f"{CORPUS} is not beside the checkout"
        if os.environ.get("CI"):  # CI always has it: a skip there would hide the guard
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path_factory.mktemp("corpus") / "snapshot"
    report = build_snapshot(CORPUS / "articles", out, cache_dir=None, corrections=None)
    assert report.rejected == []
    return out


@pytest.fixture(scope="module")
def halves(snapshot):
    return {half: evaluate(CORPUS / "gold.json", snapshot, split=half) for half in FLOORS}


@pytest.mark.parametrize(
    ("half", "name"), [(half, name) for half, floors in FLOORS.items() for name in floors]
)
def test_real_articles_stay_above_the_floor(halves, half, name):
    score = halves[half][name]
    assert score.total > 0
    assert score.ratio >= FLOORS[half][name], f"{half} {name}: {score.hits}/{score.total}"


def test_every_gold_article_is_scored(halves):
    assert not [n for s in halves.values() for n in s.notes if "not in the snapshot" in n]
