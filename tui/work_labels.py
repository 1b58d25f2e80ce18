"""Words for the codes of actions, publication items and study, in the current language.

The store keeps English codes; people see these.
"""

from __future__ import annotations

from tracker.i18n import tr
from tracker.records.actions import ACTION_CATEGORY_LABELS
from tracker.records.publications import ITEM_CATEGORIES

CATEGORY_EN = {
    "land_compensation": "land compensation",
    "relocation": "relocation",
    "housing": "affordable housing",
    "dangerous_housing": "rural dangerous houses",
    "poverty_relief": "poverty & disaster relief",
    "municipal": "municipal services",
    "public_resources": "public resource trading",
    "education": "compulsory education",
    "social_assistance": "social assistance",
    "budget": "budgets & accounts",
    "projects": "projects",
    "village": "village affairs",
    "annual_report": "annual report",
    "other": "other",
}


def action_status(code: str) -> str:
    return {
        "not_started": tr("未开始", "not started"),
        "in_progress": tr("进行中", "in progress"),
        "done": tr("已完成", "done"),
        "verified": tr("已核实", "verified"),
        "cancelled": tr("已取消", "cancelled"),
    }.get(code, code)


def action_category(code: str) -> str:
    zh, en = ACTION_CATEGORY_LABELS.get(code, (code, code))
    return tr(zh, en)


def action_source(code: str) -> str:
    return {
        "report": tr("年度报告问题", "annual report problem"),
        "monthly_check": tr("月度清查发现", "monthly check finding"),
        "supervisor": tr("上级通知", "supervisor's notice"),
        "other": tr("其他", "other"),
    }.get(code, code)


def recurrence(code: str) -> str:
    return {
        "none": tr("不重复", "once"),
        "": tr("不重复", "once"),
        "monthly": tr("每月", "monthly"),
        "quarterly": tr("每季度", "quarterly"),
        "yearly": tr("每年", "yearly"),
    }.get(code, code)


def item_status(code: str) -> str:
    return {
        "pending": tr("待审核", "to review"),
        "reviewed": tr("已审核", "reviewed"),
        "published": tr("已发布", "published"),
        "withdrawn": tr("已撤回", "withdrawn"),
    }.get(code, code)


def item_category(code: str) -> str:
    return tr(ITEM_CATEGORIES.get(code, code), CATEGORY_EN.get(code, code))


def nobody() -> str:
    return tr("(未指定)", "(not set)")
