"""Which working-day limit applies to an item, and its due date (条例 art. 26; 民办函〔2019〕52号)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from checks.flags import Rule
from tracker.workdays import WorkCalendar, WorkdayResult

SOCIAL_ASSISTANCE_WORDS = ("社会救助", "低保", "特困", "临时救助", "高龄", "social_assistance")

DISCLOSURE_RULE = Rule("主动公开时限", "政府信息公开条例 第二十六条")
SOCIAL_ASSISTANCE_RULE = Rule("社会救助信息公开时限", "民政部 民办函〔2019〕52号")


def is_social_assistance(category: str) -> bool:
    return any(word in category for word in SOCIAL_ASSISTANCE_WORDS)


def workdays_for(category: str, rules: Any) -> tuple[int, Rule]:
    """The limit in working days for an item of this category, and the rule behind it."""
    if is_social_assistance(category or ""):
        return int(rules.social_assistance_workdays), SOCIAL_ASSISTANCE_RULE
    return int(rules.disclosure_workdays), DISCLOSURE_RULE


def due_date(calendar: WorkCalendar, formed: dt.date, workdays: int) -> WorkdayResult:
    """Due on the ``workdays``-th working day after the day the information was formed."""
    return calendar.add_workdays(formed, workdays)
