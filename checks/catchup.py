"""Catch-up: what should have happened while nothing was running, done once on start.

Worked out from the stored data, not from a job store: the last run of each job is kept with
the data (``job:<id>:last``). A poll is missed when a scheduled poll time on a working day fell
between the last poll and now, however many of them there were (one catch-up poll, not five).
The reminder sweep is always run once: the reminder log knows what was sent, and the policy
sends only the most recent threshold of each item.
"""

from __future__ import annotations

import datetime as dt

from checks.jobs import POLL, SWEEP, JobRun, JobRunner, JobSpec, fire_after, last_run
from tracker.workspace import Workspace

FIRST_START_LOOKBACK = dt.timedelta(days=1)
MAX_STEPS = 1000


def poll_missed(ws: Workspace, spec: JobSpec, now: dt.datetime) -> bool:
    """Whether a poll was due (on a working day, if so configured) since the last one ran."""
    last = last_run(ws, POLL)
    since = last["at"] if last else now - FIRST_START_LOOKBACK
    fire = fire_after(spec.trigger, since)
    for _ in range(MAX_STEPS):
        if fire is None or fire > now:
            return False
        if not spec.workdays_only or ws.calendar.is_workday(fire.date()):
            return True
        fire = fire_after(spec.trigger, fire)
    return True


def catch_up(runner: JobRunner, specs: list[JobSpec], now: dt.datetime) -> list[JobRun]:
    """Run a missed poll once, then the sweep once; returns the runs."""
    runs = []
    poll = next((s for s in specs if s.id == POLL), None)
    if poll is not None and poll_missed(runner.ws, poll, now):
        runs.append(runner.run(POLL, now, manual=True))
    runs.append(runner.run(SWEEP, now, manual=True))
    return runs
