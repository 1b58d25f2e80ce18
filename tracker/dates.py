"""Calendar arithmetic and lenient date reading, in one place for every module.

Months have different lengths, so "the same day next month" is clamped (31 Jan + 1 month =
28 Feb); stored dates may be ISO text, a date or a date-time, or missing.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any


def clamped_date(year: int, month: int, day: int) -> dt.date:
    """``day`` of that month, or its last day when the month is shorter (day 31 in February)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (negative: earlier), clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return clamped_date(year, month + 1, day.day)


def maybe_date(value: Any) -> dt.date | None:
    """A stored date (ISO text, date or date-time), or None when missing or unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def maybe_datetime(value: Any) -> dt.datetime | None:
    """A stored ISO date-time, or None when it is missing or unreadable (never raises)."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None
