"""整改事项 rules: open improvement actions are due on their day (the 2019 report's promises)."""

from __future__ import annotations

from checks.context import DeadlineFn, RuleContext, RuleFn
from checks.flags import Deadline, Rule

SUBJECT = "actions"

CATEGORY_RULES = {
    "timeliness": Rule("整改: 公开及时性", "2019年度报告 问题三; 条例 第二十六条"),
    "study": Rule("整改: 学习培训", "2019年度报告 改进措施一; 条例 第四十八条"),
    "supervision": Rule("整改: 监督考核", "2019年度报告 改进措施二"),
    "standardisation": Rule("整改: 标准化规范化", "2019年度报告 改进措施三"),
    "other": Rule("整改事项期限", "整改台账"),
}


def rule_for(category: str) -> Rule:
    return CATEGORY_RULES.get(category, CATEGORY_RULES["other"])


def open_actions(ctx: RuleContext) -> list[Deadline]:
    """Every open action with a due date."""
    return [
        Deadline(
            subject=SUBJECT,
            id=str(a.id),
            title=a.title,
            due=a.due,
            rule=rule_for(a.category),
            owner=a.owner or a.unit,
        )
        for a in ctx.records.actions
        if a.is_open and a.due is not None
    ]


RULES: list[RuleFn] = []
"""Rules that raise flags directly (vetoes, warnings)."""

DEADLINES: list[DeadlineFn] = [open_actions]
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
