"""Chinese working days: statutory holidays off, 调休 make-up days on.

Uses the maintained ``chinesecalendar`` package; for a year it does not cover yet, falls back
to Monday–Friday and marks every answer that crossed such a year as provisional. config.toml's
``[calendar]`` adds holidays and make-up working days on top (they win over the package).

"Within N working days of D" counts from the day after D, so the deadline is the N-th working
day after D (政府信息公开条例 time limits; DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class WorkdayResult:
    """A date computed by counting working days, and whether a guessed year was crossed."""

    date: dt.date
    provisional: bool


@lru_cache(maxsize=8192)
def _package_says(day: dt.date) -> bool | None:
    """True/False from chinesecalendar, None when it does not know that year."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def covered_years() -> range:
    """The years the calendar package knows (holidays and 调休 exactly)."""
    years = sorted({d.year for d in chinese_calendar.holidays})
    return range(years[0], years[-1] + 1)


class WorkCalendar:
    """Answers "is this a working day" and counts working days, with config overrides."""

    def __init__(self, holidays: Iterable[dt.date] = (), workdays: Iterable[dt.date] = ()) -> None:
        self.holidays = frozenset(holidays)
        self.workdays = frozenset(workdays)
        self._years = covered_years()

    def covers(self, year: int) -> bool:
        """Whether the year's holidays are known (from the package or overrides)."""
        return year in self._years

    def is_workday(self, day: dt.date) -> bool:
        return self.check(day)[0]

    def check(self, day: dt.date) -> tuple[bool, bool]:
        """(is a working day, was this a guess) for one day."""
        if day in self.workdays:
            return True, False
        if day in self.holidays:
            return False, False
        known = _package_says(day)
        if known is None:
            return day.weekday() < 5, True
        return known, False

    def add_workdays(self, start: dt.date, n: int) -> WorkdayResult:
        """The n-th working day after ``start`` (``start`` itself not counted).

        n = 0 returns ``start`` itself. Negative n counts backwards (the n-th working day
        before ``start``), which reminder thresholds use.
        """
        provisional = False
        day = start
        step = ONE_DAY if n >= 0 else -ONE_DAY
        remaining = abs(n)
        while remaining:
            day += step
            working, guess = self.check(day)
            provisional |= guess
            if working:
                remaining -= 1
        return WorkdayResult(day, provisional)

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if end < start).

        So ``workdays_between(d, add_workdays(d, n).date) == n``: a published item's delay in
        the same unit as its deadline.
        """
        if end == start:
            return 0
        sign = 1 if end > start else -1
        lo, hi = (start, end) if sign > 0 else (end, start)
        count = 0
        day = lo + ONE_DAY
        while day <= hi:
            if self.check(day)[0]:
                count += 1
            day += ONE_DAY
        return sign * count

    def provisional_between(self, start: dt.date, end: dt.date) -> bool:
        """Whether a span touches a year the calendar only guesses."""
        lo, hi = sorted((start, end))
        return any(not self.covers(y) for y in range(lo.year, hi.year + 1))
