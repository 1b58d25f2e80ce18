"""`gongkai actions list|add`: what a script or a person at the command line sees."""

from __future__ import annotations

import json

from tracker.records import Action
from tui.cli import main


def run(config_path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--config", str(config_path), "actions", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_then_list_as_json_with_filters(config_path, capsys, ws) -> None:
    code, out, _ = run(
        config_path,
        capsys,
        "add",
        "--title",
        "落实信息联络员岗位责任制",
        "--category",
        "timeliness",
        "--owner",
        "张三",
        "--due",
        "2026-11-20",
        "--today",
        "2026-11-01",
    )
    assert code == 0 and "#1" in out
    ws.store.insert(Action.from_input({"title": "按季度学习", "due": "2026-12-31"}))
    code, out, _ = run(config_path, capsys, "list", "--json", "--today", "2026-11-24")
    data = json.loads(out)
    assert code == 0 and data["today"] == "2026-11-24"
    first = data["actions"][0]
    assert (first["title"], first["owner"], first["days_overdue"]) == (
        "落实信息联络员岗位责任制",
        "张三",
        4,
    )
    assert first["status"] == "not_started" and first["due"] == "2026-11-20"
    assert "2019年度报告" in first["rule"]
    _, out, _ = run(config_path, capsys, "list", "--overdue", "--json", "--today", "2026-11-24")
    assert [a["id"] for a in json.loads(out)["actions"]] == [1]
    _, out, _ = run(config_path, capsys, "list", "--status", "done", "--today", "2026-11-24")
    assert "没有符合条件" in out
    _, out, _ = run(config_path, capsys, "list", "--today", "2026-11-24")
    assert "逾期 4 天" in out and "按季度学习" in out


def test_bad_input_exits_2_naming_the_option(config_path, capsys) -> None:
    code, _, err = run(config_path, capsys, "add", "--title", "x", "--due", "2026-02-30")
    assert code == 2 and "--due" in err and "YYYY-MM-DD" in err
    try:
        main(["--config", str(config_path), "actions", "list", "--status", "bogus"])
    except SystemExit as exit_:
        assert exit_.code == 2
    else:
        raise AssertionError("argparse should have refused --status bogus")
