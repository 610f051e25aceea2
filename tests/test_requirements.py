"""Every module the code imports comes from a pinned requirement, not from whatever the machine
happens to have installed.

The app's and the pipeline's code (``app.py``, ``views/``, ``components/``, ``dashboard/``,
``readout/``) may import only what ``requirements.txt`` pins; the tests and the developer
benchmarks (``tests/``, ``readout/bench/``) may also import what ``requirements-dev.txt`` pins. A
module a library imports for us at run time (scipy under networkx's layout) is not visible to
this scan: the suite running in a fresh virtual environment (``.ci/run``) catches those.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from readout import ROOT

LOCAL = {"readout", "dashboard", "components", "views", "tests", "conftest"}
RUNTIME = ["app.py", "views", "components", "dashboard", "readout"]
DEV_ONLY = ["tests", "readout/bench"]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(name: str) -> set[str]:
    """The distributions a requirements file pins, following ``-r`` includes."""
    names: set[str] = set()
    for line in (ROOT / name).read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            names |= pinned(line[2:].strip())
        elif line:
            names.add(_canonical(re.split(r"[=<>!~\[ ;]", line, maxsplit=1)[0]))
    return names


def imported_modules(source: str) -> set[str]:
    """Top-level names of the absolute imports in ``source`` (lazy ones in functions too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _files(patterns: list[str]) -> set[Path]:
    found: set[Path] = set()
    for pattern in patterns:
        path = ROOT / pattern
        if path.is_dir():
            found |= set(path.rglob("*.py"))
        else:
            found |= set(ROOT.glob(pattern))
    return found


def third_party(paths: set[Path]) -> dict[str, list[str]]:
    """Third-party module -> the files that import it."""
    local = LOCAL | {p.stem for p in (ROOT / "tests").rglob("*.py")}
    uses: dict[str, list[str]] = {}
    for path in sorted(paths):
        for module in imported_modules(path.read_text("utf-8")):
            if module in sys.stdlib_module_names or module in local:
                continue
            uses.setdefault(module, []).append(str(path.relative_to(ROOT)))
    return uses


def unpinned(uses: dict[str, list[str]], allowed: set[str]) -> list[str]:
    """Modules whose distribution the allowed pins do not name (or that are not installed)."""
    providers = packages_distributions()
    problems = []
    for module, files in sorted(uses.items()):
        dists = {_canonical(d) for d in providers.get(module, [])}
        if not dists:
            problems.append(f"{module}: not installed (imported by {files[0]})")
        elif not dists & allowed:
            problems.append(f"{module} ({', '.join(sorted(dists))}) unpinned, used by {files[0]}")
    return problems


def test_runtime_code_imports_only_what_requirements_txt_pins():
    runtime = _files(RUNTIME) - _files(DEV_ONLY)
    assert unpinned(third_party(runtime), pinned("requirements.txt")) == []


def test_tests_and_benchmarks_import_only_what_requirements_dev_txt_pins():
    assert unpinned(third_party(_files(DEV_ONLY)), pinned("requirements-dev.txt")) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import numpy as np", {"numpy"}),
        ("from plotly import graph_objects", {"plotly"}),
        ("import os.path, yaml.loader", {"os", "yaml"}),
        ("def f():\n    from scipy.sparse import csr_matrix", {"scipy"}),
        ("from . import sibling\nfrom .x import y", set()),
    ],
)
def test_imports_are_found_wherever_they_stand(source, expected):
    assert imported_modules(source) == expected


def test_a_module_no_pin_provides_is_reported():
    # numpy is installed (pandas needs it) but a file that pins only pandas does not name it.
    problems = unpinned({"numpy": ["x.py"], "nosuchmodule_xyz": ["y.py"]}, {"pandas"})
    assert problems == [
        "nosuchmodule_xyz: not installed (imported by y.py)",
        "numpy (numpy) unpinned, used by x.py",
    ]
