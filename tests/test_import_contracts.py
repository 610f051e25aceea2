"""The import contracts in pyproject.toml ([tool.importlinter]) hold: the pipeline never imports
streamlit or the app, the dashboard's pure modules never import streamlit or components.

``lint-imports`` reads the import graph (lazy imports inside functions too), so ``from streamlit
import x`` counts as much as ``import streamlit``: a substring search missed the former.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readout import ROOT


def _lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    # The console script beside this interpreter: import-linter has no ``python -m`` entry.
    script = Path(sys.executable).parent / "lint-imports"
    command = str(script) if script.exists() else shutil.which("lint-imports")
    if command is None:
        pytest.fail("lint-imports is not installed: pip install -r requirements-dev.txt")
    # --no-cache: no .import_linter_cache folder in the repository, and no stale graph.
    return subprocess.run(
        [command, "--no-cache", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_import_contracts_are_kept():
    result = _lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert " broken" in result.stdout and "0 broken" in result.stdout


def test_a_broken_contract_fails(tmp_path):
    # The same tool on a contract the code certainly breaks (the pipeline reads pandas):
    # a passing run above means the contracts hold, not that the check sees nothing.
    config = tmp_path / "contracts.toml"
    config.write_text(
        "[tool.importlinter]\n"
        'root_packages = ["readout"]\n'
        "include_external_packages = true\n"
        "[[tool.importlinter.contracts]]\n"
        'name = "no pandas"\n'
        'type = "forbidden"\n'
        'source_modules = ["readout.snapshot"]\n'
        'forbidden_modules = ["pandas"]\n',
        "utf-8",
    )
    result = _lint_imports("--config", str(config))
    assert result.returncode != 0
    assert "no pandas BROKEN" in result.stdout
