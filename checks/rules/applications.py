"""依申请公开 rules: statutory answer deadlines (issue: year-end export)."""

from __future__ import annotations

from checks.context import RuleFn

RULES: list[RuleFn] = []
