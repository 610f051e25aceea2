"""The NLP stage on dask.distributed (and the local pool) gives the same snapshot as one process.

A LocalCluster of two single-threaded worker processes on 127.0.0.1, bounded in time.
Correctness only: no wall-clock assertions.
"""

from __future__ import annotations

import shutil
import signal

import pandas as pd
import pytest

from readout import KNOWLEDGE_DIR, RAW_DIR
from readout.__main__ import parser
from readout.snapshot.build import build_snapshot
from readout.snapshot.store import read_manifest, read_snapshot

distributed = pytest.importorskip("distributed")

LIMIT = 300  # seconds for a whole test, cluster start included


@pytest.fixture
def time_limit():
    def expire(*_):
        raise TimeoutError(f"dask test took more than {LIMIT}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(LIMIT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    return shutil.copytree(RAW_DIR, tmp_path_factory.mktemp("dask") / "raw")


@pytest.fixture(scope="module")
def local_build(source, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask") / "local"
    build_snapshot(source, out, cache_dir=None, corrections=None)
    return out


def assert_same_snapshot(a, b):
    first, second = read_snapshot(a), read_snapshot(b)
    for name, table in first.items():
        pd.testing.assert_frame_equal(table, second[name], obj=name)
    manifests = [read_manifest(folder) for folder in (a, b)]
    for manifest in manifests:
        manifest.pop("built_at")
    assert manifests[0] == manifests[1]


def pipelines_in_worker() -> list:
    from readout.snapshot import executors

    return [key[:2] for key in executors._NLP]


def test_dask_build_equals_the_local_build(source, local_build, tmp_path, time_limit):
    from readout.snapshot.executors import local_cluster

    with local_cluster(2) as cluster, distributed.Client(cluster) as client:
        out = tmp_path / "dask"
        build_snapshot(
            source, out, executor="dask", scheduler=cluster.scheduler_address,
            cache_dir=None, corrections=None,
        )  # fmt: skip
        built = client.run(pipelines_in_worker)
    assert_same_snapshot(local_build, out)
    assert len(built) == 2
    used = [keys for keys in built.values() if keys]
    assert used and all(keys == [(None, str(KNOWLEDGE_DIR))] for keys in used), built


def test_local_pool_equals_the_local_build(source, local_build, tmp_path, time_limit):
    out = tmp_path / "pool"
    build_snapshot(source, out, jobs=2, cache_dir=None, corrections=None)
    assert_same_snapshot(local_build, out)


def test_unknown_executor_is_refused():
    from readout.snapshot.executors import analyse_articles

    with pytest.raises(ValueError, match="unknown executor"):
        analyse_articles([], executor="spark")


def test_command_line_options():
    args = parser().parse_args(
        ["build", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"]
    )
    assert (args.executor, args.scheduler, args.jobs) == ("dask", "tcp://127.0.0.1:8786", 2)
    assert parser().parse_args(["build"]).executor == "local"
    with pytest.raises(SystemExit):
        parser().parse_args(["build", "--executor", "spark"])
