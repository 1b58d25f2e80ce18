"""The one place that asks what day it is, so every rule can be tested on any date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Clock:
    """Now and today in the office's time zone; ``fixed`` pins the date (``--today``, tests)."""

    timezone: str = "Asia/Shanghai"
    fixed: dt.datetime | None = None

    def now(self) -> dt.datetime:
        if self.fixed is not None:
            return self.fixed
        return dt.datetime.now(ZoneInfo(self.timezone))

    def today(self) -> dt.date:
        return self.now().date()

    @classmethod
    def on(
        cls, day: dt.date, timezone: str = "Asia/Shanghai", at: dt.time = dt.time(9, 0)
    ) -> Clock:
        """A clock stopped on ``day`` (at 09:00 by default)."""
        return cls(timezone, dt.datetime.combine(day, at, tzinfo=ZoneInfo(timezone)))


Today = Callable[[], dt.date]
