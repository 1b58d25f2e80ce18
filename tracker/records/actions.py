"""整改事项: an improvement action with an owner, a due date and a trail of progress notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Record

ACTION_CATEGORIES = ("timeliness", "study", "supervision", "standardisation", "other")
"""及时性 / 学习培训 / 监督考核 / 标准化规范化 / other."""
ACTION_STATUSES = ("not_started", "in_progress", "done", "verified", "cancelled")
"""未开始 / 进行中 / 已完成 / 已核实 / 已取消."""
OPEN_STATUSES = ("not_started", "in_progress")


@dataclass(kw_only=True)
class Action(Record):
    TABLE: ClassVar[str] = "actions"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {
        "category": ACTION_CATEGORIES,
        "status": ACTION_STATUSES,
    }

    title: str
    category: str = "other"
    source: str = ""
    origin: str = ""
    owner: str = ""
    unit: str = ""
    due: dt.date | None = None
    status: str = "not_started"
    notes: list[dict[str, Any]] = field(default_factory=list)
    evidence: str = ""
    recurrence: str = ""
    created_on: dt.date | None = None
    closed_on: dt.date | None = None
    close_note: str = ""
    verified_on: dt.date | None = None
    verified_by: str = ""

    def check(self) -> None:
        super().check()
        if not self.title:
            raise ValidationError("title", tr("标题不能为空", "title must not be empty"))
        if self.status in ("done", "verified") and not self.close_note:
            raise ValidationError(
                "close_note", tr("完成事项需要填写完成说明", "closing needs a note")
            )
        if self.status == "verified" and not self.verified_on:
            raise ValidationError("verified_on", tr("核实需要日期", "verifying needs a date"))

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
