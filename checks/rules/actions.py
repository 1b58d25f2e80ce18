"""整改事项 rules: improvement actions past their due date (issue: improvement actions)."""

from __future__ import annotations

from checks.context import RuleFn

RULES: list[RuleFn] = []
