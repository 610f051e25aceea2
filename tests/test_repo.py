"""The repository keeps its promises: CI runs the README's test command, pins are exact."""

from __future__ import annotations

import re

from readout import ROOT


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```bash\n(pip install [^\n]+)\n```", readme)


def test_readme_has_exactly_the_two_commands():
    commands = _readme_commands()
    assert commands == [
        "pip install -r requirements.txt && streamlit run app.py",
        "pip install -r requirements-dev.txt && python -m pytest",
    ]


def test_ci_runs_the_readme_test_command_with_the_browser_required():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert _readme_commands()[1] in ci.splitlines()
    assert "READOUT_REQUIRE_BROWSER=1" in ci
    assert "chromium" in ci


def test_ci_runs_the_tests_in_a_fresh_virtual_environment():
    # The machine's image has packages installed globally (scipy among them): only a fresh
    # virtual environment shows what a new user's `pip install -r ...` really provides.
    lines = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    venv = next(i for i, line in enumerate(lines) if re.match(r"python3? -m venv ", line))
    activate = next(i for i, line in enumerate(lines) if re.match(r"source .*/bin/activate", line))
    test = lines.index(_readme_commands()[1])
    assert venv < activate < test
    assert "--system-site-packages" not in lines[venv]


def test_every_requirement_is_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text("utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line), line


# That readout/ never imports streamlit (nor the app) is an import contract in pyproject.toml,
# checked by tests/test_import_contracts.py.


def test_no_pages_folder_beside_the_entrypoint():
    # Streamlit 1.67 routes deep links to files in pages/ without running app.py.
    from dashboard.pages.registry import PAGES

    assert not (ROOT / "pages").exists()
    assert PAGES and all(page.path.startswith("views/") for page in PAGES)


def test_readme_is_for_users_and_stays_inside_the_repository():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "http://localhost:8501" in readme  # which address to open
    assert "../" not in readme  # a user has only the repository
    # Every document the README sends its reader to exists in the repository.
    for name in re.findall(r"`([\w/.-]+\.md)`", readme):
        assert (ROOT / name).exists(), name
    # Users' matters come first: the developer sections are one pointer at the end.
    for word in ("dask", "synth", "bench"):
        assert word not in readme.split("## For developers")[0], word
