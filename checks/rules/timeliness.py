"""公开时效 rules: each item's deadline, from its formed date in working days or its fixed day.

Every item still to publish is a Deadline (overdue / due-soon flags and reminders come from
there). Expected recurring items that are not in the register yet are included too, with the
id ``rule:period``, so nothing is missed even if the register was never opened to sync them.
"""

from __future__ import annotations

from checks.context import DeadlineFn, RuleContext, RuleFn
from checks.deadlines import item_due, recurring_rule
from checks.flags import Deadline
from checks.recurring import expected_items, missing_expected

SUBJECT = "publication_items"


def open_items(ctx: RuleContext) -> list[Deadline]:
    """Unpublished, not withdrawn items of the register."""
    found = []
    for item in ctx.records.items:
        if not item.is_open:
            continue
        result, _, rule = item_due(item, ctx.calendar, ctx.rules)
        found.append(
            Deadline(
                subject=SUBJECT,
                id=str(item.id),
                title=item.title,
                due=result.date,
                rule=rule,
                owner=item.liaison or item.unit,
            )
        )
    return found


def expected_not_registered(ctx: RuleContext) -> list[Deadline]:
    """Recurring periods due now or soon that the register does not hold yet."""
    expected = missing_expected(
        expected_items(ctx.config, ctx.today, since=ctx.records.tracking_since), ctx.records.items
    )
    return [
        Deadline(
            subject=SUBJECT,
            id=e.key,
            title=e.title,
            due=e.due,
            rule=recurring_rule(e.category, ctx.rules),
            owner=e.liaison or e.unit,
        )
        for e in expected
    ]


RULES: list[RuleFn] = []
"""Rules that raise flags directly (vetoes, warnings)."""

DEADLINES: list[DeadlineFn] = [open_items, expected_not_registered]
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
