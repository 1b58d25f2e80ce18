"""月度清查 rules: checks recorded on time, update gaps of accounts and columns, drops (issue: monthly checks)."""

from __future__ import annotations

from checks.context import RuleFn

RULES: list[RuleFn] = []
