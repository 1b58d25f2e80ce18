"""gongkai daemon: the scheduler without a UI, until SIGTERM or Ctrl-C.

Runs the same jobs as the app (morning poll, reminder sweep) while it holds the scheduler
lease; with the lease held by the app or another daemon it waits and says who holds it. On
SIGTERM/Ctrl-C it finishes the job (and the write) in progress, gives the lease back, exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

from checks.jobs import JobRunner
from checks.scheduler import Daemon, lease_for
from tracker.i18n import tr
from tracker.workspace import Workspace
from tui.commands.common import workspace


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options: everything comes from config.toml's [schedule] and [[channels]]."""


def say(line: str) -> None:
    print(line, flush=True)


def make_daemon(
    ws: Workspace,
    *,
    now: Callable[[], dt.datetime] | None = None,
    wait: Callable[[float], bool],
    stopping: Callable[[], bool] = lambda: False,
    say: Callable[[str], None] = say,
    poller: Any = None,
    send: Any = None,
) -> Daemon:
    """The daemon with its clock and wait injectable (tests run a simulated week with it)."""
    clock = now or ws.clock.now
    extra: dict[str, Any] = {"send": send} if send is not None else {}

    def backoff(seconds: float) -> None:  # a retry pause that Ctrl-C cuts short
        wait(seconds)

    runner = JobRunner(ws, poller=poller, now=clock, sleep=backoff, **extra)
    return Daemon(
        runner, lease_for(ws, "daemon", clock), now=clock, wait=wait, say=say, stopping=stopping
    )


def run(args: argparse.Namespace) -> int:
    ws = workspace(args)
    if not ws.config.schedule.enabled:
        print(
            tr(
                "定时任务已在 config.toml 中关闭 ([schedule] enabled = false); 改为 true 后再运行",
                "the schedule is off in config.toml ([schedule] enabled = false); set it to true",
            ),
            file=sys.stderr,
        )
        return 2
    stop = threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    say(
        tr(
            f"gongkai daemon 已启动 (数据: {ws.config.data_path}); Ctrl-C 停止",
            f"gongkai daemon started (data: {ws.config.data_path}); Ctrl-C to stop",
        )
    )
    make_daemon(ws, wait=stop.wait, stopping=stop.is_set).run()
    say(tr("gongkai daemon 已停止", "gongkai daemon stopped"))
    return 0
