"""网站监测 rules: column update gaps, blank columns, availability, back-dated items (issue: website monitoring)."""

from __future__ import annotations

from checks.context import RuleFn

RULES: list[RuleFn] = []
