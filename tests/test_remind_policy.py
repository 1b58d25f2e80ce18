"""Reminder policy: thresholds in Chinese working days, each (item, threshold) once, the most
recent threshold only after a gap, daily while overdue, snooze and acknowledge."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.flags import Deadline
from checks.jobs import send_reminders
from checks.reminders import acknowledge, current_threshold, due_reminders, overview, snooze
from checks.status import context_for
from tests.reminders_support import TEST_RULE, add_action, at, only_action_deadlines
from tracker.records import ReminderLog
from tracker.workdays import WorkCalendar


@pytest.fixture(autouse=True)
def _actions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    only_action_deadlines(monkeypatch)


def due_on(day: str) -> Deadline:
    return Deadline("actions", "1", "整改", dt.date.fromisoformat(day), TEST_RULE)


def threshold(due: str, today: str, daily: bool = True) -> str | None:
    found = current_threshold(
        due_on(due), dt.date.fromisoformat(today), WorkCalendar(), [7, 3, 1], daily
    )
    return found[0] if found else None


def test_thresholds_count_working_days_across_qingming() -> None:
    # Due Thu 2026-04-09; Mon 04-06 is the Qingming holiday, so "3 working days before" is
    # Fri 04-03 (not Mon 04-06), and it stays the current threshold over the long weekend.
    assert threshold("2026-04-09", "2026-03-27") is None
    assert threshold("2026-04-09", "2026-03-30") == "7"
    assert threshold("2026-04-09", "2026-04-02") == "7"
    assert threshold("2026-04-09", "2026-04-03") == "3"
    assert threshold("2026-04-09", "2026-04-06") == "3"
    assert threshold("2026-04-09", "2026-04-07") == "3"
    assert threshold("2026-04-09", "2026-04-08") == "1"
    assert threshold("2026-04-09", "2026-04-09") == "1"
    assert threshold("2026-04-09", "2026-04-10") == "overdue:2026-04-10"


def test_thresholds_across_national_day_week() -> None:
    # Due Fri 2026-10-09: 1 working day before is Thu 10-08; 3 before is Tue 09-29,
    # because 10-01 … 10-07 are off.
    assert threshold("2026-10-09", "2026-09-28") == "7"
    assert threshold("2026-10-09", "2026-09-29") == "3"
    assert threshold("2026-10-09", "2026-10-07") == "3"
    assert threshold("2026-10-09", "2026-10-08") == "1"


def test_overdue_once_per_working_day_not_on_days_off() -> None:
    # Due Thu 04-02; Sat, Sun and the Monday holiday add no new overdue reminder.
    assert threshold("2026-04-02", "2026-04-03") == "overdue:2026-04-03"
    assert threshold("2026-04-02", "2026-04-04") == "overdue:2026-04-03"
    assert threshold("2026-04-02", "2026-04-06") == "overdue:2026-04-03"
    assert threshold("2026-04-02", "2026-04-07") == "overdue:2026-04-07"
    # Due on the holiday itself: nothing overdue until the next working day.
    assert threshold("2026-04-06", "2026-04-06") == "1"
    assert threshold("2026-04-06", "2026-04-07") == "overdue:2026-04-07"
    # Overdue once only, when daily overdue reminders are off.
    assert threshold("2026-04-02", "2026-04-07", daily=False) == "overdue"


def sent_log(ws) -> list[tuple[str, str]]:
    return sorted((e.title, e.threshold) for e in ws.store.all(ReminderLog))


def test_only_the_most_recent_threshold_after_a_gap_and_each_once(ws) -> None:
    # Entered on Wed 04-08 with 7 and 3 working days already passed: one reminder, "3".
    add_action(ws, "村务公开栏更新", "2026-04-10")
    first = send_reminders(ws, at("2026-04-08 08:00"))
    assert [(r.deadline.title, r.threshold) for r in first.sent] == [("村务公开栏更新", "3")]
    again = send_reminders(ws, at("2026-04-08 15:00"))
    assert again.sent == []
    assert [r.threshold for r in send_reminders(ws, at("2026-04-09 08:00")).sent] == ["1"]
    assert sent_log(ws) == [("村务公开栏更新", "1"), ("村务公开栏更新", "3")]


def test_closed_items_are_not_reminded(ws) -> None:
    add_action(
        ws, "已完成事项", "2026-04-08", status="done", close_note="已整改", closed_on="2026-04-07"
    )
    assert due_reminders(context_for(ws, dt.date(2026, 4, 8))) == []


def test_snooze_until_a_date_then_reminders_resume(ws) -> None:
    action = add_action(ws, "政策文件栏目补发", "2026-04-14")
    key = f"actions:{action.id}"
    assert [r.threshold for r in send_reminders(ws, at("2026-04-02 08:00")).sent] == ["7"]
    snooze(ws.store, key, dt.date(2026, 4, 13), at("2026-04-02 09:00"))
    # "3" falls on Thu 04-09 while snoozed: not sent, not then, not later.
    for day in ("2026-04-09", "2026-04-10"):
        assert send_reminders(ws, at(f"{day} 08:00")).sent == []
    # From the snooze date on, the current threshold goes out again.
    assert [r.threshold for r in send_reminders(ws, at("2026-04-13 08:00")).sent] == ["1"]
    states = {e.threshold: e.state for e in ws.store.all(ReminderLog)}
    assert states == {"7": "snoozed", "1": "sent"}  # the snoozed one stays in the log


def test_snoozing_an_item_never_reminded_keeps_it_quiet(ws) -> None:
    action = add_action(ws, "低保名单公示", "2026-04-14")
    deadline = due_on("2026-04-14")
    deadline = Deadline("actions", str(action.id), "低保名单公示", deadline.due, TEST_RULE)
    snooze(ws.store, deadline.key, dt.date(2026, 4, 10), at("2026-04-01 09:00"), deadline=deadline)
    assert send_reminders(ws, at("2026-04-02 08:00")).sent == []
    assert [r.threshold for r in send_reminders(ws, at("2026-04-10 08:00")).sent] == ["3"]
    view = overview(context_for(ws, dt.date(2026, 4, 10)))
    assert [e.threshold for e in view.snoozed] == ["snooze"]
    assert [e.threshold for e in view.sent] == ["3"]


def test_acknowledged_reminder_stays_in_the_log(ws) -> None:
    add_action(ws, "学习培训", "2026-04-03")
    sent = send_reminders(ws, at("2026-04-03 08:00"))
    assert [r.threshold for r in sent.sent] == ["1"]
    (entry,) = ws.store.all(ReminderLog)
    assert entry.id is not None
    acknowledge(ws.store, entry.id, at("2026-04-03 09:00"))
    view = overview(context_for(ws, dt.date(2026, 4, 3)))
    assert [(e.threshold, e.state) for e in view.sent] == [("1", "acknowledged")]
    # Acknowledging one reminder does not close the item: it is still reminded when overdue.
    assert [r.threshold for r in send_reminders(ws, at("2026-04-07 08:00")).sent] == [
        "overdue:2026-04-07"
    ]


def test_overview_lists_due_today_and_upcoming(ws) -> None:
    add_action(ws, "逾期事项", "2026-11-20")
    add_action(ws, "两周内事项", "2026-12-04")
    add_action(ws, "远期事项", "2027-02-01")
    view = overview(context_for(ws, dt.date(2026, 11, 24)))
    assert [d.title for d, _ in view.due_now] == ["逾期事项"]
    assert [(d.title, str(day)) for d, day in view.upcoming] == [("两周内事项", "2026-11-25")]
