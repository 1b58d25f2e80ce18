"""Every rule, run in one place: the dashboard, ``gongkai status`` and reminders all call evaluate().

Each module in this package owns the rules of one part of the work: RULES raise flags directly,
DEADLINES list open things with a due date, which become overdue / due-soon flags here and
reminders in checks/reminders.
"""

from __future__ import annotations

from checks.context import DeadlineFn, RuleContext, RuleFn
from checks.flags import Deadline, Flag, sort_flags
from checks.rules import actions, annual, applications, platform_checks, study, timeliness, website

RULE_MODULES = (platform_checks, timeliness, actions, study, website, applications, annual)


def all_rules() -> list[RuleFn]:
    return [rule for module in RULE_MODULES for rule in module.RULES]


def all_deadline_fns() -> list[DeadlineFn]:
    return [fn for module in RULE_MODULES for fn in module.DEADLINES]


def deadlines(ctx: RuleContext) -> list[Deadline]:
    """Every open thing with a due date, soonest first."""
    found = [d for fn in all_deadline_fns() for d in fn(ctx)]
    return sorted(found, key=lambda d: (d.due, d.title))


def deadline_flag(ctx: RuleContext, deadline: Deadline) -> Flag | None:
    """Overdue after the due day; due soon within ``due_soon_workdays`` working days of it."""
    today = ctx.today
    if today > deadline.due:
        return Flag(
            "overdue",
            deadline.subject,
            deadline.id,
            deadline.title,
            deadline.rule,
            deadline.due,
            (today - deadline.due).days,
        )
    if (deadline.due - today).days > 7 * (ctx.rules.due_soon_workdays + 2):
        return None  # far off: no need to count the working days in between
    if ctx.calendar.workdays_between(today, deadline.due) <= ctx.rules.due_soon_workdays:
        return Flag(
            "due_soon", deadline.subject, deadline.id, deadline.title, deadline.rule, deadline.due
        )
    return None


def evaluate(ctx: RuleContext) -> list[Flag]:
    """All flags for that day, most serious first."""
    flags = [flag for rule in all_rules() for flag in rule(ctx)]
    for deadline in deadlines(ctx):
        flag = deadline_flag(ctx, deadline)
        if flag:
            flags.append(flag)
    return sort_flags(flags)
