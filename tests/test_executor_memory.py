"""The executors' pipeline cache (readout/snapshot/executors.py) keeps the pipeline out of the
garbage collector's walks while it is in use, and lets it go when another replaces it."""

from __future__ import annotations

import gc
import shutil

from readout import KNOWLEDGE_DIR
from readout.snapshot import executors


def _edited_copy(source, target):
    shutil.copytree(source, target)
    with (target / "actors.toml").open("a", encoding="utf-8") as f:
        f.write("\n")  # another fingerprint: a new pipeline replaces the cached one
    return target


def test_the_pipeline_in_use_is_frozen_and_a_replaced_one_is_not_kept(tmp_path):
    executors.get_nlp(None, KNOWLEDGE_DIR)
    second = _edited_copy(KNOWLEDGE_DIR, tmp_path / "second")
    executors.get_nlp(None, second)
    frozen = gc.get_freeze_count()
    executors.get_nlp(None, _edited_copy(second, tmp_path / "third"))
    grown = gc.get_freeze_count() - frozen
    executors._NLP.clear()
    gc.unfreeze()
    gc.collect()
    pipeline = frozen + grown - len(gc.get_objects())  # what the last pipeline held
    assert pipeline > 5_000  # frozen while in use: full collections skip these objects
    # A replaced pipeline's cycles go back to the collector: left frozen they would stay in
    # memory for good, a good part of a pipeline more on every replacement.
    assert grown < pipeline / 4
