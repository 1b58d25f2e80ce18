"""网站监测 rules: column update gaps, blank columns, availability, back-dated items (issue: website monitoring)."""

from __future__ import annotations

from checks.context import DeadlineFn, RuleFn

RULES: list[RuleFn] = []
"""Rules that raise flags directly (vetoes, warnings)."""

DEADLINES: list[DeadlineFn] = []
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
