"""Words for codes, in the current language (flag kinds, statuses, categories)."""

from __future__ import annotations

from tracker.i18n import tr


def kind_label(kind: str) -> str:
    return {
        "veto": tr("单项否决", "veto"),
        "overdue": tr("逾期", "overdue"),
        "due_soon": tr("即将到期", "due soon"),
        "warning": tr("提醒", "warning"),
        "info": tr("信息", "info"),
    }.get(kind, kind)
