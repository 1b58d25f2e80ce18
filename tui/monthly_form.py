"""What the monthly-check form asks for a platform, and the previous month shown beside it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tracker.config import Section as PlatformConfig
from tracker.i18n import tr
from tracker.records import MonthlyCheck
from tracker.records.platform_checks import (
    FIGURES,
    PROBLEM_KINDS,
    figures_for,
    kind_label,
    problem_label,
)
from tui.forms import FormField


def field_labels() -> dict[str, str]:
    """Every field's label, in the current language (form, history, detail view)."""
    return {
        "volume": tr("信息发布量", "Items published"),
        "followers": tr("关注人数", "Followers"),
        "clicks": tr("点击量", "Clicks / reads"),
        "last_update": tr("最近更新", "Last update seen"),
        "maintainer": tr("运维机构/责任人", "Maintained by"),
        "supervision": tr("监管情况", "Supervision"),
        "problems": tr("发现的问题", "Problems found"),
        "problem_note": tr("问题说明", "Problem notes"),
        "measure": tr("整改措施", "Rectification measure"),
        "measure_owner": tr("整改责任人", "Measure owner"),
        "measure_due": tr("整改期限", "Measure due"),
        "measure_closed": tr("整改完成日期", "Measure closed on"),
        "checker": tr("检查人", "Checked by"),
        "checked_on": tr("检查日期", "Checked on"),
        "platform": tr("平台", "Platform"),
        "month": tr("月份", "Month"),
    }


def figure_short_labels() -> dict[str, str]:
    """Column headings for the figures in tables."""
    return {
        "volume": tr("发布", "Items"),
        "followers": tr("关注", "Follow"),
        "clicks": tr("点击", "Clicks"),
    }


def form_fields(kind: str) -> list[FormField]:
    """Only the fields that apply to this kind of platform (a board has no followers)."""
    labels = field_labels()
    figures = [FormField(f, labels[f], "count") for f in FIGURES if f in figures_for(kind)]
    problems = [(code, problem_label(code)) for code in PROBLEM_KINDS]
    return [
        *figures,
        FormField("last_update", labels["last_update"], "date"),
        FormField("maintainer", labels["maintainer"]),
        FormField("supervision", labels["supervision"], "textarea"),
        FormField("problems", labels["problems"], "multi", problems),
        FormField("problem_note", labels["problem_note"], "textarea"),
        FormField("measure", labels["measure"], "textarea"),
        FormField("measure_owner", labels["measure_owner"]),
        FormField("measure_due", labels["measure_due"], "date"),
        FormField("measure_closed", labels["measure_closed"], "date"),
        FormField("checker", labels["checker"]),
        FormField("checked_on", labels["checked_on"], "date"),
    ]


def form_values(
    platform: PlatformConfig, check: MonthlyCheck | None, user: str, today: dt.date
) -> dict[str, Any]:
    """A saved check as it is, or a new one pre-filled with the owner, the user and today."""
    if check is not None:
        return check.to_doc()
    return {"maintainer": platform.owner, "checker": user, "checked_on": today.isoformat()}


def problems_text(check: MonthlyCheck) -> str:
    labels = [problem_label(p) for p in check.problems if p != "other"]
    if check.problem_note:
        labels.append(check.problem_note)
    return "、".join(labels)


def side_text(
    platform: PlatformConfig,
    previous: MonthlyCheck | None,
    previous_month: str,
    seen: dt.date | None = None,
) -> str:
    """Last month's figures and what the office knows about the platform, beside the form."""
    labels = field_labels()
    lines = [tr(f"上月 {previous_month}", f"Previous month {previous_month}")]
    if previous is None:
        lines.append(tr("  未录入", "  not recorded"))
    else:
        for f in figures_for(platform.kind):
            value = getattr(previous, f)
            lines.append(f"  {labels[f]}: {'-' if value is None else value}")
        lines.append(f"  {labels['last_update']}: {previous.last_update or '-'}")
        if previous.has_problem:
            lines.append(f"  {labels['problems']}: {problems_text(previous)}")
        if previous.measure:
            lines.append(f"  {labels['measure']}: {previous.measure}")
    lines.append("")
    lines.append(f"{tr('类型', 'Kind')}: {kind_label(platform.kind)}")
    if platform.owner:
        lines.append(f"{tr('负责', 'Owner')}: {platform.owner}")
    if platform.count and platform.count > 1:
        lines.append(f"{tr('数量', 'Count')}: {platform.count}")
    if seen:
        lines.append(tr(f"网站抓取到的最近更新: {seen}", f"Newest item the poller saw: {seen}"))
    if platform.note:
        lines.append(f"{tr('备注', 'Note')}: {platform.note}")
    return "\n".join(lines)
