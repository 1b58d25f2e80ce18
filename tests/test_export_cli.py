"""gongkai export on the command line: formats, ranges, bad input (exit 2), default folder."""

from __future__ import annotations

import openpyxl
import pytest

from tests.export_data import SOURCES, fill_summary_data, seed_ws
from tui.cli import main


def test_export_year_to_each_format(write_config, tmp_path, capsys) -> None:
    config = write_config(extra=SOURCES)
    fill_summary_data(seed_ws(config))
    for fmt in ("xlsx", "md", "json", "docx"):
        out = tmp_path / f"s.{fmt}"
        code = main(["--config", str(config), "export", "--year", "2025", "--format", fmt,
                     "--out", str(out), "--today", "2026-02-01"])  # fmt: skip
        assert code == 0 and out.stat().st_size > 0
        assert str(out) in capsys.readouterr().out


def test_export_defaults_to_the_exports_folder_by_the_data(write_config, tmp_path, capsys) -> None:
    config = write_config()
    assert main(["--config", str(config), "export", "--year", "2025", "--format", "xlsx"]) == 0
    path = tmp_path / "data" / "exports" / "年终汇总-2025.xlsx"
    assert path.exists() and str(path) in capsys.readouterr().out


def test_export_a_date_range(write_config, tmp_path) -> None:
    config = write_config(extra=SOURCES)
    fill_summary_data(seed_ws(config))
    out = tmp_path / "r.xlsx"
    assert main(["--config", str(config), "export", "--from", "2025-03-01", "--to", "2025-06-30",
                 "--format", "xlsx", "--out", str(out)]) == 0  # fmt: skip
    overview = openpyxl.load_workbook(out)["总览"]
    assert "2025-03-01 ~ 2025-06-30" in overview["A2"].value


def test_bad_input_exits_2_with_a_message(write_config, tmp_path, capsys) -> None:
    config = str(write_config())
    bad = [
        ["export", "--format", "xlsx"],
        ["export", "--year", "20x5", "--format", "xlsx"],
        ["export", "--from", "2025-06-01", "--to", "2025-01-01", "--format", "md"],
        [
            "export",
            "--year",
            "2025",
            "--from",
            "2025-01-01",
            "--to",
            "2025-02-01",
            "--format",
            "md",
        ],
        ["export", "--report", "annual", "--year", "2025", "--format", "xlsx"],
    ]
    for args in bad:
        assert main(["--config", config, *args]) == 2, args
        assert capsys.readouterr().err.strip()
    with pytest.raises(SystemExit) as e:  # argparse refuses an unknown format itself
        main(["--config", config, "export", "--year", "2025", "--format", "pdf"])
    assert e.value.code == 2


def test_annual_report_md_from_the_command_line(write_config, tmp_path, capsys) -> None:
    config = write_config()
    out = tmp_path / "r.md"
    assert main(["--config", str(config), "export", "--report", "annual", "--year", "2019",
                 "--format", "md", "--template", "2019", "--out", str(out)]) == 0  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert "2019 年政府信息公开工作年度报告" in text and "第二十条第（九）项" in text
