"""What a reminder message says, built once and rendered for each kind of channel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from checks.reminders import Reminder
from tracker.i18n import tr


@dataclass(frozen=True)
class Message:
    office: str
    date: dt.date
    reminders: Sequence[Reminder]

    @property
    def subject(self) -> str:
        return tr(
            f"{self.office} 政务公开提醒 {self.date.isoformat()} ({len(self.reminders)} 项)",
            f"{self.office} disclosure reminders {self.date.isoformat()} ({len(self.reminders)})",
        )

    def text(self) -> str:
        """Plain text: a subject line and one numbered line per reminder."""
        lines = [self.subject]
        lines += [f"{n}. {r.describe()}" for n, r in enumerate(self.reminders, 1)]
        return "\n".join(lines)

    def payload(self) -> dict[str, Any]:
        """The generic webhook body (DESIGN.md): ``{"office","date","reminders":[…]}``."""
        return {
            "office": self.office,
            "date": self.date.isoformat(),
            "reminders": [r.to_json() for r in self.reminders],
        }
