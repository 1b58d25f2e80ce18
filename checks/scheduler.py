"""Running the jobs: APScheduler's AsyncIOScheduler inside the app, a plain loop for the daemon.

Both take the jobs from config (checks/jobs.py: APScheduler triggers in the office's time zone)
and run them only while this process holds the scheduler lease (tracker/lease.py), so with the
app and the daemon both open exactly one of them polls and sends. On taking the lease they
first catch up on what was missed (checks/catchup.py). Misfires: a job that wakes up late is
still run within ``[schedule] misfire_grace_minutes``, and several missed runs coalesce into one.

The daemon's loop computes the next fire times itself from the same triggers and waits through
an injected ``wait``, so a test can run it for a simulated week by moving a fake clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from checks.catchup import catch_up
from checks.jobs import (
    JOB_IDS,
    SWEEP,
    JobRun,
    JobRunner,
    JobSpec,
    fire_after,
    job_specs,
    job_title,
    last_run,
    next_run,
)
from tracker.i18n import tr
from tracker.lease import Lease, LeaseInfo
from tracker.workspace import Workspace


def lease_for(ws: Workspace, role: str, now: Callable[[], dt.datetime] | None = None) -> Lease:
    """The scheduler lease kept next to the data file."""
    return Lease(
        ws.data_folder,
        role=role,
        seconds=int(ws.config.schedule.lease_seconds),
        now=now or ws.clock.now,
    )


def grace(ws: Workspace) -> dt.timedelta:
    return dt.timedelta(minutes=int(ws.config.schedule.misfire_grace_minutes))


def describe_holder(info: LeaseInfo | None, me: Lease, tz: str = "Asia/Shanghai") -> str:
    """ "由本机的 daemon 调度, 自 08:00 起" — or that nobody schedules right now."""
    if info is None:
        return tr(
            "目前没有程序在调度定时任务 (打开本程序或运行 gongkai daemon)",
            "nothing is running the schedule now (open the app or run gongkai daemon)",
        )
    since = info.since.astimezone(ZoneInfo(tz))
    today = me.now().astimezone(ZoneInfo(tz)).date()
    when = f"{since:%H:%M}" if since.date() == today else f"{since:%Y-%m-%d %H:%M}"
    if info.token == me.token:
        return tr(f"由本窗口调度, 自 {when} 起", f"scheduled by this window since {when}")
    role = "daemon" if info.role == "daemon" else tr("程序窗口", "app window")
    if info.host == me.host:
        return tr(
            f"由本机的 {role} 调度, 自 {when} 起 (进程 {info.pid})",
            f"scheduled by the {role} on this machine since {when} (pid {info.pid})",
        )
    return tr(
        f"由 {info.host} 上的 {role} 调度, 自 {when} 起",
        f"scheduled by the {role} on {info.host} since {when}",
    )


@dataclass(frozen=True)
class JobStatus:
    """One row of the screen's job list."""

    id: str
    title: str
    next_run: dt.datetime | None
    last_at: dt.datetime | None
    last_ok: bool | None
    last_outcome: str


def job_statuses(ws: Workspace, now: dt.datetime) -> list[JobStatus]:
    """Next run and last run (with its outcome) of each job, from config and stored data."""
    out = []
    for spec in job_specs(ws.config, now):
        last = last_run(ws, spec.id)
        out.append(
            JobStatus(
                spec.id,
                job_title(spec.id),
                next_run(spec, ws.calendar, now),
                last["at"] if last else None,
                last["ok"] if last else None,
                last["outcome"] if last else "",
            )
        )
    return out


# ---------------------------------------------------------------- in the app


class AppScheduler:
    """AsyncIOScheduler for the app: a lease tick always, the jobs only while holding it.

    Jobs are plain functions, so APScheduler runs them in the loop's thread pool and the UI
    never waits on the network; ``on_run`` is called from that thread.
    """

    def __init__(
        self, runner: JobRunner, lease: Lease, *, on_run: Callable[[JobRun], None]
    ) -> None:
        self.runner = runner
        self.lease = lease
        self.on_run = on_run
        self.scheduler: AsyncIOScheduler | None = None
        self.specs: list[JobSpec] = job_specs(runner.ws.config, runner.now())
        self.active = False
        self._lock = threading.Lock()

    def start(self) -> None:
        """Call from the running event loop (``on_mount``), never from ``__init__``."""
        ws = self.runner.ws
        tz = ZoneInfo(ws.config.office.timezone)
        self.scheduler = AsyncIOScheduler(
            timezone=tz,
            job_defaults={
                "coalesce": True,
                "misfire_grace_time": int(grace(ws).total_seconds()),
                "max_instances": 1,
            },
        )
        every = max(5.0, self.lease.seconds / 3)
        self.scheduler.add_job(
            self.lease_tick,
            IntervalTrigger(seconds=every, timezone=tz),
            id="lease",
            next_run_time=dt.datetime.now(tz),
        )
        self.scheduler.start()

    def lease_tick(self) -> None:
        """Renew or take the lease; add the jobs (after catching up) or drop them."""
        with self._lock:
            got = self.lease.acquire()
            if got and not self.active:
                self.active = True
                if self.scheduler is not None:
                    for spec in self.specs:
                        self.scheduler.add_job(
                            self.run_scheduled,
                            spec.trigger,
                            args=[spec.id],
                            id=spec.id,
                            replace_existing=True,
                        )
                for run in catch_up(self.runner, self.specs, self.runner.now()):
                    self.on_run(run)
            elif not got and self.active:
                self.active = False
                for spec in self.specs:
                    with contextlib.suppress(JobLookupError):
                        if self.scheduler is not None:
                            self.scheduler.remove_job(spec.id)

    def run_scheduled(self, job_id: str) -> None:
        if not self.lease.held:
            return
        run = self.runner.run(job_id)
        if run.ran:
            self.on_run(run)

    def data_changed(self, delay_seconds: float = 60.0) -> None:
        """Someone changed the data: sweep soon (a minute after the last change), so a new
        or moved deadline is reminded without waiting for the next hour."""
        if self.scheduler is None or not self.active:
            return
        tz = ZoneInfo(self.runner.ws.config.office.timezone)
        with contextlib.suppress(JobLookupError):
            self.scheduler.modify_job(
                SWEEP, next_run_time=dt.datetime.now(tz) + dt.timedelta(seconds=delay_seconds)
            )

    def run_now(self, job_id: str) -> JobRun:
        """A job started by hand from the screen (blocking: call it from a worker thread)."""
        run = self.runner.run(job_id, manual=True)
        self.on_run(run)
        return run

    def shutdown(self) -> None:
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self.active:
            self.lease.release()
        self.active = False


# ---------------------------------------------------------------- headless


class Daemon:
    """``gongkai daemon``: the same jobs without a UI, one line printed per run.

    ``now`` and ``wait`` are injected: ``wait(seconds)`` returns True when asked to stop
    (a threading.Event's ``wait`` in real use; a fake clock's step in tests).
    """

    def __init__(
        self,
        runner: JobRunner,
        lease: Lease,
        *,
        now: Callable[[], dt.datetime],
        wait: Callable[[float], bool],
        say: Callable[[str], None] = print,
        stopping: Callable[[], bool] = lambda: False,
    ) -> None:
        self.runner = runner
        self.lease = lease
        self.now = now
        self.wait = wait
        self.say = say
        self.stopping = stopping
        self.runs: list[JobRun] = []

    def _report(self, run: JobRun) -> None:
        self.runs.append(run)
        if run.ran:
            self.say(run.line())

    def run(self, stop_at: dt.datetime | None = None) -> None:
        ws = self.runner.ws
        specs = job_specs(ws.config, self.now())
        late_ok = grace(ws)
        renew_every = dt.timedelta(seconds=max(1.0, self.lease.seconds / 3))
        nexts: dict[str, dt.datetime | None] = {}
        holding = False
        told: str | None = None
        next_renew = self.now()
        try:
            while not self.stopping():
                now = self.now()
                if stop_at is not None and now >= stop_at:
                    break
                if now >= next_renew or not holding:
                    next_renew = now + renew_every
                    if self.lease.acquire():
                        if not holding:
                            holding, told = True, None
                            self.say(self._held_line(now))
                            for run in catch_up(self.runner, specs, now):
                                self._report(run)
                            now = self.now()
                            nexts = {s.id: fire_after(s.trigger, now) for s in specs}
                    else:
                        holding = False
                        told = self._tell_holder(told)
                if holding:
                    self._run_due(specs, nexts, now, late_ok)
                wake = [t for t in nexts.values() if t is not None] if holding else []
                wake.append(next_renew)
                if stop_at is not None:
                    wake.append(stop_at)
                seconds = (min(wake) - self.now()).total_seconds()
                if self.stopping() or self.wait(max(0.0, seconds)):
                    break
        finally:
            if holding:
                self.lease.release()

    def _run_due(
        self,
        specs: list[JobSpec],
        nexts: dict[str, dt.datetime | None],
        now: dt.datetime,
        late_ok: dt.timedelta,
    ) -> None:
        for spec in specs:
            fire = nexts.get(spec.id)
            if fire is None or fire > now:
                continue
            if now - fire <= late_ok:
                self._report(self.runner.run(spec.id, now))
            else:
                self.say(
                    tr(
                        f"{now:%Y-%m-%d %H:%M} {job_title(spec.id)}: 错过 {fire:%m-%d %H:%M} 超过宽限时间, 跳过",
                        f"{now:%Y-%m-%d %H:%M} {job_title(spec.id)}: missed {fire:%m-%d %H:%M} "
                        "beyond the grace time, skipped",
                    )
                )
            nexts[spec.id] = fire_after(spec.trigger, self.now())  # coalesce: next after now
            if self.stopping():
                return

    def _held_line(self, now: dt.datetime) -> str:
        return tr(
            f"{now:%Y-%m-%d %H:%M} 已取得调度权, 开始运行定时任务 ({', '.join(JOB_IDS)})",
            f"{now:%Y-%m-%d %H:%M} holding the scheduler lease; running jobs ({', '.join(JOB_IDS)})",
        )

    def _tell_holder(self, told: str | None) -> str | None:
        info = self.lease.live_holder()
        token = info.token if info else None
        if token != told and info is not None:
            tz = str(self.runner.ws.config.office.timezone)
            self.say(
                tr(
                    f"等待: {describe_holder(info, self.lease, tz)}; 它退出后由本进程接管",
                    f"waiting: {describe_holder(info, self.lease, tz)}; taking over when it stops",
                )
            )
        return token


def holder_text(ws: Workspace, lease: Lease | None = None) -> str:
    """Who schedules right now, for the screen (reads the lease file, takes nothing)."""
    probe = lease or lease_for(ws, "probe")
    return describe_holder(probe.live_holder(), probe, str(ws.config.office.timezone))


__all__ = [
    "AppScheduler",
    "Daemon",
    "JobStatus",
    "describe_holder",
    "holder_text",
    "job_statuses",
    "lease_for",
]
