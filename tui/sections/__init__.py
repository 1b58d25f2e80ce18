"""The sections of the left navigation, in order. Each module owns one section.

Sections are imported and mounted on first visit, so the dashboard paints without paying for
the forms and tables of every other section.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from tracker.i18n import tr
from tui.sections.base import Section


@dataclass(frozen=True)
class SectionInfo:
    id: str
    zh: str
    en: str
    module: str
    cls: str

    @property
    def title(self) -> str:
        return tr(self.zh, self.en)

    def load(self) -> type[Section]:
        section = getattr(importlib.import_module(f"tui.sections.{self.module}"), self.cls)
        assert issubclass(section, Section) and self.id == section.SECTION_ID
        return section


SECTIONS: tuple[SectionInfo, ...] = (
    SectionInfo("today", "今日", "Today", "dashboard", "DashboardSection"),
    SectionInfo("monthly", "月度清查", "Monthly checks", "monthly", "MonthlySection"),
    SectionInfo("actions", "整改事项", "Actions", "actions", "ActionsSection"),
    SectionInfo("timeliness", "公开时效", "Timeliness", "timeliness", "TimelinessSection"),
    SectionInfo("study", "学习与考核", "Study & assessment", "study", "StudySection"),
    SectionInfo("website", "网站监测", "Website", "website", "WebsiteSection"),
    SectionInfo("reminders", "提醒", "Reminders", "reminders", "RemindersSection"),
    SectionInfo("export", "导出", "Export", "export", "ExportSection"),
)


def section_info(section_id: str) -> SectionInfo:
    return next(s for s in SECTIONS if s.id == section_id)
