"""gongkai daemon with an injected clock: a PC off over a long weekend, a simulated week,
waiting for another holder, and a real process stopped by SIGTERM."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from collections.abc import Callable

import pytest

from checks.flags import Deadline
from checks.jobs import last_key
from checks.reminders import snooze
from tests.reminders_support import (
    REPO_ROOT,
    TEST_RULE,
    FakeClock,
    Robot,
    add_action,
    at,
    only_action_deadlines,
)
from tracker.clock import Clock
from tracker.lease import Lease
from tracker.records import ReminderLog
from tracker.workspace import Workspace, open_workspace
from tui.commands.daemon import make_daemon

SCHEDULE = """
[schedule]
lease_seconds = 3600
"""


@pytest.fixture(autouse=True)
def _actions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    only_action_deadlines(monkeypatch)


class Events(FakeClock):
    """A fake clock that also changes the data at given moments (someone using the app)."""

    def __init__(self, start: dt.datetime) -> None:
        super().__init__(start)
        self.events: list[tuple[dt.datetime, Callable[[], None]]] = []

    def wait(self, seconds: float) -> bool:
        super().wait(seconds)
        while self.events and self.events[0][0] <= self.current:
            self.events.pop(0)[1]()
        return False


def workspace(write_config, extra: str = "") -> Workspace:
    return open_workspace(write_config(extra=SCHEDULE + extra), Clock.on(dt.date(2026, 4, 1)))


def sent_log(ws: Workspace) -> list[tuple[str, str, str]]:
    return sorted(
        (f"{e.sent_at:%m-%d %H:%M}", e.title, e.threshold)
        for e in ws.store.all(ReminderLog)
        if e.state == "sent"
    )


def run_daemon(ws, clock, until: str, polls: list[str], lines: list[str], **extra):
    def poller(_ws):
        polls.append(f"{clock.now():%m-%d %H:%M}")
        return [{"source": "zl-news", "ok": True, "new_items": 1}]

    daemon = make_daemon(
        ws, now=clock.now, wait=clock.wait, say=lines.append, poller=poller, **extra
    )
    daemon.run(stop_at=at(until))
    return daemon


def test_pc_off_friday_evening_to_tuesday_with_qingming_monday(write_config) -> None:
    ws = workspace(write_config)
    ws.store.set_value(
        last_key("poll"), {"at": "2026-04-01T08:30:00+08:00", "ok": True, "outcome": ""}
    )
    for title, due in [
        ("A", "2026-04-03"),
        ("B", "2026-04-06"),  # due on the Qingming holiday itself
        ("C", "2026-04-09"),
        ("D", "2026-04-10"),
        ("E", "2026-04-14"),
        ("F", "2026-04-30"),
    ]:
        add_action(ws, title, due)
    polls: list[str] = []
    lines: list[str] = []
    clock = FakeClock(at("2026-04-02 07:00"))
    run_daemon(ws, clock, "2026-04-03 18:00", polls, lines)  # Thursday morning to Friday evening
    # The PC is off from Friday 18:00 to Tuesday 09:10; Monday 04-06 is a holiday.
    clock.set(at("2026-04-07 09:10"))
    run_daemon(ws, clock, "2026-04-07 12:00", polls, lines)

    assert polls == ["04-02 08:30", "04-03 08:30", "04-07 09:10"]  # exactly one catch-up poll
    assert sent_log(ws) == [
        ("04-02 07:00", "A", "1"),
        ("04-02 07:00", "B", "3"),
        ("04-02 07:00", "C", "7"),
        ("04-02 07:00", "D", "7"),
        ("04-02 07:00", "E", "7"),
        ("04-03 08:00", "B", "1"),
        ("04-03 08:00", "C", "3"),
        ("04-07 09:10", "A", "overdue:2026-04-07"),
        ("04-07 09:10", "B", "overdue:2026-04-07"),
        ("04-07 09:10", "D", "3"),
    ]
    assert "2026-04-07 09:10 抓取区政府网站: 1/1 个栏目正常, 新发现 1 条" in lines
    assert any(line.startswith("2026-04-07 09:10 汇总并发送提醒: 3 条新提醒") for line in lines)


def test_a_simulated_week_over_labour_day(write_config) -> None:
    with Robot() as robot:
        ws = workspace(
            write_config,
            f'\n[[channels]]\nid = "hook"\nkind = "webhook"\nurl = "{robot.base}/hook"\n',
        )
        ws.store.set_value(
            last_key("poll"), {"at": "2026-04-28T08:30:00+08:00", "ok": True, "outcome": ""}
        )
        add_action(ws, "H 公开栏更新", "2026-04-30")
        add_action(ws, "I 政策文件补发", "2026-05-08")
        add_action(ws, "J 学习记录", "2026-05-06")
        k = add_action(ws, "K 已推迟", "2026-04-30")
        add_action(
            ws, "L 已完成", "2026-05-06", status="done", close_note="完成", closed_on="2026-04-30"
        )
        key = f"actions:{k.id}"
        deadline = Deadline("actions", str(k.id), "K 已推迟", dt.date(2026, 4, 30), TEST_RULE)
        snooze(ws.store, key, dt.date(2026, 5, 6), at("2026-04-28 10:00"), deadline=deadline)

        clock = Events(at("2026-04-29 07:00"))
        # Thursday 12:10 someone adds an item in the app; the next hourly sweep picks it up.
        clock.events.append(
            (at("2026-04-30 12:10"), lambda: add_action(ws, "M 新事项", "2026-05-07"))
        )
        polls: list[str] = []
        lines: list[str] = []
        run_daemon(ws, clock, "2026-05-06 12:00", polls, lines)

    assert sent_log(ws) == [
        ("04-29 07:00", "H 公开栏更新", "1"),
        ("04-29 07:00", "I 政策文件补发", "7"),
        ("04-29 07:00", "J 学习记录", "3"),
        ("04-30 08:00", "I 政策文件补发", "3"),
        ("04-30 08:00", "J 学习记录", "1"),
        ("04-30 13:00", "M 新事项", "3"),
        ("05-06 08:00", "H 公开栏更新", "overdue:2026-05-06"),
        ("05-06 08:00", "K 已推迟", "overdue:2026-05-06"),
        ("05-06 08:00", "M 新事项", "1"),
    ]
    # Polls on working days only: 05-01 … 05-05 are the Labour Day holiday and a weekend.
    assert polls == ["04-29 08:30", "04-30 08:30", "05-06 08:30"]
    posted = [(r["body"]["date"], len(r["body"]["reminders"])) for r in robot.to("/hook")]
    assert posted == [("2026-04-29", 3), ("2026-04-30", 2), ("2026-04-30", 1), ("2026-05-06", 3)]
    assert all(e.channels == ["hook"] for e in ws.store.all(ReminderLog) if e.state == "sent")
    assert ws.store.get_value(last_key("sweep"))["ok"] is True


def test_waits_for_the_app_then_takes_over_when_its_lease_expires(write_config) -> None:
    ws = workspace(write_config)
    add_action(ws, "A", "2026-04-03")
    clock = FakeClock(at("2026-04-02 07:00"))
    app = Lease(ws.data_folder, role="app", seconds=3600, now=clock.now, pid=999, host="other-pc")
    assert app.acquire()  # the app window took the lease at 07:00, then hung
    polls: list[str] = []
    lines: list[str] = []
    run_daemon(ws, clock, "2026-04-02 09:00", polls, lines)
    assert lines[0] == "等待: 由 other-pc 上的 程序窗口 调度, 自 07:00 起; 它退出后由本进程接管"
    assert lines[1].startswith("2026-04-02 08:00 已取得调度权")
    assert sent_log(ws) == [("04-02 08:00", "A", "1")]  # nothing ran before the takeover
    assert polls == ["04-02 08:00", "04-02 08:30"]  # catch-up for the 04-01 poll, then 08:30


def test_daemon_process_stops_cleanly_on_sigterm(write_config) -> None:
    path = write_config(extra=SCHEDULE)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--config", str(path), "daemon"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO_ROOT,
    )
    try:
        assert proc.stdout is not None
        seen = []
        for line in proc.stdout:  # blocks until the daemon says something: no sleeps
            seen.append(line)
            if "汇总并发送提醒" in line:  # the catch-up sweep ran: it holds the lease
                break
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert any("已取得调度权" in line for line in seen)
    assert out.strip().endswith("gongkai daemon 已停止")
    assert not (path.parent / "data" / "scheduler.lease.json").exists()  # lease given back
