"""The in-app scheduler: APScheduler with grace and coalescing, jobs only while holding the
lease, handing over when the holder's lease expires; toasts for new reminders."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from checks.jobs import JobRun, JobRunner
from checks.scheduler import AppScheduler
from tests.reminders_support import FakeClock, add_action, at, only_action_deadlines
from tracker.lease import Lease
from tracker.records import ReminderLog
from tui.app import GongkaiApp


@pytest.fixture(autouse=True)
def _actions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    only_action_deadlines(monkeypatch)


def no_poll(ws) -> list[object]:
    return []


def scheduler(ws, clock: FakeClock, pid: int, runs: list[tuple[int, JobRun]]) -> AppScheduler:
    lease = Lease(ws.data_folder, role="app", seconds=120, now=clock.now, pid=pid, host="pc")
    runner = JobRunner(ws, poller=no_poll, now=clock.now)
    return AppScheduler(runner, lease, on_run=lambda run: runs.append((pid, run)))


def test_two_windows_only_one_runs_jobs_and_the_other_takes_over(ws) -> None:
    add_action(ws, "整改", "2026-11-25")
    clock = FakeClock(at("2026-11-24 09:00"))
    runs: list[tuple[int, JobRun]] = []
    first, second = scheduler(ws, clock, 1, runs), scheduler(ws, clock, 2, runs)
    first.lease_tick()
    second.lease_tick()
    assert first.active and not second.active
    assert {pid for pid, _ in runs} == {1}  # only the holder caught up (poll + sweep)
    assert [r.job for _, r in runs] == ["poll", "sweep"]
    second.run_scheduled("sweep")  # a job firing in the window without the lease does nothing
    assert len(runs) == 2
    # The first window hangs; its lease runs out and the second takes over on its next tick.
    clock.wait(121)
    second.lease_tick()
    first.lease_tick()
    assert second.active and not first.active
    assert [pid for pid, r in runs if r.job == "sweep"] == [1, 2]
    assert len(ws.store.all(ReminderLog)) == 1  # the reminder went out once, from window 1


async def test_apscheduler_jobs_have_grace_coalesce_and_the_office_timezone(ws) -> None:
    loop = asyncio.get_running_loop()
    caught_up = asyncio.Event()
    runs: list[JobRun] = []

    def on_run(run: JobRun) -> None:
        runs.append(run)
        if run.job == "sweep":
            loop.call_soon_threadsafe(caught_up.set)

    lease = Lease(ws.data_folder, role="app", seconds=120, now=ws.clock.now)
    app_scheduler = AppScheduler(JobRunner(ws, poller=no_poll), lease, on_run=on_run)
    app_scheduler.start()
    try:
        await asyncio.wait_for(caught_up.wait(), timeout=10)
        assert app_scheduler.scheduler is not None
        poll = app_scheduler.scheduler.get_job("poll")
        sweep = app_scheduler.scheduler.get_job("sweep")
        assert poll is not None and sweep is not None
        assert poll.misfire_grace_time == 720 * 60 and poll.coalesce is True
        assert poll.max_instances == 1
        assert str(poll.next_run_time.tzinfo) == "Asia/Shanghai"
        assert (poll.next_run_time.hour, poll.next_run_time.minute) == (8, 30)
    finally:
        app_scheduler.shutdown()
    assert lease.holder() is None  # given back on shutdown


async def test_app_starts_the_scheduler_and_toasts_new_reminders(ws) -> None:
    add_action(ws, "政策文件 [/x] 补发", "2026-11-23")
    app = GongkaiApp(ws)
    app.reminders.autostart = True
    app.reminders.poller = no_poll
    toasts: list[tuple[str, str]] = []
    shown = asyncio.Event()
    original = app.reminders.show_run

    def show_run(run: JobRun) -> None:
        original(run)
        if run.job == "sweep":
            shown.set()

    app.reminders.show_run = show_run  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kw: toasts.append((kw.get("title", ""), message))  # type: ignore[method-assign]
        await asyncio.wait_for(shown.wait(), timeout=10)
        await pilot.pause()
        assert app.reminders.scheduler is not None and app.reminders.scheduler.active
        assert (
            "新提醒 1 条",
            "政策文件 [/x] 补发: 已逾期 (截止 2026-11-23, 逾期 1 个工作日)",
        ) in toasts
    assert app.reminders.scheduler is None  # stopped on unmount
    entries = ws.store.all(ReminderLog)
    assert [(e.threshold, e.sent_at.date()) for e in entries] == [
        ("overdue:2026-11-24", dt.date(2026, 11, 24))
    ]


async def test_a_data_change_brings_the_next_sweep_forward(ws) -> None:
    loop = asyncio.get_running_loop()
    caught_up = asyncio.Event()

    def on_run(run: JobRun) -> None:
        if run.job == "sweep":
            loop.call_soon_threadsafe(caught_up.set)

    lease = Lease(ws.data_folder, role="app", seconds=120, now=ws.clock.now)
    app_scheduler = AppScheduler(JobRunner(ws, poller=no_poll), lease, on_run=on_run)
    app_scheduler.start()
    try:
        await asyncio.wait_for(caught_up.wait(), timeout=10)
        assert app_scheduler.scheduler is not None
        before = app_scheduler.scheduler.get_job("sweep").next_run_time
        app_scheduler.data_changed(delay_seconds=5)
        after = app_scheduler.scheduler.get_job("sweep").next_run_time
        assert after < before
        assert after - dt.datetime.now(after.tzinfo) < dt.timedelta(seconds=6)
    finally:
        app_scheduler.shutdown()


def test_poll_job_without_the_poller_module_says_so(ws, monkeypatch) -> None:
    import importlib.util

    import checks.jobs

    real = importlib.util.find_spec
    monkeypatch.setattr(
        checks.jobs.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "checks.poller" else real(name, *a),
    )
    run = JobRunner(ws).run("poll", at("2026-11-24 08:30"))
    assert (run.ok, run.outcome) == (False, "网站抓取功能不可用")
    assert ws.store.get_value("job:poll:last")["outcome"] == "网站抓取功能不可用"


def test_a_crashing_job_is_an_outcome_not_a_crash(ws) -> None:
    def broken(ws) -> None:
        raise RuntimeError("parser exploded")

    run = JobRunner(ws, poller=broken).run("poll", at("2026-11-24 08:30"))
    assert not run.ok and "parser exploded" in run.outcome
    # On a day off the scheduled poll does nothing and records nothing; by hand it runs.
    calls: list[str] = []
    runner = JobRunner(ws, poller=lambda ws: calls.append("x") or [])
    assert runner.run("poll", at("2026-11-28 08:30")).ran is False
    assert runner.run("poll", at("2026-11-28 08:30"), manual=True).ran is True
    assert calls == ["x"]
