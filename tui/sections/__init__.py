"""The sections of the left navigation, in order. Each module owns one section."""

from tui.sections.actions import ActionsSection
from tui.sections.base import Section
from tui.sections.dashboard import DashboardSection
from tui.sections.export import ExportSection
from tui.sections.monthly import MonthlySection
from tui.sections.reminders import RemindersSection
from tui.sections.study import StudySection
from tui.sections.timeliness import TimelinessSection
from tui.sections.website import WebsiteSection

SECTIONS: tuple[type[Section], ...] = (
    DashboardSection,
    MonthlySection,
    ActionsSection,
    TimelinessSection,
    StudySection,
    WebsiteSection,
    RemindersSection,
    ExportSection,
)
