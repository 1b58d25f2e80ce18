"""The reminder log: each (item, threshold) sent once, and what a person did with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from tracker.records.base import Record

REMINDER_STATES = ("sent", "acknowledged", "snoozed")


@dataclass(kw_only=True)
class ReminderLog(Record):
    TABLE: ClassVar[str] = "reminders"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"state": REMINDER_STATES}

    key: str
    threshold: str
    sent_at: dt.datetime
    subject: str = ""
    title: str = ""
    due: dt.date | None = None
    channels: list[str] = field(default_factory=list)
    state: str = "sent"
    snooze_until: dt.date | None = None
