"""学习培训 rules: at least N staff study sessions a quarter.

The 2019 report promises to "按季度组织干部学习业务知识"; 条例 第四十八条 asks for training of
the staff doing disclosure work. A quarter short of sessions becomes a Deadline on the quarter's
last day, but only from the quarter's last month on: it shows as due soon all that month (a
direct flag until the generic due-soon window takes over) and as overdue once the quarter has
ended. It stays overdue through the first month after the quarter, then leaves the dashboard: a
missed quarter cannot be made up, and a flag nobody can clear only teaches people to ignore
flags (the study section's table keeps every quarter of the year).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from checks.context import DeadlineFn, RuleContext, RuleFn
from checks.flags import Deadline, Flag, Rule
from tracker.i18n import tr
from tracker.records.study import StudySession

SUBJECT = "study_sessions"
STUDY_RULE = Rule("每季度学习培训", "2019年度报告 改进措施一; 条例 第四十八条")
QUARTER_NAMES_ZH = "一二三四"


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_label(year: int, quarter: int) -> str:
    """``2026Q4``."""
    return f"{year}Q{quarter}"


def quarter_last_day(year: int, quarter: int) -> dt.date:
    first_of_next = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def sessions_per_quarter(sessions: list[StudySession]) -> Counter[str]:
    return Counter(s.quarter for s in sessions)


@dataclass(frozen=True)
class Attendance:
    """One person's study in a year: sessions attended and hours."""

    name: str
    sessions: int
    hours: float


def attendance(sessions: list[StudySession], year: int) -> list[Attendance]:
    """Who attended how often in the year, most first (named attendees only)."""
    count: Counter[str] = Counter()
    hours: dict[str, float] = {}
    for s in sessions:
        if s.date.year != year:
            continue
        for name in dict.fromkeys(s.attendees):
            count[name] += 1
            hours[name] = hours.get(name, 0.0) + (s.hours or 0.0)
    return sorted(
        (Attendance(name, n, hours[name]) for name, n in count.items()),
        key=lambda a: (-a.sessions, -a.hours, a.name),
    )


def short_quarters(ctx: RuleContext) -> list[Deadline]:
    """The current quarter from its last month on, and the last one during the month after it,
    if short of sessions."""
    wanted = int(ctx.rules.study_sessions_per_quarter)
    if wanted <= 0:
        return []
    counts = sessions_per_quarter(ctx.records.study_sessions)
    year, quarter = quarter_of(ctx.today)
    candidates = []
    if ctx.today.month == 3 * quarter - 2:
        candidates.append(previous_quarter(year, quarter))
    if ctx.today.month == 3 * quarter:
        candidates.append((year, quarter))
    found = []
    for y, q in candidates:
        label = quarter_label(y, q)
        held = counts.get(label, 0)
        if held >= wanted:
            continue
        found.append(
            Deadline(
                subject=SUBJECT,
                id=label,
                title=tr(
                    f"{y}年第{QUARTER_NAMES_ZH[q - 1]}季度学习培训 (已 {held} 次, 应至少 {wanted} 次)",
                    f"{label} staff study ({held} held, at least {wanted} needed)",
                ),
                due=quarter_last_day(y, q),
                rule=STUDY_RULE,
            )
        )
    return found


def last_month_due_soon(ctx: RuleContext) -> list[Flag]:
    """In a quarter's last month a short quarter is due soon all month long, not only in the
    last few working days the generic deadline flag covers (that flag takes over then)."""
    year, quarter = quarter_of(ctx.today)
    flags = []
    for deadline in short_quarters(ctx):
        if deadline.id != quarter_label(year, quarter):
            continue
        if ctx.calendar.workdays_between(ctx.today, deadline.due) > ctx.rules.due_soon_workdays:
            flags.append(
                Flag("due_soon", SUBJECT, deadline.id, deadline.title, STUDY_RULE, deadline.due)
            )
    return flags


RULES: list[RuleFn] = [last_month_due_soon]
"""Rules that raise flags directly (vetoes, warnings)."""

DEADLINES: list[DeadlineFn] = [short_quarters]
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
