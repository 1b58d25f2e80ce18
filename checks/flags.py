"""One shape for every "look at this": a flag, with the rule that raised it."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

KINDS = ("veto", "overdue", "due_soon", "warning", "info")
"""Most serious first: 单项否决, 逾期, 即将到期, 提醒, 信息."""


@dataclass(frozen=True)
class Rule:
    """A rule's short name and where it comes from (shown with every flag and figure)."""

    name: str
    source: str

    def __str__(self) -> str:
        return f"{self.name} ({self.source})"


@dataclass(frozen=True)
class Flag:
    kind: str
    subject: str
    id: str
    title: str
    rule: Rule
    due: dt.date | None = None
    days_overdue: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown flag kind {self.kind!r}")

    @property
    def rank(self) -> tuple[int, int, str]:
        """Sort key: kind, then most overdue / soonest due first."""
        lateness = -(self.days_overdue or 0)
        due = self.due.toordinal() if self.due else 10**7
        return (KINDS.index(self.kind), lateness if self.days_overdue else due, self.title)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["due"] = self.due.isoformat() if self.due else None
        data["rule"] = str(self.rule)
        return data


def sort_flags(flags: list[Flag]) -> list[Flag]:
    return sorted(flags, key=lambda f: f.rank)


@dataclass(frozen=True)
class Deadline:
    """Something open that is due on a day: rules turn it into overdue/due-soon flags, and
    reminders into messages at their thresholds. One source of truth for both."""

    subject: str
    id: str
    title: str
    due: dt.date
    rule: Rule
    owner: str = ""

    @property
    def key(self) -> str:
        """Stable identity for the reminder log: ``subject:id``."""
        return f"{self.subject}:{self.id}"

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "id": self.id,
            "title": self.title,
            "due": self.due.isoformat(),
            "rule": str(self.rule),
            "owner": self.owner,
        }
