"""Every record type the product stores, validated on the way in.

The record modules load on first use (PEP 562), so opening the store to paint the dashboard
does not build every record class first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.records.actions import Action
    from tracker.records.applications import AnnualFigures, Application, DisclosureCase
    from tracker.records.base import Record
    from tracker.records.platform_checks import MonthlyCheck
    from tracker.records.publications import PublicationItem
    from tracker.records.reminders import ReminderLog
    from tracker.records.study import Assessment, StudySession

    RECORD_TYPES: tuple[type[Record], ...]

_MODULE_OF = {
    "MonthlyCheck": "platform_checks",
    "Action": "actions",
    "StudySession": "study",
    "Assessment": "study",
    "PublicationItem": "publications",
    "Application": "applications",
    "DisclosureCase": "applications",
    "AnnualFigures": "applications",
    "ReminderLog": "reminders",
    "Record": "base",
}
_STORED = (
    "MonthlyCheck",
    "Action",
    "StudySession",
    "Assessment",
    "PublicationItem",
    "Application",
    "DisclosureCase",
    "AnnualFigures",
    "ReminderLog",
)


def __getattr__(name: str) -> Any:
    if name == "RECORD_TYPES":
        return tuple(__getattr__(n) for n in _STORED)
    if name in _MODULE_OF:
        module = importlib.import_module(f"tracker.records.{_MODULE_OF[name]}")
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tracker.records' has no attribute {name!r}")


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
