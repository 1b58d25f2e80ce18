"""Which working-day limit applies to an item, and its due date (条例 art. 26; 民办函〔2019〕52号)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from checks.flags import Rule
from tracker.workdays import WorkCalendar, WorkdayResult

SOCIAL_ASSISTANCE_WORDS = ("社会救助", "低保", "特困", "临时救助", "高龄", "social_assistance")

DISCLOSURE_RULE = Rule("主动公开时限", "政府信息公开条例 第二十六条")
SOCIAL_ASSISTANCE_RULE = Rule("社会救助信息公开时限", "民政部 民办函〔2019〕52号")


def is_social_assistance(category: str) -> bool:
    return any(word in category for word in SOCIAL_ASSISTANCE_WORDS)


def workdays_for(category: str, rules: Any) -> tuple[int, Rule]:
    """The limit in working days for an item of this category, and the rule behind it."""
    if is_social_assistance(category or ""):
        return int(rules.social_assistance_workdays), SOCIAL_ASSISTANCE_RULE
    return int(rules.disclosure_workdays), DISCLOSURE_RULE


def due_date(calendar: WorkCalendar, formed: dt.date, workdays: int) -> WorkdayResult:
    """Due on the ``workdays``-th working day after the day the information was formed."""
    return calendar.add_workdays(formed, workdays)


@dataclass(frozen=True)
class ItemTiming:
    """Where a publication item stands against its deadline.

    ``workdays_left`` counts working days from today to the due day (negative once overdue);
    for a published item ``late_by`` is how many working days after the due day it went out
    (0 when on time).
    """

    due: dt.date
    workdays: int | None
    rule: Rule
    provisional: bool
    state: str
    """one of: open, overdue, on_time, late, withdrawn."""
    workdays_left: int | None = None
    late_by: int = 0

    @property
    def counts_against(self) -> bool:
        """Late publication or still missing after its deadline (accountability)."""
        return self.state in ("late", "overdue")


def recurring_rule(category: str, rules: Any) -> Rule:
    """A recurring item's rule: config's ``[[publications]]`` plus the category's regulation."""
    _, rule = workdays_for(category, rules)
    return Rule("按期公开事项", f"config.toml [[publications]]; {rule.source}")


def item_due(
    item: Any, calendar: WorkCalendar, rules: Any
) -> tuple[WorkdayResult, int | None, Rule]:
    """The due day of a publication item: its explicit ``due`` (recurring items), else its
    formed date plus its own ``workdays`` or the category's limit."""
    limit, rule = workdays_for(item.category, rules)
    if item.due is not None:
        # A fixed day of the calendar: exact whatever the holiday data says.
        if item.rule:
            rule = recurring_rule(item.category, rules)
        return WorkdayResult(item.due, False), None, rule
    workdays = item.workdays if item.workdays is not None else limit
    return due_date(calendar, item.formed, workdays), workdays, rule


def item_timing(item: Any, calendar: WorkCalendar, rules: Any, today: dt.date) -> ItemTiming:
    """On time, late by N working days, still open with N working days left, or overdue."""
    result, workdays, rule = item_due(item, calendar, rules)
    due = result.date
    base = ItemTiming(due, workdays, rule, result.provisional, "open")
    if item.status == "withdrawn":
        return replace(base, state="withdrawn")
    if item.status == "published" and item.published is not None:
        late = max(0, calendar.workdays_between(due, item.published))
        return replace(base, state="late" if late else "on_time", late_by=late)
    left = calendar.workdays_between(today, due)
    return replace(base, state="overdue" if today > due else "open", workdays_left=left)


@dataclass(frozen=True)
class TimelinessTotals:
    """The register's headline: what is overdue or due soon, and the year's on-time rate."""

    overdue: int
    due_soon: int
    published: int
    on_time: int

    @property
    def on_time_pct(self) -> float | None:
        return 100 * self.on_time / self.published if self.published else None


def timeliness_totals(
    timings: list[ItemTiming], year: int, due_soon_workdays: int
) -> TimelinessTotals:
    """Counted as the dashboard counts: due soon = open with at most N working days left."""
    done = [t for t in timings if t.state in ("on_time", "late") and t.due.year == year]
    return TimelinessTotals(
        overdue=sum(1 for t in timings if t.state == "overdue"),
        due_soon=sum(
            1
            for t in timings
            if t.state == "open"
            and t.workdays_left is not None
            and t.workdays_left <= due_soon_workdays
        ),
        published=len(done),
        on_time=sum(1 for t in done if t.state == "on_time"),
    )
