"""Regression guard on eight articles written blind, in other outlets' styles.

The annotator never saw the pipeline's rules; articles 100-103 were later used to develop
general rules, 104-107 were kept unseen. The floors sit a little under the figures measured
when they were written (see docs/evaluation.md), so a change that makes the pipeline
generalise worse fails here even when the five samples still pass.
"""

from __future__ import annotations

import pytest
from conftest import TESTS

from readout.evaluate.score import evaluate
from readout.snapshot.build import build_snapshot

HELDOUT = TESTS / "data" / "heldout"
GOLD = TESTS / "data" / "heldout_gold.json"

FLOORS = {
    "titles": 1.0,
    "furniture_removed": 0.98,
    "body_kept": 1.0,
    "actor_links": 0.95,
    "quotes_found": 0.98,  # measured 53/53
    "quote_speakers": 0.90,  # measured 49/53
    "quote_precision": 0.98,  # measured 53/53
    "person_quote_precision": 0.95,  # measured 45/47
    "events_found": 0.85,  # measured 39/45
    "event_dates_exact": 0.72,  # measured 24/32
    # measured 42/55; was 0.75. This gold folds a host's meeting into the visit and lists no
    # visit implied by a meeting abroad; the real-article conventions (shared/corpus/README.md)
    # list the visit (visitors only) and the meeting with the host apart, as Readout now does.
    "event_precision": 0.74,
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout") / "snapshot"
    report = build_snapshot(HELDOUT, out, cache_dir=None, corrections=None)
    assert report.rejected == []
    return evaluate(GOLD, out)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_unseen_style_articles_stay_above_the_floor(scores, name):
    score = scores[name]
    assert score.total > 0
    assert score.ratio >= FLOORS[name], f"{name}: {score.hits}/{score.total}"
