"""The scheduler lease: one holder at a time, renewed while alive, taken over when it expires
or its holder's process is gone."""

from __future__ import annotations

import datetime as dt
import os

from checks.scheduler import describe_holder
from tests.reminders_support import FakeClock, at
from tracker.lease import Lease, pid_alive


def lease(folder, clock: FakeClock, pid: int, role: str = "app", alive=lambda pid: True) -> Lease:
    return Lease(
        folder, role=role, seconds=120, now=clock.now, pid=pid, host="office-pc", alive=alive
    )


def test_two_started_together_only_one_holds(tmp_path) -> None:
    clock = FakeClock(at("2026-04-07 08:00"))
    daemon, app = lease(tmp_path, clock, 101, "daemon"), lease(tmp_path, clock, 202)
    assert daemon.acquire() is True
    assert app.acquire() is False
    assert daemon.held and not app.held
    holder = app.live_holder()
    assert holder is not None and (holder.role, holder.pid) == ("daemon", 101)
    assert describe_holder(holder, app) == "由本机的 daemon 调度, 自 08:00 起 (进程 101)"
    assert describe_holder(holder, daemon) == "由本窗口调度, 自 08:00 起"


def test_renewal_keeps_it_and_expiry_passes_it_on(tmp_path) -> None:
    clock = FakeClock(at("2026-04-07 08:00"))
    first, second = lease(tmp_path, clock, 101), lease(tmp_path, clock, 202)
    assert first.acquire()
    for _ in range(5):  # renewed every 40 s for a few minutes: the other never gets it
        clock.wait(40)
        assert first.acquire() and not second.acquire()
    info = first.holder()
    assert info is not None and info.since == at("2026-04-07 08:00")  # since is kept on renewal
    clock.wait(121)  # the holder hung or slept: its lease ran out
    assert not first.held
    assert second.acquire()
    assert not first.acquire()  # it comes back and finds the lease taken
    assert second.holder().since == clock.now()


def test_a_dead_holder_on_this_machine_is_taken_over_at_once(tmp_path) -> None:
    clock = FakeClock(at("2026-04-07 08:00"))
    crashed = lease(tmp_path, clock, 101)
    assert crashed.acquire()
    survivor = lease(tmp_path, clock, 202, alive=lambda pid: pid != 101)
    assert survivor.acquire()  # no need to wait the 120 s out


def test_release_lets_the_other_take_over(tmp_path) -> None:
    clock = FakeClock(at("2026-04-07 08:00"))
    first, second = lease(tmp_path, clock, 101), lease(tmp_path, clock, 202)
    assert first.acquire()
    first.release()
    assert second.acquire()
    first.release()  # releasing a lease one does not hold changes nothing
    assert second.holder() is not None


def test_a_broken_lease_file_counts_as_free(tmp_path) -> None:
    clock = FakeClock(at("2026-04-07 08:00"))
    (tmp_path / "scheduler.lease.json").write_text("{not json", encoding="utf-8")
    assert lease(tmp_path, clock, 101).acquire()


def test_pid_alive_knows_this_process() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(0)


def test_describe_holder_on_another_day_and_when_nobody_holds(tmp_path) -> None:
    clock = FakeClock(at("2026-04-07 08:00"))
    other = lease(tmp_path, clock, 101, "daemon")
    other.acquire()
    clock.set(at("2026-04-08 08:00"))
    me = lease(tmp_path, clock, 202)
    info = other.holder()
    assert info is not None
    assert "自 2026-04-07 08:00 起" in describe_holder(info, me)
    assert "没有程序在调度" in describe_holder(None, me)
    assert info.expires - info.since == dt.timedelta(seconds=120)
