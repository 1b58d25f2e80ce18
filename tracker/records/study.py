"""学习培训 and 监督考核: study sessions and assessments of units and liaisons."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import ClassVar

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Record


@dataclass(kw_only=True)
class StudySession(Record):
    TABLE: ClassVar[str] = "study_sessions"

    date: dt.date
    topic: str
    presenter: str = ""
    attendees: list[str] = field(default_factory=list)
    attendee_count: int | None = None
    hours: float | None = None
    materials: str = ""

    def check(self) -> None:
        super().check()
        if not self.topic:
            raise ValidationError("topic", tr("主题不能为空", "topic must not be empty"))

    @property
    def headcount(self) -> int:
        return self.attendee_count if self.attendee_count is not None else len(self.attendees)

    @property
    def quarter(self) -> str:
        """``2026Q4``: the quarter the session counts for."""
        return f"{self.date.year}Q{(self.date.month - 1) // 3 + 1}"


PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-?Q[1-4]|-?H[12])?$")
"""An assessment period: a year, a month, a quarter or a half year."""


@dataclass(kw_only=True)
class Assessment(Record):
    TABLE: ClassVar[str] = "assessments"

    unit: str
    period: str
    liaison: str = ""
    date: dt.date | None = None
    score: float | None = None
    findings: str = ""
    consequence: str = ""

    def check(self) -> None:
        super().check()
        if not self.unit:
            raise ValidationError("unit", tr("单位不能为空", "unit must not be empty"))
        if not PERIOD.match(self.period):
            raise ValidationError(
                "period",
                tr(
                    f"考核期 {self.period!r} 应写成 2026、2026-06、2026Q4 或 2026H1",
                    f"period {self.period!r} must look like 2026, 2026-06, 2026Q4 or 2026H1",
                ),
            )
        if self.score is not None and self.score > 100:
            raise ValidationError("score", tr("得分不能超过 100", "score must be at most 100"))
