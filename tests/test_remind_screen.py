"""The 提醒 screen: due today, soon, sent and snoozed lists, the jobs, who schedules; k, z, s, x."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from checks.jobs import JobRunner, send_reminders
from tests.reminders_support import add_action, at, only_action_deadlines
from tracker.records import ReminderLog
from tui.app import GongkaiApp
from tui.forms import RecordForm
from tui.sections.reminders import JobPicker


@pytest.fixture(autouse=True)
def _actions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    only_action_deadlines(monkeypatch)


def rows(app) -> list[list[str]]:
    """Rows as [group, item, due, reminder]."""
    table = app.screen.query_one("#reminder-list", DataTable)
    out = []
    for i in range(table.row_count):
        group, due, state, title = (str(c) for c in table.get_row_at(i))
        out.append([group, title, due, state])
    return out


async def open_reminders(app, pilot) -> None:
    await pilot.press("7")  # a number key opens the section with the keyboard in it
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_screen_lists_and_shows_the_schedule(ws) -> None:
    add_action(ws, "逾期整改", "2026-11-20")
    add_action(ws, "下周到期", "2026-12-01")
    JobRunner(ws).run("sweep", at("2026-11-23 08:00"))
    app = GongkaiApp(ws)
    app.reminders.poller = lambda ws: []
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reminders(app, pilot)
        holder = str(app.screen.query_one("#lease-holder", Static).content)
        assert "没有程序在调度" in holder
        jobs = app.screen.query_one("#jobs", DataTable)
        job_rows = [[str(c) for c in jobs.get_row_at(i)] for i in range(jobs.row_count)]
        assert job_rows[0][:2] == ["抓取区政府网站", "11-25 08:30"]
        assert job_rows[1][2] == "11-23 08:00" and "2 条新提醒, 只在本程序中显示" in job_rows[1][3]
        listed = rows(app)
        assert ["今日", "逾期整改", "2026-11-20", "逾期 4 天 待发"] in listed
        assert ["近期", "下周到期", "2026-12-01", "11-26 提醒"] in listed
        assert [r[:2] for r in listed if r[0] == "已发送"] == [
            ["已发送", "逾期整改"],
            ["已发送", "下周到期"],
        ]
        # s: send what is due now (the overdue reminder of today)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        thresholds = sorted(e.threshold for e in ws.store.all(ReminderLog))
        assert thresholds == ["7", "overdue:2026-11-23", "overdue:2026-11-24"]


async def test_acknowledge_and_snooze_from_the_screen(ws) -> None:
    add_action(ws, "政策文件补发", "2026-11-20")
    add_action(ws, "公开栏更新", "2026-11-26")
    send_reminders(ws, at("2026-11-24 08:00"))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reminders(app, pilot)
        table = app.screen.query_one("#reminder-list", DataTable)
        table.focus()
        sent_rows = [i for i, r in enumerate(rows(app)) if r[0] == "已发送"]
        table.move_cursor(row=sent_rows[0])
        await pilot.press("k")
        await app.workers.wait_for_complete()
        await pilot.pause()
        states = sorted(e.state for e in ws.store.all(ReminderLog))
        assert states == ["acknowledged", "sent"]
        assert any("已确认" in r[3] for r in rows(app))

        due_row = next(
            i for i, r in enumerate(rows(app)) if r[1] == "公开栏更新" and r[0] != "已发送"
        )
        table.move_cursor(row=due_row)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-snooze_until", Input).value = "2026-11-26"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        snoozed = [e for e in ws.store.all(ReminderLog) if e.state == "snoozed"]
        assert [(e.title, e.snooze_until) for e in snoozed] == [
            ("公开栏更新", dt.date(2026, 11, 26))
        ]
        assert ["已推迟", "公开栏更新", "2026-11-26", "至 2026-11-26"] in rows(app)


async def test_x_runs_a_chosen_job_now(ws) -> None:
    calls: list[str] = []
    app = GongkaiApp(ws)
    app.reminders.poller = lambda ws: calls.append("poll") or [{"ok": True, "new_items": 2}]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reminders(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, JobPicker)
        picker = app.screen.query_one("#job-list", OptionList)
        picker.highlighted = 0
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert calls == ["poll"]
        jobs = app.screen.query_one("#jobs", DataTable)
        assert "1/1 个栏目正常, 新发现 2 条" in str(jobs.get_row_at(0)[3])
