"""Improvement actions: closing needs a note, verifying is separate, recurring ones come back."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.context import RuleContext, Snapshot
from checks.rules import evaluate
from tracker.errors import ValidationError
from tracker.records import Action
from tracker.records.actions import ProgressNote, add_months, close_action

D = dt.date


def action(**extra) -> Action:
    return Action.from_input(
        {"title": "落实信息联络员岗位责任制", "category": "timeliness", **extra}
    )


def test_closing_needs_a_note_and_verifying_needs_a_closed_action() -> None:
    a = action(due="2026-12-01")
    with pytest.raises(ValidationError) as e:
        a.closed("", D(2026, 11, 24))
    assert e.value.field == "close_note"
    with pytest.raises(ValidationError):
        a.verified("李主任", D(2026, 11, 24))
    done = a.closed("已明确各村联络员并签订责任书", D(2026, 11, 24), evidence="责任书.pdf")
    assert (done.status, done.closed_on, done.evidence) == ("done", D(2026, 11, 24), "责任书.pdf")
    with pytest.raises(ValidationError) as e:
        done.verified("", D(2026, 11, 25))
    assert e.value.field == "verified_by"
    checked = done.verified("李主任", D(2026, 11, 25))
    assert (checked.status, checked.verified_by) == ("verified", "李主任")


def test_a_note_starts_the_work() -> None:
    a = action().with_note(ProgressNote(date=D(2026, 11, 20), text="已召开专题会"))
    assert a.status == "in_progress"
    assert a.notes == [{"date": "2026-11-20", "text": "已召开专题会"}]


def test_closing_a_recurring_action_creates_the_next_round(ws) -> None:
    a = ws.store.insert(action(due="2026-11-30", recurrence="monthly", owner="王五"))
    _closed, following = close_action(ws.store, a, "本月已完成", D(2026, 11, 28))
    assert following is not None and following.due == D(2026, 12, 30)
    stored = ws.store.all(Action)
    assert [x.status for x in stored] == ["done", "not_started"]
    assert stored[1].owner == "王五" and stored[1].recurrence == "monthly"
    one_off = ws.store.insert(action(due="2026-11-30"))
    _, nothing = close_action(ws.store, one_off, "完成", D(2026, 11, 28))
    assert nothing is None and len(ws.store.all(Action)) == 3


def test_month_arithmetic_clamps() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2026, 12, 15), 12) == D(2027, 12, 15)


def test_open_actions_are_deadlines_closed_ones_are_not(ws) -> None:
    actions = [
        action(due="2026-11-20", owner="张三"),
        action(due="2026-11-26"),
        action(due="2026-11-01", status="done", close_note="ok", closed_on="2026-11-01"),
        action(),
    ]
    for n, a in enumerate(actions, 1):
        a.id = n
    ctx = RuleContext(D(2026, 11, 24), ws.config, ws.calendar, Snapshot(actions=actions))
    flags = {f.id: f for f in evaluate(ctx) if f.subject == "actions"}
    assert flags["1"].kind == "overdue" and flags["1"].days_overdue == 4
    assert "及时性" in flags["1"].rule.name or "及时" in flags["1"].rule.name
    assert flags["2"].kind == "due_soon"
    assert set(flags) == {"1", "2"}
