"""月度清查: one platform's check for one month (the seed report, section 三).

Besides the record, this module says which figures a platform kind has (a board has no
followers) and names the problem kinds, so the form, the import and the rules agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Month, Record, parse_month

PROBLEM_KINDS = ("not_timely", "incomplete", "not_rich", "other")
"""不及时 / 不全面 / 不丰富 / other (free text in ``problem_note``)."""

PROBLEM_LABELS: dict[str, tuple[str, str]] = {
    "not_timely": ("不及时", "not timely"),
    "incomplete": ("不全面", "incomplete"),
    "not_rich": ("不丰富", "not rich"),
    "other": ("其他", "other"),
}

PLATFORM_KIND_LABELS: dict[str, tuple[str, str]] = {
    "website": ("网站", "website"),
    "wechat": ("微信", "WeChat"),
    "weibo": ("微博", "Weibo"),
    "village_platform": ("村廉通", "village"),
    "board": ("公开栏", "board"),
    "reading_point": ("查阅点", "reading"),
    "qq": ("QQ群", "QQ"),
    "other": ("其他", "other"),
}

FIGURES = ("volume", "followers", "clicks")
"""The monthly figures: 信息发布量, 关注人数, 点击量."""

_FIGURES_BY_KIND: dict[str, tuple[str, ...]] = {
    "website": ("volume", "clicks"),
    "board": ("volume",),
    "reading_point": ("volume",),
}

NEW_MEDIA_KINDS = ("wechat", "weibo", "qq", "other")
"""Government new-media accounts (国办发〔2018〕123号); the 14-day update rule applies."""


def figures_for(kind: str) -> tuple[str, ...]:
    """The figures a platform of this kind has; the others are not asked (a board has no followers)."""
    return _FIGURES_BY_KIND.get(kind, FIGURES)


def problem_label(code: str) -> str:
    zh, en = PROBLEM_LABELS.get(code, (code, code))
    return tr(zh, en)


def kind_label(kind: str) -> str:
    zh, en = PLATFORM_KIND_LABELS.get(kind, (kind, kind))
    return tr(zh, en)


def shift_month(month: str, months: int) -> str:
    """``YYYY-MM`` moved by ``months`` (negative: earlier)."""
    year, mon = (int(p) for p in parse_month(month, "month").split("-"))
    index = year * 12 + (mon - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def previous_month(day: dt.date) -> str:
    """The month a check made on ``day`` is normally about (last month)."""
    return shift_month(month_of(day), -1)


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
        if self.checked_on and self.checked_on < dt.date.fromisoformat(self.month + "-01"):
            raise ValidationError(
                "checked_on",
                tr(
                    f"检查日期早于所查月份 {self.month}",
                    f"the check date is before the month checked ({self.month})",
                ),
            )
        if self.measure_due and self.checked_on and self.measure_due < self.checked_on:
            raise ValidationError(
                "measure_due",
                tr("整改期限早于检查日期", "the measure is due before the check date"),
            )

    @property
    def has_problem(self) -> bool:
        return bool(self.problems or self.problem_note)

    @property
    def measure_open(self) -> bool:
        """A rectification measure with a due date that is not closed yet."""
        return self.measure_due is not None and self.measure_closed is None
