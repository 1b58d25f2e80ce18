"""年度报告 rules: last year's annual report is due by ``rules.annual_report_due`` (31 January).

From 1 January a deadline stands for the report on the year before, until the report is recorded
as published: a PublicationItem with rule ``annual-report`` and period ``YYYY`` published, or the
publication date entered with that year's annual figures (export screen).

After the due day the deadline stays (overdue) only when gongkai holds records of that year: a
fresh install in November knows nothing of last year and should not open with a 300-day-old
"overdue" it cannot help with; in January it reminds every office.
"""

from __future__ import annotations

import calendar
import datetime as dt

from checks.context import DeadlineFn, RuleContext, RuleFn
from checks.flags import Deadline, Rule
from tracker.i18n import tr

ANNUAL_RULE = Rule("年度报告公布时限", "政府信息公开条例 第四十九、五十条")
ANNUAL_REPORT_RULE_ID = "annual-report"

RULES: list[RuleFn] = []
"""Rules that raise flags directly (vetoes, warnings)."""


def report_published(ctx: RuleContext, year: int) -> bool:
    """Whether the annual report on ``year`` is recorded as published."""
    for item in ctx.records.items:
        if item.rule == ANNUAL_REPORT_RULE_ID and item.period == str(year) and item.published:
            return True
    return any(f.year == year and f.report_published for f in ctx.records.annual_figures)


def has_records_of(ctx: RuleContext, year: int) -> bool:
    """Whether the office kept any record dated in ``year`` (so gongkai was in use then)."""
    r = ctx.records
    prefix = f"{year:04d}-"
    return (
        any(f.year == year for f in r.annual_figures)
        or any(c.month.startswith(prefix) for c in r.checks)
        or any(i.formed.year == year for i in r.items)
        or any(a.received.year == year for a in r.applications)
        or any(s.date.year == year for s in r.study_sessions)
        or any(a.created_on and a.created_on.year == year for a in r.actions)
    )


def annual_report_deadline(ctx: RuleContext) -> list[Deadline]:
    if any(p.id == ANNUAL_REPORT_RULE_ID for p in ctx.config.publications):
        return []  # config lists it as a recurring publication: the register carries its deadline
    year = ctx.today.year - 1
    if report_published(ctx, year):
        return []
    month, day = ctx.rules.annual_report_due
    day = min(day, calendar.monthrange(ctx.today.year, month)[1])  # 02-29 in a common year
    due = dt.date(ctx.today.year, month, day)
    if ctx.today > due and not has_records_of(ctx, year):
        return []
    return [
        Deadline(
            "annual_report",
            str(year),
            tr(
                f"公布 {year} 年政府信息公开工作年度报告",
                f"publish the {year} annual disclosure report",
            ),
            due,
            ANNUAL_RULE,
        )
    ]


DEADLINES: list[DeadlineFn] = [annual_report_deadline]
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
