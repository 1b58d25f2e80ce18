"""公开时效 rules: each item's working-day deadline from its formed date (issue: improvement actions)."""

from __future__ import annotations

from checks.context import DeadlineFn, RuleFn

RULES: list[RuleFn] = []
"""Rules that raise flags directly (vetoes, warnings)."""

DEADLINES: list[DeadlineFn] = []
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
