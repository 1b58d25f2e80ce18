"""gongkai import checks / template checks / checks list, as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tracker.clock import Clock
from tracker.formats.checks_io import parse_problems
from tracker.records import MonthlyCheck
from tracker.workspace import open_workspace
from tui.cli import main

HEADER = [
    "平台",
    "月份",
    "发布量",
    "关注人数",
    "点击量",
    "最近更新",
    "运维单位",
    "检查人",
    "检查日期",
    "问题",
    "整改措施",
]


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD_ROWS: list[list[object]] = [
    # an xlsx date cell and a text date both work; the platform by name or by id
    [
        "微信公众号 测试镇",
        "2026-10",
        12,
        241,
        1830,
        dt.datetime(2026, 10, 28),
        "党政办",
        "张三",
        dt.datetime(2026, 11, 3),
        "不及时、栏目单一",
        "每周发布 2 条",
    ],
    [
        "board-01",
        "2026-10",
        4,
        None,
        None,
        "2026-10-15",
        "村01村委会",
        "张三",
        "2026-11-03",
        None,
        None,
    ],
    ["website", "2026年9月", 30, None, 5000, "2026/09/29", "", "李四", "2026-10-08", "", ""],
]


def run(config_path: Path, *args: str) -> int:
    return main(["--config", str(config_path), *args])


def stored(config_path: Path) -> list[MonthlyCheck]:
    ws = open_workspace(config_path, Clock.on(dt.date(2026, 11, 24)))
    return sorted(ws.store.all(MonthlyCheck), key=lambda c: (c.platform, c.month))


def test_good_xlsx_is_imported(config_path, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "checks.xlsx", GOOD_ROWS)
    assert run(config_path, "import", "checks", str(path)) == 0
    assert "新增 3" in capsys.readouterr().out
    checks = {c.platform: c for c in stored(config_path)}
    wechat = checks["wechat"]
    assert (wechat.month, wechat.volume, wechat.followers, wechat.clicks) == (
        "2026-10",
        12,
        241,
        1830,
    )
    assert wechat.last_update == dt.date(2026, 10, 28) and wechat.checked_on == dt.date(2026, 11, 3)
    assert wechat.problems == ["not_timely", "other"] and wechat.problem_note == "栏目单一"
    assert checks["board-01"].last_update == dt.date(2026, 10, 15)
    assert checks["board-01"].followers is None
    assert checks["website"].month == "2026-09" and checks["website"].last_update == dt.date(
        2026, 9, 29
    )


def test_importing_twice_does_not_duplicate(config_path, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "checks.xlsx", GOOD_ROWS)
    assert run(config_path, "import", "checks", str(path)) == 0
    assert run(config_path, "import", "checks", str(path)) == 0
    assert "无变化 3" in capsys.readouterr().out
    assert len(stored(config_path)) == 3


def test_good_csv_in_gbk_with_english_headers(config_path, tmp_path) -> None:
    path = tmp_path / "checks.csv"
    text = (
        "platform,month,volume,followers,clicks,last_update,maintainer,checker,checked_on,problems,measure\n"
        "wechat,2026-10,5,100,,2026-10-30,党政办,王五,2026-11-02,不全面,补充栏目\n"
    )
    path.write_bytes(text.encode("gb18030"))
    assert run(config_path, "import", "checks", str(path)) == 0
    (check,) = stored(config_path)
    assert check.checker == "王五" and check.problems == ["incomplete"] and check.clicks is None


def test_a_bad_row_is_named_and_nothing_is_written(config_path, tmp_path, capsys) -> None:
    rows = [
        GOOD_ROWS[0],
        ["wechat", "2026-09", -3, 200, None, "2026-02-30", "", "", "2026-10-02", "", ""],
        ["不存在的平台", "2026-10", 1, None, None, None, "", "", None, "", ""],
        ["board-01", "2026-09", 1, 50, None, None, "", "", None, "", ""],
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    assert run(config_path, "import", "checks", str(path)) == 2
    err = capsys.readouterr().err
    assert "row 3, column 发布量:" in err
    assert "row 3, column 最近更新:" in err and "2026-02-30" in err
    assert "row 4, column 平台:" in err and "不存在的平台" in err
    assert "row 5, column 关注人数:" in err
    assert "row 2" not in err
    assert stored(config_path) == []


def test_dry_run_writes_nothing(config_path, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "checks.xlsx", GOOD_ROWS)
    assert run(config_path, "import", "checks", str(path), "--dry-run") == 0
    assert "新增 3" in capsys.readouterr().out
    assert stored(config_path) == []


def test_skip_bad_imports_the_good_rows_and_reports_the_bad(config_path, tmp_path, capsys) -> None:
    rows = [GOOD_ROWS[0], ["wechat", "2026-13", 1, 1, 1, None, "", "", None, "", ""]]
    path = write_xlsx(tmp_path / "mixed.xlsx", rows)
    assert run(config_path, "import", "checks", str(path), "--skip-bad") == 1
    captured = capsys.readouterr()
    assert "row 3, column 月份:" in captured.err and "新增 1" in captured.out
    assert [c.month for c in stored(config_path)] == ["2026-10"]


def test_import_keeps_what_the_file_has_no_column_for(config_path, tmp_path) -> None:
    ws = open_workspace(config_path, Clock.on(dt.date(2026, 11, 24)))
    ws.store.insert(
        MonthlyCheck(platform="wechat", month="2026-10", measure_owner="赵六", volume=1)
    )
    path = write_xlsx(
        tmp_path / "few.xlsx", [["wechat", "2026-10", 9]], header=["平台", "月份", "发布量"]
    )
    assert run(config_path, "import", "checks", str(path)) == 0
    (check,) = stored(config_path)
    assert check.volume == 9 and check.measure_owner == "赵六"
    assert ws.store.history(MonthlyCheck, check.id or 0)[-1]["changes"]["volume"] == [1, 9]


def test_missing_and_unknown_headers(config_path, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", [["wechat", 3]], header=["平台", "发布数"])
    assert run(config_path, "import", "checks", str(path)) == 2
    err = capsys.readouterr().err
    assert "row 1, column 发布数:" in err and "row 1, column 月份:" in err


def test_unreadable_or_wrong_type_file_exits_2(config_path, tmp_path, capsys) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a zip")
    assert run(config_path, "import", "checks", str(broken)) == 2
    assert run(config_path, "import", "checks", str(tmp_path / "x.xls")) == 2
    assert "xlsx" in capsys.readouterr().err


def test_template_round_trip(config_path, tmp_path, capsys) -> None:
    path = tmp_path / "template.xlsx"
    assert run(config_path, "template", "checks", str(path), "--today", "2026-11-24") == 0
    sheet = load_workbook(path).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[: len(HEADER)] == HEADER
    assert run(config_path, "template", "checks", str(path)) == 2  # never overwrites
    capsys.readouterr()
    # the example row left in is refused by name, never imported as a real check
    assert run(config_path, "import", "checks", str(path), "--dry-run") == 2
    assert "row 2, column 平台" in capsys.readouterr().err
    book = load_workbook(path)
    book.worksheets[0]["A2"] = "微信公众号 测试镇"
    book.save(path)
    assert run(config_path, "import", "checks", str(path), "--dry-run") == 0
    assert "新增 1" in capsys.readouterr().out


def test_checks_list_json_and_text(config_path, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "checks.xlsx", GOOD_ROWS)
    run(config_path, "import", "checks", str(path))
    capsys.readouterr()
    assert run(config_path, "checks", "list", "--month", "2026-10", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["month"] == "2026-10" and data["missing"] == ["website"]
    wechat = next(r for r in data["checks"] if r["platform"] == "wechat")
    assert wechat["volume"] == 12 and wechat["last_update"] == "2026-10-28" and wechat["recorded"]
    assert run(config_path, "checks", "list", "--today", "2026-10-05") == 0
    out = capsys.readouterr().out
    assert "2026-09" in out and "已查 1/3" in out and "未录入" in out
    assert run(config_path, "checks", "list", "--month", "2026-13") == 2


@pytest.mark.parametrize(
    ("text", "codes", "note"),
    [
        ("不及时、不全面,不丰富", ["not_timely", "incomplete", "not_rich"], ""),
        ("无", ["other"], "无"),
        ("not timely; 更新慢", ["not_timely", "other"], "更新慢"),
    ],
)
def test_problem_labels(text: str, codes: list[str], note: str) -> None:
    assert parse_problems(text) == (codes, note)
