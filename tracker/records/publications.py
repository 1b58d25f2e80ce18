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
OPEN_ITEM_STATUSES = ("pending", "reviewed")

ITEM_CATEGORIES: dict[str, str] = {
    "land_compensation": "征地补偿",
    "relocation": "拆迁安置",
    "housing": "保障性住房",
    "dangerous_housing": "农村危房改造",
    "poverty_relief": "扶贫救灾",
    "municipal": "市政服务",
    "public_resources": "公共资源交易",
    "education": "义务教育",
    "social_assistance": "社会救助",
    "budget": "财政预决算",
    "projects": "项目建设",
    "village": "村务",
    "annual_report": "年度报告",
    "other": "其他",
}
"""Stored code → Chinese name. The first eight are the key areas the 2019 report promises to
standardise; the rest are what the office publishes most (DESIGN.md)."""

_CATEGORY_WORDS = (
    (("低保", "特困", "临时救助", "高龄", "救助"), "social_assistance"),
    (("财务", "收支", "村务"), "village"),
    (("预算", "决算"), "budget"),
    (("年度报告", "年报"), "annual_report"),
)


def category_code(text: str) -> str | None:
    """The stored code for a category given as a code, its Chinese name or a telling word.

    config.toml and people write 社会救助 or 低保; the store keeps ``social_assistance``.
    None when nothing fits (the caller decides between refusing and "other").
    """
    text = (text or "").strip()
    if not text:
        return "other"
    if text in ITEM_CATEGORIES:
        return text
    for code, name in ITEM_CATEGORIES.items():
        if text == name:
            return code
    for words, code in _CATEGORY_WORDS:
        if any(word in text for word in words):
            return code
    return None


@dataclass(kw_only=True)
class PublicationItem(Record):
    """One piece of information to publish.

    ``due`` is set for recurring items (config ``[[publications]]``): their deadline is a day of
    the calendar, not a count of working days, and their ``formed`` date is notional (see
    checks/recurring.py), so for them publishing before ``formed`` is allowed.
    """

    TABLE: ClassVar[str] = "publication_items"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"status": ITEM_STATUSES}
    # ``category`` is one of ITEM_CATEGORIES when people choose it; text another tool wrote
    # (an import, the poller) is kept as written rather than refused, so no record is lost.

    title: str
    formed: dt.date
    category: str = "other"
    unit: str = ""
    liaison: str = ""
    workdays: int | None = None
    due: dt.date | None = None
    status: str = "pending"
    reviewed: dt.date | None = None
    published: dt.date | None = None
    channels: list[str] = field(default_factory=list)
    url: str = ""
    rule: str = ""
    period: str = ""
    note: str = ""

    def check(self) -> None:
        # A Chinese name (社会救助) is accepted and stored as its code (social_assistance).
        self.category = category_code(self.category) or self.category.strip()
        super().check()
        if not self.title:
            raise ValidationError("title", tr("标题不能为空", "title must not be empty"))
        if self.published and self.published < self.formed and self.due is None:
            raise ValidationError(
                "published", tr("发布日期早于形成日期", "published before it was formed")
            )
        if self.reviewed and self.reviewed < self.formed and self.due is None:
            raise ValidationError(
                "reviewed", tr("审核日期早于形成日期", "reviewed before it was formed")
            )
        if self.status == "published" and not self.published:
            raise ValidationError(
                "published", tr("已发布需要发布日期", "a published item needs its date")
            )

    @property
    def is_open(self) -> bool:
        """Still to be published (not published, not withdrawn)."""
        return self.status in OPEN_ITEM_STATUSES
