"""依申请公开 and the annual report's hand-entered figures.

- ``Application``: one disclosure application with its statutory dates and its outcome in the
  national categories of the annual report's table 三 (stored as English codes).
- ``DisclosureCase``: an administrative review or lawsuit about disclosure (table 四).
- ``AnnualFigures``: per year, the numbers of table 二 and the channel counts that only a person
  knows (规范性文件, 行政许可, 收费, 采购…), entered once in a form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import ClassVar

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Record

APPLICANT_TYPES = ("natural_person", "business", "research", "nonprofit", "legal_service", "other")
"""自然人 / 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他."""

APPLICATION_CHANNELS = ("in_person", "letter", "online", "email", "fax", "other")
"""当面 / 信函 / 网络 / 电子邮件 / 传真 / 其他."""

OUTCOMES = (
    "granted",  # (一) 予以公开
    "partial",  # (二) 部分公开
    "withheld_state_secret",  # (三) 不予公开 1. 属于国家秘密
    "withheld_law",  # 2. 其他法律行政法规禁止公开
    "withheld_security",  # 3. 危及“三安全一稳定”
    "withheld_third_party",  # 4. 保护第三方合法权益
    "withheld_internal",  # 5. 属于三类内部事务信息
    "withheld_process",  # 6. 属于四类过程性信息
    "withheld_enforcement",  # 7. 属于行政执法案卷
    "withheld_inquiry",  # 8. 属于行政查询事项
    "unavailable_not_held",  # (四) 无法提供 1. 本机关不掌握相关政府信息
    "unavailable_needs_creation",  # 2. 没有现成信息需要另行制作
    "unavailable_unclear",  # 3. 补正后申请内容仍不明确
    "rejected_petition",  # (五) 不予处理 1. 信访举报投诉类申请
    "rejected_repeat",  # 2. 重复申请
    "rejected_publication",  # 3. 要求提供公开出版物
    "rejected_excessive",  # 4. 无正当理由大量反复申请
    "rejected_confirm",  # 5. 要求行政机关确认或重新出具已获取信息
    "other_no_correction",  # (六) 其他处理 1. 逾期不补正 (2021 format)
    "other_no_fee",  # 2. 逾期未缴纳费用 (2021 format)
    "other",  # 3. 其他
)
"""Outcomes in the national categories; "" = not answered yet (结转下年度 at year end)."""

CASE_KINDS = ("review", "lawsuit_direct", "lawsuit_after_review")
"""行政复议 / 行政诉讼 未经复议直接起诉 / 行政诉讼 复议后起诉."""
CASE_RESULTS = ("upheld", "corrected", "other")
"""结果维持 / 结果纠正 / 其他结果; "" = 尚未审结."""


@dataclass(kw_only=True)
class Application(Record):
    TABLE: ClassVar[str] = "applications"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {
        "applicant_type": APPLICANT_TYPES,
        "channel": ("", *APPLICATION_CHANNELS),
        "outcome": ("", *OUTCOMES),
    }

    received: dt.date
    number: str = ""
    applicant_type: str = "natural_person"
    channel: str = ""
    request: str = ""
    outcome: str = ""
    correction_requested: dt.date | None = None
    correction_received: dt.date | None = None
    extended: bool = False
    third_party_days: int = 0
    answered: dt.date | None = None
    note: str = ""

    def check(self) -> None:
        super().check()
        if not self.request.strip():
            raise ValidationError(
                "request", tr("申请内容不能为空", "the request (what was asked for) is required")
            )
        for name in ("correction_requested", "correction_received", "answered"):
            value = getattr(self, name)
            if value and value < self.received:
                raise ValidationError(
                    name,
                    tr("日期早于收到申请的日期", "date is before the application was received"),
                )
        if self.correction_received and not self.correction_requested:
            raise ValidationError(
                "correction_requested",
                tr("收到补正前需要先填写要求补正的日期", "enter when the correction was requested"),
            )
        if (
            self.correction_received
            and self.correction_requested
            and self.correction_received < self.correction_requested
        ):
            raise ValidationError(
                "correction_received",
                tr("收到补正早于要求补正", "correction received before it was requested"),
            )
        if self.answered and not self.outcome:
            raise ValidationError(
                "outcome",
                tr("已答复的申请需要填写办理结果", "an answered application needs its outcome"),
            )
        if self.outcome and not self.answered:
            raise ValidationError(
                "answered", tr("有办理结果时需要填写答复日期", "an outcome needs the answer date")
            )

    def pending_on(self, day: dt.date) -> bool:
        """Received by ``day`` and not yet answered at its end."""
        return self.received <= day and (self.answered is None or self.answered > day)


@dataclass(kw_only=True)
class DisclosureCase(Record):
    """行政复议 / 行政诉讼 about disclosure work: table 四 of the annual report."""

    TABLE: ClassVar[str] = "disclosure_cases"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {
        "kind": CASE_KINDS,
        "result": ("", *CASE_RESULTS),
    }

    kind: str
    filed: dt.date
    result: str = ""
    decided: dt.date | None = None
    subject: str = ""
    note: str = ""

    def check(self) -> None:
        super().check()
        if self.decided and self.decided < self.filed:
            raise ValidationError("decided", tr("审结日期早于立案日期", "decided before filed"))
        if self.result and not self.decided:
            raise ValidationError(
                "decided", tr("有结果时需要填写审结日期", "a result needs its date")
            )
        if self.decided and not self.result:
            raise ValidationError(
                "result", tr("审结需要填写结果", "a decided case needs its result")
            )


_CHANGE = re.compile(r"^[+-]?\d+$")
_BOARD = re.compile(r"^\s*(.+?)\s*[:：=]\s*(\d+)\s*$")


def parse_boards(entries: list[str]) -> dict[str, int]:
    """``["扶贫: 32", ...]`` → ``{"扶贫": 32}``; raises ValueError on a bad entry."""
    found: dict[str, int] = {}
    for entry in entries:
        m = _BOARD.match(entry)
        if not m:
            raise ValueError(entry)
        found[m.group(1)] = found.get(m.group(1), 0) + int(m.group(2))
    return found


@dataclass(kw_only=True)
class AnnualFigures(Record):
    """The annual report's numbers only a person knows, for one year (one record per year).

    Channel counts left empty are counted from the data (register, poll history, monthly checks).
    """

    TABLE: ClassVar[str] = "annual_figures"

    year: int
    # 2019 format, 第二十条第（一）项: 本年新制作 / 本年新公开 / 对外公开总数量
    regs_made: int = 0
    regs_published: int = 0
    regs_total: int = 0
    norms_made: int = 0
    norms_published: int = 0
    norms_total: int = 0
    # 2021 format, 第二十条第（一）项: 本年制发 / 本年废止 / 现行有效
    regs_issued: int = 0
    regs_repealed: int = 0
    regs_in_force: int = 0
    norms_issued: int = 0
    norms_repealed: int = 0
    norms_in_force: int = 0
    # 第二十条第（五）（六）项: 上一年项目数量 / 本年增减 / 处理决定数量
    permits_prev: int = 0
    permits_change: str = "0"
    permits_decisions: int = 0
    services_prev: int = 0
    services_change: str = "0"
    services_decisions: int = 0
    penalties_prev: int = 0
    penalties_change: str = "0"
    penalties_decisions: int = 0
    coercion_prev: int = 0
    coercion_change: str = "0"
    coercion_decisions: int = 0
    # 第二十条第（八）项 行政事业性收费 (2019: 项目数量; 2021: 金额 万元)
    fees_prev: int = 0
    fees_change: str = "0"
    fees_amount_wan: float = 0.0
    # 第二十条第（九）项 政府集中采购 (2019 format only)
    procurement_projects: int = 0
    procurement_amount: float = 0.0
    # 主动公开 channel counts entered by hand (empty = counted from the data)
    website_count: int | None = None
    weibo_count: int | None = None
    wechat_count: int | None = None
    boards: list[str] = field(default_factory=list)
    """公开栏/公开墙 by category, each ``类别: 次数`` (e.g. ``扶贫: 32``)."""
    published_carry_forward: list[int] = field(default_factory=list)
    """Table 三 row 四 (结转下年度) as this year's report published it: 7 numbers, or empty."""
    report_published: dt.date | None = None
    """The day this year's annual report was published (ends the annual-report deadline)."""
    overview: str = ""
    other_matters: str = ""

    CHANGE_FIELDS: ClassVar[tuple[str, ...]] = (
        "permits_change",
        "services_change",
        "penalties_change",
        "coercion_change",
        "fees_change",
    )

    def check(self) -> None:
        super().check()
        if not 1990 <= self.year <= 2200:
            raise ValidationError("year", tr("年份不正确", "not a plausible year"))
        for name in self.CHANGE_FIELDS:
            value = getattr(self, name).replace(" ", "") or "0"
            if not _CHANGE.match(value):
                raise ValidationError(
                    name,
                    tr(
                        f"{value!r} 不是整数 (可以为负, 例如 -2)",
                        f"{value!r} is not a whole number (may be negative, e.g. -2)",
                    ),
                )
            setattr(self, name, value)
        try:
            parse_boards(self.boards)
        except ValueError as e:
            raise ValidationError(
                "boards",
                tr(
                    f"{e.args[0]!r} 应写成 类别: 次数 (例如 扶贫: 32)",
                    f"{e.args[0]!r} must be written category: count (e.g. 扶贫: 32)",
                ),
            ) from None
        if self.published_carry_forward and len(self.published_carry_forward) != 7:
            raise ValidationError(
                "published_carry_forward",
                tr(
                    "应为 7 个数 (自然人, 五类法人或其他组织, 总计), 或留空",
                    "needs 7 numbers (natural persons, the five organisation columns, total), or none",
                ),
            )

    @property
    def board_counts(self) -> dict[str, int]:
        return parse_boards(self.boards)
