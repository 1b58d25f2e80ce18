"""What every rule gets: the records as they are, the settings, the calendar and today.

Rules are pure functions of a RuleContext, so a test builds one for any date without a store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from checks.flags import Deadline, Flag
from tracker.config import Config
from tracker.records import (
    Action,
    AnnualFigures,
    Application,
    Assessment,
    DisclosureCase,
    MonthlyCheck,
    PublicationItem,
    ReminderLog,
    StudySession,
)
from tracker.workdays import WorkCalendar
from tracker.workspace import Workspace


@dataclass(frozen=True)
class Snapshot:
    """The records rules look at, read once per evaluation."""

    checks: list[MonthlyCheck] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    study_sessions: list[StudySession] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    items: list[PublicationItem] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    reminders: list[ReminderLog] = field(default_factory=list)
    web_items: list[dict[str, Any]] = field(default_factory=list)
    polls: list[dict[str, Any]] = field(default_factory=list)
    """Poll results of the recent past (availability and update-gap rules)."""
    cases: list[DisclosureCase] = field(default_factory=list)
    annual_figures: list[AnnualFigures] = field(default_factory=list)


POLL_WINDOW_DAYS = 31


def load_snapshot(ws: Workspace, today: dt.date) -> Snapshot:
    """Read every table the rules use; poll history only for the recent window."""
    store = ws.store
    return Snapshot(
        checks=store.all(MonthlyCheck),
        actions=store.all(Action),
        study_sessions=store.all(StudySession),
        assessments=store.all(Assessment),
        items=store.all(PublicationItem),
        applications=store.all(Application),
        reminders=store.all(ReminderLog),
        web_items=list(store.raw("web_items").values()),
        cases=store.all(DisclosureCase),
        annual_figures=store.all(AnnualFigures),
        polls=list(ws.polls.read(since=today - dt.timedelta(days=POLL_WINDOW_DAYS), until=today)),
    )


@dataclass(frozen=True)
class RuleContext:
    today: dt.date
    config: Config
    calendar: WorkCalendar
    records: Snapshot

    @property
    def rules(self) -> Any:
        """The ``[rules]`` settings (every number a rule uses)."""
        return self.config.rules


RuleFn = Callable[[RuleContext], list[Flag]]
DeadlineFn = Callable[[RuleContext], list[Deadline]]
