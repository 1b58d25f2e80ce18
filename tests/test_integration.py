"""Where the features meet: one flag per thing, and reminders that keep their identity."""

from __future__ import annotations

import datetime as dt

from checks.jobs import send_reminders
from checks.status import flags_for
from tracker.clock import Clock
from tracker.records import PublicationItem, ReminderLog
from tracker.workspace import open_workspace

from .conftest import BUNDLED_CONFIG

D = dt.date


def bundled(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(BUNDLED_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_annual_report_is_flagged_once_in_january(tmp_path) -> None:
    path = bundled(tmp_path)
    open_workspace(path, Clock.on(D(2026, 6, 1)))  # in use since June
    ws = open_workspace(path, Clock.on(D(2027, 1, 26)))
    annual = [f for f in flags_for(ws) if "年度报告" in f.title]
    assert len(annual) == 1, [f.title for f in annual]
    assert annual[0].due == D(2027, 1, 31)


def test_bundled_config_first_morning_is_not_a_wall_of_overdue(tmp_path) -> None:
    ws = open_workspace(bundled(tmp_path), Clock.on(D(2026, 11, 25)))
    flags = flags_for(ws)
    assert [f for f in flags if f.kind == "overdue"] == []  # nothing was recorded before today
    assert any(f.kind == "info" and "44 个平台未录入" in f.title for f in flags)
    december = [f for f in flags_for(ws, D(2026, 12, 11)) if f.kind == "overdue"]
    assert any("44 个平台未录入" in f.title for f in december)  # November's checks, due the 10th


def test_sweep_registers_recurring_items_before_reminding(tmp_path) -> None:
    path = bundled(tmp_path)
    open_workspace(path, Clock.on(D(2026, 11, 1)))
    ws = open_workspace(path, Clock.on(D(2026, 12, 9)))
    now = dt.datetime(2026, 12, 9, 9, 0, tzinfo=ws.clock.now().tzinfo)
    send_reminders(ws, now, channels=[])
    items = {(i.rule, i.period): i for i in ws.store.all(PublicationItem)}
    assert ("dibao", "2026-12") in items
    keys = {r.key for r in ws.store.all(ReminderLog)}
    dibao_id = items[("dibao", "2026-12")].id
    assert f"publication_items:{dibao_id}" in keys
    assert not any(k.endswith(":dibao:2026-12") for k in keys)


def test_year_end_vetoes_and_gaps_only_count_what_gongkai_could_see(tmp_path) -> None:
    from checks.summary import Period, build_summary
    from tracker.records import MonthlyCheck

    path = bundled(tmp_path)
    open_workspace(path, Clock.on(D(2026, 11, 20)))  # started in November
    ws = open_workspace(path, Clock.on(D(2026, 12, 31)))
    ws.store.insert(
        MonthlyCheck.from_input(
            {
                "platform": "wechat",
                "month": "2026-11",
                "last_update": "2026-11-01",
                "checked_on": "2026-11-28",
            }
        )
    )
    summary = build_summary(ws, Period.year(2026))
    vetoes = summary.part("vetoes")
    assert {row["day"] for row in vetoes.rows} <= {D(2026, 11, 30), D(2026, 12, 31)}
    assert vetoes.totals["days"] == 2  # November and December: gongkai was not in use before
    gaps = {row["source"]: row for row in summary.part("gaps").rows}
    assert gaps["zl-news"]["longest_gap"] <= 41  # from 20 November, not from 1 January


def test_a_reminder_no_channel_took_is_sent_again_next_time(tmp_path) -> None:
    from checks.notify import SendResult
    from tracker.config import Section
    from tracker.records import Action

    ws = open_workspace(bundled(tmp_path), Clock.on(D(2026, 11, 24)))
    ws.store.insert(Action(title="公开栏更新", due=D(2026, 11, 25)))
    now = ws.clock.now()
    hook = Section({"id": "hook", "kind": "webhook", "url": "http://127.0.0.1:9/", "enabled": True})
    calls: list[int] = []

    def down(channels, message, sleep):
        calls.append(len(message.reminders))
        return [SendResult("hook", False, 3, "connection refused")]

    def up(channels, message, sleep):
        calls.append(len(message.reminders))
        return [SendResult("hook", True, 1)]

    first = send_reminders(ws, now, channels=[hook], send=down)
    assert first.failed and calls == [1]
    assert ws.store.all(ReminderLog) == []  # not counted as sent
    send_reminders(ws, now, channels=[hook], send=up)
    assert calls == [1, 1]
    [entry] = ws.store.all(ReminderLog)
    assert entry.channels == ["hook"]
    send_reminders(ws, now, channels=[hook], send=up)
    assert calls == [1, 1]  # sent once it went through
