"""Every record type the product stores, validated on the way in."""

from tracker.records.actions import Action
from tracker.records.applications import AnnualFigures, Application, DisclosureCase
from tracker.records.base import Record
from tracker.records.platform_checks import MonthlyCheck
from tracker.records.publications import PublicationItem
from tracker.records.reminders import ReminderLog
from tracker.records.study import Assessment, StudySession

RECORD_TYPES: tuple[type[Record], ...] = (
    MonthlyCheck,
    Action,
    StudySession,
    Assessment,
    PublicationItem,
    Application,
    DisclosureCase,
    AnnualFigures,
    ReminderLog,
)

__all__ = [
    "RECORD_TYPES",
    "Action",
    "AnnualFigures",
    "Application",
    "Assessment",
    "DisclosureCase",
    "MonthlyCheck",
    "PublicationItem",
    "Record",
    "ReminderLog",
    "StudySession",
]
