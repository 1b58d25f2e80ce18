"""学习培训 rules: study sessions per quarter (issue: improvement actions)."""

from __future__ import annotations

from checks.context import RuleFn

RULES: list[RuleFn] = []
