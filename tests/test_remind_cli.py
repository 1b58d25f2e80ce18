"""gongkai remind: the day's reminders as text and JSON; --send sends once per (item, threshold)."""

from __future__ import annotations

import json

import pytest

from tests.reminders_support import Robot, add_action, only_action_deadlines
from tracker.clock import Clock
from tracker.workspace import open_workspace
from tui.cli import main


@pytest.fixture(autouse=True)
def _actions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    only_action_deadlines(monkeypatch)


def setup(write_config, extra: str = ""):
    path = write_config(extra=extra)
    ws = open_workspace(path, Clock.on(__import__("datetime").date(2026, 4, 7)))
    add_action(ws, "政策文件栏目补发", "2026-04-03")
    add_action(ws, "公开栏更新", "2026-04-10", owner="李四")
    add_action(ws, "远期事项", "2026-06-30")
    return path


def test_remind_json_lists_the_day_s_reminders(write_config, capsys) -> None:
    path = setup(write_config)
    assert main(["--config", str(path), "remind", "--today", "2026-04-07", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["today"] == "2026-04-07"
    assert [
        {k: r[k] for k in ("subject", "title", "due", "threshold", "kind")}
        for r in data["reminders"]
    ] == [
        {
            "subject": "actions",
            "title": "政策文件栏目补发",
            "due": "2026-04-03",
            "threshold": "overdue",
            "kind": "overdue",
        },
        {
            "subject": "actions",
            "title": "公开栏更新",
            "due": "2026-04-10",
            "threshold": 3,
            "kind": "due_soon",
        },
    ]
    assert set(data["reminders"][0]) == {"id", "subject", "title", "due", "threshold", "kind"}


def test_remind_send_posts_once_and_a_second_run_sends_nothing(write_config, capsys) -> None:
    with Robot() as robot:
        path = setup(
            write_config,
            f'\n[[channels]]\nid = "hook"\nkind = "webhook"\nurl = "{robot.base}/hook"\n'
            f'\n[[channels]]\nid = "off"\nkind = "webhook"\nurl = "{robot.base}/off"\nenabled = false\n',
        )
        args = ["--config", str(path), "remind", "--today", "2026-04-07", "--send"]
        assert main(args) == 0
        first = capsys.readouterr().out
        assert main([*args, "--json"]) == 0
        second = json.loads(capsys.readouterr().out)
    assert "已发送 2 条提醒" in first and "公开栏更新: 还剩 3 个工作日" in first
    assert second["reminders"] == []
    (request,) = robot.requests  # the disabled channel got nothing, the second run nothing
    body = request["body"]
    assert request["path"] == "/hook"
    assert body["office"] == "测试镇党政办公室" and body["date"] == "2026-04-07"
    assert [r["threshold"] for r in body["reminders"]] == ["overdue", 3]


def test_remind_send_exit_1_when_a_channel_fails(write_config, capsys, monkeypatch) -> None:
    import checks.notify

    monkeypatch.setattr(checks.notify, "BACKOFF_SECONDS", (0.0,))
    with Robot() as robot:
        robot.answers["/hook"] = [(500, {})]
        path = setup(
            write_config,
            f'\n[[channels]]\nid = "hook"\nkind = "webhook"\nurl = "{robot.base}/hook"\n',
        )
        code = main(["--config", str(path), "remind", "--today", "2026-04-07", "--send"])
    assert code == 1
    assert "渠道 hook 发送失败: HTTP 500" in capsys.readouterr().out


def test_remind_bad_day_is_exit_2(write_config, capsys) -> None:
    path = setup(write_config)
    assert main(["--config", str(path), "remind", "--today", "2026-02-30"]) == 2
    assert "--today" in capsys.readouterr().err


def test_remind_without_anything_due(write_config, capsys) -> None:
    path = write_config()
    assert main(["--config", str(path), "remind", "--today", "2026-04-07"]) == 0
    assert "没有新的提醒" in capsys.readouterr().out
