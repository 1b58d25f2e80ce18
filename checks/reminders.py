"""Reminder policy: which deadline is reminded on which day, each (item, threshold) once.

Every open thing with a due date comes from ``checks.rules.deadlines`` (monthly checks, study,
annual report, actions, publication items…), so there is one source of truth for flags and
reminders. An item is reminded at ``[schedule] reminder_thresholds`` working days before its
due date (7, 3, 1 by default, Chinese working days) and then once per working day while
overdue. On any day only the most recent threshold already reached counts: after the PC was off
for a few days, the next sweep sends that one once, not every threshold missed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from checks.context import RuleContext
from checks.flags import Deadline
from checks.rules import deadlines
from tracker.i18n import tr
from tracker.records import ReminderLog
from tracker.store import Store
from tracker.workdays import WorkCalendar

ONE_DAY = dt.timedelta(days=1)
OVERDUE = "overdue"
SNOOZE_MARK = "snooze"
UPCOMING_DAYS = 14


@dataclass(frozen=True)
class Reminder:
    """One reminder to send: a deadline at one threshold."""

    deadline: Deadline
    threshold: str
    """"7", "3", "1" … or "overdue:YYYY-MM-DD" ("overdue" when not daily)."""
    kind: str
    """"due_soon" or "overdue"."""
    workdays_left: int
    """Working days from today to the due date (negative once overdue)."""

    @property
    def key(self) -> str:
        return self.deadline.key

    @property
    def days_overdue(self) -> int:
        return max(0, -self.workdays_left)

    def to_json(self) -> dict[str, Any]:
        """The shape of ``gongkai remind --json`` and of the webhook payload."""
        threshold: int | str = OVERDUE if self.kind == OVERDUE else int(self.threshold)
        return {
            "id": self.deadline.id,
            "subject": self.deadline.subject,
            "title": self.deadline.title,
            "due": self.deadline.due.isoformat(),
            "threshold": threshold,
            "kind": self.kind,
        }

    def describe(self) -> str:
        """One line for a message: what, when due, how late or how soon."""
        due = self.deadline.due.isoformat()
        if self.kind == OVERDUE:
            when = tr(
                f"已逾期 (截止 {due}, 逾期 {self.days_overdue} 个工作日)",
                f"overdue (due {due}, {self.days_overdue} working day(s) late)",
            )
        elif self.workdays_left <= 0:
            when = tr(f"今天到期 ({due})", f"due today ({due})")
        else:
            when = tr(
                f"还剩 {self.workdays_left} 个工作日 (截止 {due})",
                f"{self.workdays_left} working day(s) left (due {due})",
            )
        owner = tr(f", 责任人 {self.deadline.owner}", f", owner {self.deadline.owner}")
        return f"{self.deadline.title}: {when}{owner if self.deadline.owner else ''}"


def _settings(ctx: RuleContext) -> tuple[list[int], bool]:
    schedule = ctx.config.schedule
    return [int(t) for t in schedule.reminder_thresholds], bool(schedule.remind_overdue_daily)


def threshold_day(calendar: WorkCalendar, due: dt.date, workdays: int) -> dt.date:
    """The day of a threshold: the ``workdays``-th working day before the due date."""
    return calendar.add_workdays(due, -workdays).date


def current_threshold(
    deadline: Deadline,
    today: dt.date,
    calendar: WorkCalendar,
    thresholds: Sequence[int],
    overdue_daily: bool = True,
) -> tuple[str, str] | None:
    """(threshold id, kind) of the most recent threshold reached by ``today``, or None."""
    due = deadline.due
    if today > due:
        day = today
        while day > due and not calendar.is_workday(day):
            day -= ONE_DAY
        if day > due:
            return (f"{OVERDUE}:{day.isoformat()}" if overdue_daily else OVERDUE), OVERDUE
    for workdays in sorted(set(thresholds)):  # fewest days before due = the latest threshold
        if threshold_day(calendar, due, workdays) <= today:
            return str(workdays), "due_soon"
    return None


def snoozed_until(log: Iterable[ReminderLog], today: dt.date) -> dict[str, dt.date]:
    """Items snoozed past today, with the day their reminders resume."""
    out: dict[str, dt.date] = {}
    for entry in log:
        if entry.state == "snoozed" and entry.snooze_until and entry.snooze_until > today:
            out[entry.key] = max(entry.snooze_until, out.get(entry.key, entry.snooze_until))
    return out


def reminder_for(ctx: RuleContext, deadline: Deadline) -> Reminder | None:
    """The reminder this deadline calls for today, whether or not it was sent."""
    thresholds, overdue_daily = _settings(ctx)
    found = current_threshold(deadline, ctx.today, ctx.calendar, thresholds, overdue_daily)
    if found is None:
        return None
    threshold, kind = found
    left = ctx.calendar.workdays_between(ctx.today, deadline.due)
    return Reminder(deadline, threshold, kind, left)


def due_reminders(ctx: RuleContext, items: Sequence[Deadline] | None = None) -> list[Reminder]:
    """Reminders to send today: the current threshold of each item, unless already sent or
    snoozed. Overdue first, then soonest due."""
    log = ctx.records.reminders
    sent = {(entry.key, entry.threshold) for entry in log}
    snoozed = snoozed_until(log, ctx.today)
    out = []
    for deadline in deadlines(ctx) if items is None else items:
        if deadline.key in snoozed:
            continue
        reminder = reminder_for(ctx, deadline)
        if reminder is not None and (reminder.key, reminder.threshold) not in sent:
            out.append(reminder)
    return sorted(out, key=lambda r: (r.kind != OVERDUE, r.deadline.due, r.deadline.title))


def upcoming(ctx: RuleContext, days: int = UPCOMING_DAYS) -> list[Deadline]:
    """Open items due from tomorrow up to ``days`` days ahead, soonest first."""
    last = ctx.today + dt.timedelta(days=days)
    return [d for d in deadlines(ctx) if ctx.today < d.due <= last]


def due_today(ctx: RuleContext) -> list[Deadline]:
    """Open items due today or already overdue."""
    return [d for d in deadlines(ctx) if d.due <= ctx.today]


def next_reminder_day(ctx: RuleContext, deadline: Deadline) -> dt.date | None:
    """The next day after today on which this item will be reminded (for the screen)."""
    thresholds, overdue_daily = _settings(ctx)
    days = [threshold_day(ctx.calendar, deadline.due, t) for t in thresholds]
    later = [d for d in days if d > ctx.today]
    if later:
        return min(later)
    if not overdue_daily:
        return None
    day = max(ctx.today, deadline.due) + ONE_DAY
    for _ in range(40):
        if ctx.calendar.is_workday(day):
            return day
        day += ONE_DAY
    return None


# ---------------------------------------------------------------- the log


def claim(store: Store, reminders: Sequence[Reminder], at: dt.datetime) -> list[ReminderLog]:
    """Record reminders as sent before sending them, under the store's lock.

    Whatever another process (the daemon, ``gongkai remind --send``) recorded first is left
    out, so two senders never send the same (item, threshold) twice.
    """
    claimed: list[ReminderLog] = []
    with store.transaction():
        taken = {(e.key, e.threshold) for e in store.all(ReminderLog)}
        for reminder in reminders:
            if (reminder.key, reminder.threshold) in taken:
                continue
            entry = ReminderLog(
                key=reminder.key,
                threshold=reminder.threshold,
                sent_at=at,
                subject=reminder.deadline.subject,
                item_id=reminder.deadline.id,
                title=reminder.deadline.title,
                due=reminder.deadline.due,
                kind=reminder.kind,
            )
            claimed.append(store.insert(entry))
            taken.add((reminder.key, reminder.threshold))
    return claimed


def record_delivery(
    store: Store, entries: Sequence[ReminderLog], delivered: list[str], failed: list[str]
) -> None:
    """Note which channels took the message and which failed, on every entry of one send.

    When every channel failed, the entries are taken back out of the log, so the next sweep
    tries again instead of counting them as sent.
    """
    if not delivered and not failed:
        return
    with store.transaction():
        for entry in entries:
            if failed and not delivered and entry.id is not None:
                store.delete(ReminderLog, entry.id)
            else:
                store.update(entry.replace(channels=delivered, failed=failed))


def acknowledge(store: Store, entry_id: int, at: dt.datetime) -> ReminderLog | None:
    """Mark a sent reminder as seen; it stays in the log."""
    entry = store.get(ReminderLog, entry_id)
    if entry is None:
        return None
    return store.update(entry.replace(state="acknowledged", acknowledged_at=at, snooze_until=None))


def snooze(
    store: Store,
    key: str,
    until: dt.date,
    at: dt.datetime,
    *,
    threshold: str = "",
    deadline: Deadline | None = None,
) -> ReminderLog | None:
    """No reminders for item ``key`` before ``until``. Marks its log entry for ``threshold``
    (else its latest), or adds a "snooze" entry when the item was never reminded (that needs
    ``deadline``). Returns None when there is nothing to snooze."""
    with store.transaction():
        entries = sorted(store.find(ReminderLog, key=key), key=lambda e: e.sent_at)
        chosen = [e for e in entries if e.threshold == threshold] if threshold else []
        target = chosen[-1] if chosen else (entries[-1] if entries else None)
        if target is not None:
            return store.update(target.replace(state="snoozed", snooze_until=until))
        if deadline is None:
            return None
        return store.insert(
            ReminderLog(
                key=key,
                threshold=SNOOZE_MARK,
                sent_at=at,
                subject=deadline.subject,
                item_id=deadline.id,
                title=deadline.title,
                due=deadline.due,
                state="snoozed",
                snooze_until=until,
            )
        )


def threshold_label(threshold: str) -> str:
    """A threshold id, short, for a table cell: 提前3日 / 逾期 / 推迟."""
    if threshold == SNOOZE_MARK:
        return tr("推迟", "snoozed")
    if threshold.startswith(OVERDUE):
        return tr("逾期", "overdue")
    return tr(f"提前{threshold}日", f"{threshold} wd before")


# ---------------------------------------------------------------- what the screen lists


@dataclass(frozen=True)
class Overview:
    """The reminders screen's lists for one day."""

    today: dt.date
    due_now: list[tuple[Deadline, Reminder | None]]
    """Due today or overdue, with today's reminder (None when nothing is due to be sent)."""
    upcoming: list[tuple[Deadline, dt.date | None]]
    """Due in the next 14 days, with the day of the next reminder."""
    sent: list[ReminderLog]
    """Sent and acknowledged, newest first."""
    snoozed: list[ReminderLog]


def overview(ctx: RuleContext, sent_limit: int = 100) -> Overview:
    items = deadlines(ctx)
    log = ctx.records.reminders
    snoozed = snoozed_until(log, ctx.today)
    due_now = [
        (d, None if d.key in snoozed else reminder_for(ctx, d)) for d in items if d.due <= ctx.today
    ]
    last = ctx.today + dt.timedelta(days=UPCOMING_DAYS)
    soon = [(d, next_reminder_day(ctx, d)) for d in items if ctx.today < d.due <= last]
    sent = sorted(
        (e for e in log if e.state in ("sent", "acknowledged")),
        key=lambda e: e.sent_at,
        reverse=True,
    )[:sent_limit]
    paused = sorted(
        (e for e in log if e.state == "snoozed"), key=lambda e: e.snooze_until or ctx.today
    )
    return Overview(ctx.today, due_now, soon, sent, paused)


def snooze_problem(until: dt.date, today: dt.date) -> str | None:
    """Why a snooze date cannot be used, or None."""
    if until <= today:
        return tr(
            f"推迟日期应晚于今天 ({today.isoformat()})",
            f"the snooze date must be after today ({today.isoformat()})",
        )
    return None
