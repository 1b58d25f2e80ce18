"""年度报告 rules: the annual report due by its day in January (issue: year-end export)."""

from __future__ import annotations

from checks.context import RuleFn

RULES: list[RuleFn] = []
