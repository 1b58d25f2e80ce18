"""tracker/ and checks/ never import the UI: a fresh interpreter imports them all and looks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, pkgutil, sys
import tracker, checks
for pkg in (tracker, checks):
    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(m.name)
bad = sorted(n for n in sys.modules if n.split(".")[0] in ("textual", "tui"))
print(",".join(bad))
"""


def test_tracker_and_checks_do_not_import_textual_or_tui() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_tracker_does_not_import_checks() -> None:
    probe = (
        PROBE.replace("import tracker, checks", "import tracker")
        .replace("(tracker, checks)", "(tracker,)")
        .replace('("textual", "tui")', '("textual", "tui", "checks")')
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
