"""README's test command is exactly what CI runs, and its install command starts the app."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv .+)\n```", readme)


def test_ci_runs_readme_test_command_verbatim() -> None:
    test = commands()[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
    assert "pytest" in test and "mypy" in test and "lint-imports" in test


def test_readme_install_command_opens_the_bundled_config() -> None:
    install = commands()[0]
    assert "pip install -e ." in install and install.endswith("gongkai --config config.toml")
