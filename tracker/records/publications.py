"""公开时效: an item to publish, its formed date and what became of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Record

ITEM_STATUSES = ("pending", "reviewed", "published", "withdrawn")
"""待审核 → 已审核 → 已发布 (and 已撤回)."""


@dataclass(kw_only=True)
class PublicationItem(Record):
    TABLE: ClassVar[str] = "publication_items"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"status": ITEM_STATUSES}

    title: str
    formed: dt.date
    category: str = "other"
    unit: str = ""
    liaison: str = ""
    workdays: int | None = None
    status: str = "pending"
    reviewed: dt.date | None = None
    published: dt.date | None = None
    channels: list[str] = field(default_factory=list)
    url: str = ""
    rule: str = ""
    period: str = ""
    note: str = ""

    def check(self) -> None:
        super().check()
        if not self.title:
            raise ValidationError("title", tr("标题不能为空", "title must not be empty"))
        if self.published and self.published < self.formed:
            raise ValidationError(
                "published", tr("发布日期早于形成日期", "published before it was formed")
            )
        if self.status == "published" and not self.published:
            raise ValidationError(
                "published", tr("已发布需要发布日期", "a published item needs its date")
            )
