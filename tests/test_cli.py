"""The command line as DESIGN.md fixes it: exit codes, JSON shapes, --today, --config anywhere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tracker import __version__
from tui.cli import main

REPO = Path(__file__).resolve().parent.parent


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_status_json_shape_on_a_fixed_day(config_path, capsys) -> None:
    code, data = run_json(
        capsys, "--config", str(config_path), "status", "--today", "2026-11-24", "--json"
    )
    assert code in (0, 1)
    assert data["today"] == "2026-11-24"
    assert isinstance(data["flags"], list)
    for flag in data["flags"]:
        assert set(flag) == {"kind", "subject", "id", "title", "due", "days_overdue", "rule"}


def test_status_bad_date_is_exit_2_with_the_format(config_path, capsys) -> None:
    assert main(["--config", str(config_path), "status", "--today", "2026-13-01"]) == 2
    err = capsys.readouterr().err
    assert "--today" in err and "YYYY-MM-DD" in err


def test_deadline_json_and_config_after_command(config_path, capsys) -> None:
    code, data = run_json(capsys, "deadline", "2026-11-02", "--json", "--config", str(config_path))
    assert code == 0
    assert data == {
        "formed": "2026-11-02",
        "workdays": 20,
        "due": "2026-11-30",
        "provisional": False,
    }
    code, data = run_json(
        capsys,
        "--config",
        str(config_path),
        "deadline",
        "2026-09-29",
        "--category",
        "低保",
        "--json",
    )
    assert data["workdays"] == 10 and data["due"] == "2026-10-19"
    code, data = run_json(
        capsys, "--config", str(config_path), "deadline", "2026-12-20", "--workdays", "20", "--json"
    )
    assert data["provisional"] is True


def test_deadline_text_says_weekday_and_provisional(config_path, capsys) -> None:
    assert main(["--config", str(config_path), "deadline", "2026-12-20"]) == 0
    out = capsys.readouterr().out
    assert "最迟 2027-01-15 (星期五)" in out  # Mon–Fri guess: no 2027 holidays configured here
    assert "仅供参考" in out


def test_version_and_unknown_command(capsys) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0 and __version__ in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "tui", "frobnicate"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 2 and "frobnicate" in result.stderr


def test_help_of_each_command_exits_0() -> None:
    from tui.commands import COMMANDS

    for command in COMMANDS:
        result = subprocess.run(
            [sys.executable, "-m", "tui", command.name, "--help"],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, command.name
        assert "usage" in result.stdout


def test_bundled_config_checks_ok(tmp_path) -> None:
    # copy so the test never writes into the repository's data folder
    config = tmp_path / "config.toml"
    config.write_text((REPO / "config.toml").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(config), "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK")


def test_absurd_dates_and_counts_are_refused_not_crashed(config_path, capsys) -> None:
    assert main(["--config", str(config_path), "status", "--today", "0001-01-01"]) == 2
    assert "1900" in capsys.readouterr().err
    code = main(
        ["--config", str(config_path), "actions", "add", "--title", "x", "--due", "9999-12-31"]
    )
    assert code == 2
    assert (
        main(["--config", str(config_path), "deadline", "2026-11-02", "--workdays", "100000000"])
        == 2
    )
    capsys.readouterr()
    assert main(["--config", str(config_path), "status", "--json"]) in (0, 1)  # data still usable


def test_huge_count_is_a_field_error() -> None:
    import pytest

    from tracker.errors import ValidationError
    from tracker.records import MonthlyCheck

    with pytest.raises(ValidationError) as info:
        MonthlyCheck.from_input({"platform": "wechat", "month": "2026-10", "volume": 10**20})
    assert info.value.field == "volume"
