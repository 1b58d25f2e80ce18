"""公开时效 rules: each item's working-day deadline from its formed date (issue: improvement actions)."""

from __future__ import annotations

from checks.context import RuleFn

RULES: list[RuleFn] = []
