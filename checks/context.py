"""What every rule gets: the records as they are, the settings, the calendar and today.

Rules are pure functions of a RuleContext, so a test builds one for any date without a store.
"""

from __future__ import annotations

import dataclasses
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
from tracker.records.web import WebItem, all_states, open_web_store, web_store_path
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
    """Items the poller saw, once each: source, url, title, date ("YYYY-MM-DD" or None),
    first_seen (ISO datetime), baseline (seen on the column's first poll) and detail fields."""
    web_states: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per source id: the poller's state (consecutive_failures, failing_since, last_ok,
    last_good = {"at", "pages", "items"}, ...), see tracker.records.web.SourceState."""
    polls: list[dict[str, Any]] = field(default_factory=list)
    """Poll results of the recent past (availability and update-gap rules)."""
    tracking_since: dt.date | None = None
    """The day the data file was started: records due before it were never asked of gongkai."""
    cases: list[DisclosureCase] = field(default_factory=list)
    annual_figures: list[AnnualFigures] = field(default_factory=list)


POLL_WINDOW_DAYS = 31


def _on_or_before(value: Any, day: dt.date) -> bool:
    """Whether a stored date or date-time (ISO text or object) is not after ``day``; unknown → yes."""
    if value is None or value == "":
        return True
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return text[:10] <= day.isoformat()


def snapshot_as_of(snap: Snapshot, day: dt.date) -> Snapshot:
    """The records as they could have stood on ``day``: what was recorded later is left out.

    Used to judge a past day (the year-end summary's month-end evaluations), so a check made in
    October does not make January look like a veto. Records without a date are kept.
    """
    month = f"{day:%Y-%m}"
    return dataclasses.replace(
        snap,
        checks=[
            c for c in snap.checks if (c.checked_on <= day if c.checked_on else c.month < month)
        ],
        actions=[a for a in snap.actions if _on_or_before(a.created_on, day)],
        study_sessions=[s for s in snap.study_sessions if s.date <= day],
        items=[i for i in snap.items if i.formed <= day],
        applications=[a for a in snap.applications if a.received <= day],
        reminders=[r for r in snap.reminders if _on_or_before(r.sent_at, day)],
        web_items=[w for w in snap.web_items if _on_or_before(w.get("first_seen"), day)],
    )


def load_snapshot(ws: Workspace, today: dt.date) -> Snapshot:
    """Read every table the rules use; poll history only for the recent window."""
    store = ws.store
    web_items: list[dict[str, Any]] = []
    web_states: dict[str, dict[str, Any]] = {}
    if web_store_path(store.path).exists():  # the poller's own file, written by polls only
        web = open_web_store(store)
        web_items = list(web.raw(WebItem.TABLE).values())
        web_states = {k: v.to_doc() for k, v in all_states(web).items()}
    return Snapshot(
        checks=store.all(MonthlyCheck),
        actions=store.all(Action),
        study_sessions=store.all(StudySession),
        assessments=store.all(Assessment),
        items=store.all(PublicationItem),
        applications=store.all(Application),
        reminders=store.all(ReminderLog),
        web_items=web_items,
        web_states=web_states,
        cases=store.all(DisclosureCase),
        annual_figures=store.all(AnnualFigures),
        polls=list(ws.polls.read(since=today - dt.timedelta(days=POLL_WINDOW_DAYS), until=today)),
        tracking_since=store.created,
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
