"""Where a build spends its time: ``python -m readout.bench.profile SOURCE [--top N]``.

Two views, printed as JSON:

* ``components``: CPU seconds per spaCy component over every cleaned article of SOURCE,
  timed without a profiler (the model's own components against Readout's);
* ``stages`` and ``hot``: a cProfile (in CPU time) of the whole ``build_snapshot``, without
  result cache or corrections: cumulative seconds of the build's stages, and the heaviest
  functions of Readout's own code. cProfile slows Python code more than compiled code, so
  read its figures as shares, and the component timings as the real split.

CPU time, not wall time: the figures hold on a machine where other processes are running.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import tempfile
import time
from collections import Counter
from pathlib import Path

from readout import KNOWLEDGE_DIR, ROOT

STAGES = {  # function name in the profile -> stage
    "read_sources": "sources",
    "_clean_all": "clean",
    "model_manifest": "startup: imports, model and pipeline",
    "get_nlp": "pipeline construction (part of startup)",
    "analyse_batch": "nlp",
    "find_duplicates": "merge: wire copies",
    "merge_events": "merge: events",
    "tables_from_rows": "tables",
    "write_snapshot": "store",
}


def component_seconds(source: Path) -> dict[str, float]:
    """Seconds per pipeline component over the cleaned articles of ``source``."""
    from readout.bench.build_speed import cleaned_texts
    from readout.snapshot.executors import get_nlp

    nlp = get_nlp(None, KNOWLEDGE_DIR)
    spent: Counter[str] = Counter()
    for text in cleaned_texts(source):
        doc = nlp.make_doc(text)
        for name, component in nlp.pipeline:
            started = time.process_time()
            doc = component(doc)
            spent[name] += time.process_time() - started
    return {name: round(spent[name], 3) for name, _ in nlp.pipeline}


def profile_build(source: Path, top: int = 20) -> dict:
    """cProfile of one build of ``source`` into a temporary folder."""
    from readout.snapshot.build import build_snapshot

    profile = cProfile.Profile(time.process_time)
    with tempfile.TemporaryDirectory() as tmp:
        profile.enable()
        build_snapshot(source, Path(tmp) / "snapshot", cache_dir=None, corrections=None)
        profile.disable()
    stats = pstats.Stats(profile).stats
    total = max(cum for _, _, _, cum, _ in stats.values())
    stages: dict[str, float] = {}
    hot = []
    for (file, line, name), (_, calls, own, cum, _) in stats.items():
        if name in STAGES and str(ROOT) in file:
            stages[STAGES[name]] = round(stages.get(STAGES[name], 0) + cum, 3)
        if str(ROOT) in file and "site-packages" not in file:
            where = f"{Path(file).relative_to(ROOT)}:{line} {name}"
            hot.append((own, f"{own:8.3f}s self {cum:8.3f}s cum {calls:8d}x {where}"))
    return {
        "profiled_seconds": round(total, 2),
        "stages": stages,
        "hot": [text for _, text in sorted(hot, reverse=True)[:top]],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m readout.bench.profile", description=__doc__)
    p.add_argument("source", type=Path, help="folder of articles (e.g. data/raw)")
    p.add_argument("--top", type=int, default=20, help="functions to list (default 20)")
    args = p.parse_args(argv)
    profiled = profile_build(args.source, args.top)  # first, while nothing is loaded yet
    components = component_seconds(args.source)
    model = {k: v for k, v in components.items() if not k.startswith("readout_")}
    ours = {k: v for k, v in components.items() if k.startswith("readout_")}
    report = {
        "components": components,
        "model_seconds": round(sum(model.values()), 3),
        "readout_seconds": round(sum(ours.values()), 3),
        **profiled,
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
