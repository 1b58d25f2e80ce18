"""The scheduled jobs: when they fire and what they do, the same in the app, ``gongkai daemon``
and ``gongkai remind``.

Two jobs: the morning website poll and the reminder sweep. The monthly-check, quarter-study
and annual-report reminders are deadlines of the rule modules, so the sweep covers them with
every other deadline. Each run's time and outcome is kept with the data (``job:<id>:last``),
which is what catch-up after the PC was off is worked out from.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from checks.notify import Message, SendResult, enabled_channels, send_all
from checks.recurring import sync_recurring
from checks.reminders import Reminder, claim, due_reminders, record_delivery
from checks.status import context_for
from tracker.config import Config, Section
from tracker.i18n import tr
from tracker.workspace import Workspace

POLL, SWEEP = "poll", "sweep"
JOB_IDS = (POLL, SWEEP)

Poller = Callable[[Workspace], Any]
Sender = Callable[..., list[SendResult]]


def job_title(job_id: str) -> str:
    return {
        POLL: tr("抓取区政府网站", "poll the district website"),
        SWEEP: tr("汇总并发送提醒", "send due reminders"),
    }.get(job_id, job_id)


@dataclass(frozen=True)
class JobSpec:
    """A job and its APScheduler trigger, derived from config.toml."""

    id: str
    trigger: BaseTrigger
    workdays_only: bool = False


def job_specs(config: Config, start: dt.datetime) -> list[JobSpec]:
    """The poll at ``poll_time``; the sweep at ``sweep_time`` and every ``sweep_every_minutes``.

    ``start`` anchors the interval (APScheduler would otherwise read the real clock).
    """
    schedule = config.schedule
    tz = ZoneInfo(config.office.timezone)
    poll_at: dt.time = schedule.poll_time
    sweep_at: dt.time = schedule.sweep_time
    every = dt.timedelta(minutes=int(schedule.sweep_every_minutes))
    return [
        JobSpec(
            POLL,
            CronTrigger(hour=poll_at.hour, minute=poll_at.minute, timezone=tz),
            bool(schedule.poll_workdays_only),
        ),
        JobSpec(
            SWEEP,
            OrTrigger(
                [
                    CronTrigger(hour=sweep_at.hour, minute=sweep_at.minute, timezone=tz),
                    IntervalTrigger(
                        minutes=int(schedule.sweep_every_minutes),
                        start_date=start.astimezone(tz) + every,
                        timezone=tz,
                    ),
                ]
            ),
        ),
    ]


def fire_after(trigger: BaseTrigger, moment: dt.datetime) -> dt.datetime | None:
    """The trigger's first fire time strictly after ``moment``."""
    fire: dt.datetime | None = trigger.get_next_fire_time(
        None, moment + dt.timedelta(microseconds=1)
    )
    return fire


def next_run(spec: JobSpec, calendar: Any, after: dt.datetime) -> dt.datetime | None:
    """When the job will next really run (a workdays-only poll skips days off)."""
    fire = fire_after(spec.trigger, after)
    for _ in range(400):
        if fire is None or not spec.workdays_only or calendar.is_workday(fire.date()):
            return fire
        fire = fire_after(spec.trigger, fire)
    return None


def last_key(job_id: str) -> str:
    return f"job:{job_id}:last"


@dataclass(frozen=True)
class JobRun:
    """One run of a job: when, whether it went well, and what it did in a few words."""

    job: str
    at: dt.datetime
    ok: bool
    outcome: str
    ran: bool = True
    """False when a scheduled run had nothing to do (the poll on a day off)."""
    sent: Sequence[Reminder] = field(default_factory=tuple)

    def line(self) -> str:
        """The daemon's one line per run."""
        mark = "" if self.ok else tr(" [失败]", " [failed]")
        return f"{self.at:%Y-%m-%d %H:%M} {job_title(self.job)}{mark}: {self.outcome}"


@dataclass(frozen=True)
class SweepResult:
    sent: list[Reminder]
    results: list[SendResult]

    @property
    def failed(self) -> list[SendResult]:
        return [r for r in self.results if not r.ok]


class PollerMissing(Exception):
    """The website poller is not part of this installation."""


def default_poller(ws: Workspace) -> Any:
    # Deferred: the poller (and its HTML parser) is loaded only when a poll runs.
    if importlib.util.find_spec("checks.poller") is None:
        raise PollerMissing
    module = importlib.import_module("checks.poller")
    return module.poll_sources_sync(ws)


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def summarize_poll(result: Any) -> tuple[bool, str]:
    """A poll result (a list of per-source results, or an object with ``sources``) in words."""
    sources = result if isinstance(result, list) else _field(result, "sources")
    if not isinstance(sources, list):
        return True, tr("完成", "done")
    ok = sum(1 for s in sources if _field(s, "ok"))
    new = sum(int(_field(s, "new_items") or 0) for s in sources)
    return ok == len(sources), tr(
        f"{ok}/{len(sources)} 个栏目正常, 新发现 {new} 条",
        f"{ok}/{len(sources)} columns ok, {new} new item(s)",
    )


def send_reminders(
    ws: Workspace,
    now: dt.datetime,
    *,
    day: dt.date | None = None,
    channels: Sequence[Section] | None = None,
    send: Sender = send_all,
    sleep: Callable[[float], None] = time.sleep,
) -> SweepResult:
    """Send what is due today through the channels, each (item, threshold) once.

    The reminders are recorded before sending, so a second sender at the same moment (the
    daemon and ``gongkai remind --send``) finds them taken.
    """
    day = day or now.date()
    # Recurring items get their register entries first, so their reminders carry the stored
    # item's id from the first one on (not the provisional "rule:period" id).
    sync_recurring(ws.store, ws.config, day, ws.calendar)
    ctx = context_for(ws, day)
    pending = due_reminders(ctx)
    claimed = claim(ws.store, pending, now)
    taken = {(e.key, e.threshold) for e in claimed}
    sent = [r for r in pending if (r.key, r.threshold) in taken]
    channels = enabled_channels(ws.config) if channels is None else channels
    results: list[SendResult] = []
    if sent and channels:
        message = Message(ws.config.office.name, day, sent)
        results = send(channels, message, sleep=sleep)
        record_delivery(
            ws.store,
            claimed,
            [r.channel for r in results if r.ok],
            [r.channel for r in results if not r.ok],
        )
    return SweepResult(sent, results)


class JobRunner:
    """Runs a job by id and records its outcome; never raises (a failed job is an outcome)."""

    def __init__(
        self,
        ws: Workspace,
        *,
        poller: Poller | None = None,
        send: Sender = send_all,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.ws = ws
        self.poller = poller or default_poller
        self.send = send
        self.sleep = sleep
        self.now = now or ws.clock.now

    def run(self, job_id: str, now: dt.datetime | None = None, *, manual: bool = False) -> JobRun:
        at = now or self.now()
        try:
            if job_id == POLL:
                run = self._poll(at, manual)
            elif job_id == SWEEP:
                run = self._sweep(at, manual)
            else:
                return JobRun(job_id, at, False, tr("未知任务", "unknown job"), ran=False)
        except Exception as e:  # a job must never take the scheduler down with it
            run = JobRun(job_id, at, False, f"{type(e).__name__}: {e}")
        if run.ran:
            self.ws.store.set_value(
                last_key(job_id), {"at": at.isoformat(), "ok": run.ok, "outcome": run.outcome}
            )
        return run

    def _poll(self, at: dt.datetime, manual: bool) -> JobRun:
        schedule = self.ws.config.schedule
        if (
            not manual
            and schedule.poll_workdays_only
            and not self.ws.calendar.is_workday(at.date())
        ):
            return JobRun(POLL, at, True, tr("非工作日, 不抓取", "not a working day"), ran=False)
        try:
            result = self.poller(self.ws)
        except PollerMissing:
            return JobRun(POLL, at, False, tr("网站抓取功能不可用", "poller not available"))
        ok, outcome = summarize_poll(result)
        return JobRun(POLL, at, ok, outcome)

    def _sweep(self, at: dt.datetime, manual: bool) -> JobRun:
        # A scheduled sweep before the morning sweep time (the hourly one at 01:00) still works
        # on yesterday, so nobody's phone buzzes at night; run by hand or on start: today.
        day = at.date()
        if not manual and at.time() < self.ws.config.schedule.sweep_time:
            day -= dt.timedelta(days=1)
        result = send_reminders(self.ws, at, day=day, send=self.send, sleep=self.sleep)
        if enabled_channels(self.ws.config):
            outcome = tr(f"发送 {len(result.sent)} 条提醒", f"{len(result.sent)} reminder(s) sent")
        else:
            outcome = tr(
                f"{len(result.sent)} 条新提醒, 只在本程序中显示 (config.toml 未配置 [[channels]] 发送渠道)",
                f"{len(result.sent)} new reminder(s), shown here only "
                "(no [[channels]] configured in config.toml)",
            )
        if result.failed:
            names = ", ".join(f"{r.channel} ({r.error})" for r in result.failed)
            outcome += tr(f"; 渠道失败: {names}", f"; channels failed: {names}")
        return JobRun(SWEEP, at, not result.failed, outcome, sent=tuple(result.sent))


def last_run(ws: Workspace, job_id: str) -> dict[str, Any] | None:
    """``{"at": datetime, "ok": bool, "outcome": str}`` of the job's last run, or None."""
    value = ws.store.get_value(last_key(job_id))
    if not isinstance(value, dict) or "at" not in value:
        return None
    try:
        at = dt.datetime.fromisoformat(str(value["at"]))
    except ValueError:
        return None
    return {"at": at, "ok": bool(value.get("ok")), "outcome": str(value.get("outcome", ""))}
