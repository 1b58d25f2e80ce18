"""Every rule, run in one place: the dashboard, ``gongkai status`` and reminders all call evaluate().

Each module in this package owns the rules of one part of the work and lists them in RULES.
"""

from __future__ import annotations

from checks.context import RuleContext, RuleFn
from checks.flags import Flag, sort_flags
from checks.rules import actions, annual, applications, platform_checks, study, timeliness, website

RULE_MODULES = (platform_checks, timeliness, actions, study, website, applications, annual)


def all_rules() -> list[RuleFn]:
    return [rule for module in RULE_MODULES for rule in module.RULES]


def evaluate(ctx: RuleContext) -> list[Flag]:
    """All flags for that day, most serious first."""
    return sort_flags([flag for rule in all_rules() for flag in rule(ctx)])
