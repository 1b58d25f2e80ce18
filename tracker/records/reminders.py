"""The reminder log: each (item, threshold) sent once, and what a person did with it.

``key`` is the deadline's ``subject:id``; ``threshold`` is "7", "3", "1" (working days before
the due date), "overdue:YYYY-MM-DD" (one per working day while overdue), or "snooze" for a
snooze set on an item that had not been reminded yet. A snoozed item is not reminded before
``snooze_until``; acknowledged and snoozed entries stay in the log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Record

REMINDER_STATES = ("sent", "acknowledged", "snoozed")
"""已发送 / 已确认 / 已推迟."""


@dataclass(kw_only=True)
class ReminderLog(Record):
    TABLE: ClassVar[str] = "reminders"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"state": REMINDER_STATES}

    key: str
    threshold: str
    sent_at: dt.datetime
    subject: str = ""
    item_id: str = ""
    title: str = ""
    due: dt.date | None = None
    kind: str = ""
    channels: list[str] = field(default_factory=list)
    """Channels that accepted the message."""
    failed: list[str] = field(default_factory=list)
    """Channels that still failed after retries (see the sweep's outcome for why)."""
    state: str = "sent"
    snooze_until: dt.date | None = None
    acknowledged_at: dt.datetime | None = None

    def check(self) -> None:
        super().check()
        if not self.key:
            raise ValidationError("key", tr("缺少提醒对象", "the reminded item is missing"))
        if not self.threshold:
            raise ValidationError("threshold", tr("缺少提醒档位", "the threshold is missing"))
        if self.state == "snoozed" and self.snooze_until is None:
            raise ValidationError(
                "snooze_until", tr("推迟提醒需要一个日期", "snoozing needs a date")
            )
