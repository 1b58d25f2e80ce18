"""The scheduler inside the app: started after the first paint, toasts for what its jobs did.

Kept apart from the reminders screen so opening the app does not import APScheduler or the
screen's forms before the dashboard is on screen.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from tracker.i18n import tr

if TYPE_CHECKING:
    from checks.jobs import JobRun, JobRunner
    from checks.scheduler import AppScheduler
    from tui.app import GongkaiApp


class AppReminders:
    """Starts the in-app scheduler (if enabled), shows toasts for what its jobs did.

    Under ``run_test()`` it stays off unless a test sets ``autostart``, so other screens'
    tests never see a background poll or sweep.
    """

    def __init__(self, app: GongkaiApp) -> None:
        self.app = app
        self.autostart: bool | None = None
        self.poller: Any = None
        self.send: Any = None
        self.scheduler: AppScheduler | None = None

    def runner(self) -> JobRunner:
        from checks.jobs import JobRunner  # deferred: APScheduler is not needed to paint

        ws = self.app.workspace
        extra: dict[str, Any] = {}
        if self.send is not None:
            extra["send"] = self.send
        return JobRunner(ws, poller=self.poller, **extra)

    def start(self) -> None:
        ws = self.app.workspace
        wanted = self.autostart if self.autostart is not None else not self.app.is_headless
        if not wanted or not ws.config.schedule.enabled:
            return
        from checks.scheduler import AppScheduler, lease_for  # deferred, see runner()

        self.scheduler = AppScheduler(self.runner(), lease_for(ws, "app"), on_run=self._from_job)
        self.scheduler.start()

    def stop(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown()
            self.scheduler = None

    def data_changed(self) -> None:
        if self.scheduler is not None:
            self.scheduler.data_changed()

    def run_now(self, job_id: str) -> JobRun:
        """Run a job by hand (blocking: from a worker thread)."""
        if self.scheduler is not None:
            return self.scheduler.run_now(job_id)
        run = self.runner().run(job_id, manual=True)
        self._from_job(run)
        return run

    def _from_job(self, run: JobRun) -> None:
        # RuntimeError: the app is closing; the run is in the data all the same.
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self.show_run, run)

    def show_run(self, run: JobRun) -> None:
        from checks.jobs import job_title
        from tui.sections.reminders import RemindersSection

        if run.sent:
            titles = "\n".join(r.describe() for r in run.sent[:5])
            more = len(run.sent) - 5
            if more > 0:
                titles += tr(f"\n…另有 {more} 条", f"\n... and {more} more")
            self.app.notify(
                titles,
                title=tr(f"新提醒 {len(run.sent)} 条", f"{len(run.sent)} new reminder(s)"),
                severity="warning",
                timeout=20,
                markup=False,
            )
        if not run.ok:
            self.app.notify(
                run.outcome, title=job_title(run.job), severity="error", timeout=20, markup=False
            )
        for section in self.app.query(RemindersSection).results(RemindersSection):
            section.reload()
