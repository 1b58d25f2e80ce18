"""Quarterly study: due soon in a quarter's last month, overdue after it; attendance per person."""

from __future__ import annotations

import datetime as dt

from checks.context import RuleContext, Snapshot
from checks.rules import evaluate
from checks.rules.study import attendance
from tracker.records import StudySession

D = dt.date


def session(day: str, *names: str, hours: float = 2) -> StudySession:
    return StudySession.from_input(
        {"date": day, "topic": "学习政府信息公开条例", "attendees": list(names), "hours": hours}
    )


def study_flags(ws, today: dt.date, sessions=()) -> dict[str, str]:
    ctx = RuleContext(today, ws.config, ws.calendar, Snapshot(study_sessions=list(sessions)))
    return {f.id: f.kind for f in evaluate(ctx) if f.subject == "study_sessions"}


def test_no_flag_before_the_quarters_last_month(ws) -> None:
    assert study_flags(ws, D(2026, 11, 24)) == {}


def test_due_soon_all_through_the_last_month_then_overdue(ws) -> None:
    assert study_flags(ws, D(2026, 12, 1)) == {"2026Q4": "due_soon"}
    assert study_flags(ws, D(2026, 12, 29)) == {"2026Q4": "due_soon"}
    assert study_flags(ws, D(2027, 1, 4)) == {"2026Q4": "overdue"}
    # One month after the quarter the flag leaves the dashboard.
    assert study_flags(ws, D(2027, 2, 1)) == {}


def test_a_session_in_the_quarter_clears_it(ws) -> None:
    assert study_flags(ws, D(2026, 12, 15), [session("2026-10-12", "张三")]) == {}
    # A session in another quarter does not count.
    assert study_flags(ws, D(2026, 12, 15), [session("2026-09-30", "张三")]) == {
        "2026Q4": "due_soon"
    }


def test_attendance_per_person_across_the_year() -> None:
    sessions = [
        session("2026-03-10", "张三", "李四", hours=2),
        session("2026-06-10", "张三", hours=1.5),
        session("2026-09-10", "王五", "张三", "张三"),
        session("2025-12-10", "李四"),
    ]
    rows = [(a.name, a.sessions, a.hours) for a in attendance(sessions, 2026)]
    assert rows == [("张三", 3, 5.5), ("李四", 1, 2.0), ("王五", 1, 2.0)]


def test_assessment_period_must_be_a_real_period() -> None:
    import pytest

    from tracker.errors import ValidationError
    from tracker.records import Assessment

    for good in ("2026", "2026-06", "2026Q4", "2026-Q1", "2026H2"):
        Assessment.from_input({"unit": "村01", "period": good})
    for bad in ("2026Q5", "26", "2026-13", "上半年"):
        with pytest.raises(ValidationError) as info:
            Assessment.from_input({"unit": "村01", "period": bad})
        assert info.value.field == "period"
