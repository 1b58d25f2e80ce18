"""月度清查: one platform's check for one month (the seed report, section 三)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Month, Record

PROBLEM_KINDS = ("not_timely", "incomplete", "not_rich", "other")
"""不及时 / 不全面 / 不丰富 / other (free text in ``problem_note``)."""


@dataclass(kw_only=True)
class MonthlyCheck(Record):
    TABLE: ClassVar[str] = "monthly_checks"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"problems": PROBLEM_KINDS}

    platform: str
    month: Month
    volume: int | None = None
    followers: int | None = None
    clicks: int | None = None
    last_update: dt.date | None = None
    maintainer: str = ""
    supervision: str = ""
    problems: list[str] = field(default_factory=list)
    problem_note: str = ""
    measure: str = ""
    measure_owner: str = ""
    measure_due: dt.date | None = None
    measure_closed: dt.date | None = None
    checker: str = ""
    checked_on: dt.date | None = None

    def check(self) -> None:
        super().check()
        if not self.platform:
            raise ValidationError("platform", tr("缺少平台", "platform is missing"))
        if self.checked_on and self.last_update and self.last_update > self.checked_on:
            raise ValidationError(
                "last_update",
                tr("最近更新日期晚于检查日期", "last update is after the check date"),
            )
