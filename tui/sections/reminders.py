"""提醒: what is due today and soon, what was sent, what is snoozed, and the schedule itself.

The rules (which reminder, when, sent once) live in checks/reminders.py and checks/jobs.py;
this screen lists them and lets a person acknowledge, snooze, send now or run a job now.
``AppReminders`` is the app's side of the scheduler: it starts it on mount, stops it on
unmount and turns each job run into a toast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from checks.flags import Deadline
from checks.jobs import JOB_IDS, SWEEP, job_title
from checks.reminders import (
    Overview,
    acknowledge,
    overview,
    snooze,
    snooze_problem,
    threshold_label,
)
from checks.scheduler import JobStatus, holder_text, job_statuses
from checks.status import context_for
from tracker.errors import GongkaiError
from tracker.i18n import tr
from tracker.records import ReminderLog
from tui.forms import FormField, RecordForm
from tui.safe import literal
from tui.sections.base import Section

if TYPE_CHECKING:
    pass

GROUP_STYLE = {"due": "bold red", "soon": "yellow", "sent": "", "snoozed": "dim"}


def group_label(group: str) -> str:
    return {
        "due": tr("今日", "Today"),
        "soon": tr("近期", "Soon"),
        "sent": tr("已发送", "Sent"),
        "snoozed": tr("已推迟", "Snoozed"),
    }[group]


def state_label(state: str) -> str:
    return {
        "sent": tr("已发送", "sent"),
        "acknowledged": tr("已确认", "acknowledged"),
        "snoozed": tr("已推迟", "snoozed"),
    }.get(state, state)


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%m-%d %H:%M") if moment else "-"


# ---------------------------------------------------------------- the app's scheduler


# ---------------------------------------------------------------- choosing a job


class JobPicker(ModalScreen[str | None]):
    """``x``: which job to run now."""

    BINDINGS = [Binding("escape", "cancel", tr("取消", "Cancel"))]
    DEFAULT_CSS = """
    JobPicker { align: center middle; }
    JobPicker > Vertical { width: 50; height: auto; border: thick $primary; background: $surface; }
    JobPicker OptionList { height: auto; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(tr("立即运行哪个任务?", "Run which job now?"), "bold"))
            yield OptionList(*[Option(job_title(j), id=j) for j in JOB_IDS], id="job-list")

    @on(OptionList.OptionSelected, "#job-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------- the section


@dataclass(frozen=True)
class Loaded:
    view: Overview
    jobs: list[JobStatus]
    holder: str


class RemindersSection(Section):
    SECTION_ID = "reminders"
    BINDINGS = [
        Binding("k", "acknowledge", tr("确认", "Acknowledge"), id="reminders-ack"),
        Binding("z", "snooze", tr("推迟", "Snooze"), id="reminders-snooze"),
        Binding("x", "run_job", tr("立即运行任务", "Run a job now"), id="reminders-run"),
        Binding("s", "send_now", tr("立即发送提醒", "Send reminders now"), id="reminders-send"),
    ]
    DEFAULT_CSS = """
    RemindersSection #jobs { height: auto; max-height: 3; overflow-x: hidden; }
    RemindersSection #reminder-counts { padding-top: 1; }
    RemindersSection #reminder-list { height: 1fr; }
    """

    @classmethod
    def title(cls) -> str:
        return tr("提醒", "Reminders")

    @classmethod
    def help_text(cls) -> str:
        return tr(
            "到期前 7、3、1 个工作日各提醒一次, 逾期后每个工作日提醒一次; 每条只发一次。"
            "今日 = 今天到期或已逾期, 近期 = 14 天内到期, 已发送 = 提醒记录, 已推迟 = 暂停到某日。"
            "上方是定时任务的下次运行时间和上次结果, 以及由谁在调度 (本窗口或 gongkai daemon)。"
            "k 确认所选提醒; z 推迟到某日 (那天起恢复提醒); x 立即运行一个任务; s 立即发送到期提醒。",
            "Each item is reminded 7, 3 and 1 working days before its due date, then every working "
            "day while overdue; each reminder goes out once. Today = due or overdue, Soon = due "
            "within 14 days, Sent = the log, Snoozed = paused until a date. Above: each job's next "
            "and last run, and who runs the schedule (this window or gongkai daemon). "
            "k acknowledge; z snooze until a date (reminders resume that day); x run a job now; "
            "s send due reminders now.",
        )

    def compose(self) -> ComposeResult:
        yield Static(self.title(), classes="section-title")
        yield Static("", id="lease-holder")
        jobs: DataTable[object] = DataTable(id="jobs", cursor_type="none", show_cursor=False)
        yield jobs
        yield Static("", id="reminder-counts")
        table: DataTable[object] = DataTable(id="reminder-list", cursor_type="row")
        yield table
        yield Static("", id="reminders-empty", classes="empty")

    def on_mount(self) -> None:
        jobs = self.query_one("#jobs", DataTable)
        jobs.add_column(tr("任务", "Job"), key="job")
        jobs.add_column(tr("下次运行", "Next run"), key="next")
        jobs.add_column(tr("上次运行", "Last run"), key="last")
        jobs.add_column(tr("结果", "Outcome"), key="outcome")
        table = self.query_one("#reminder-list", DataTable)
        table.add_column(tr("分组", "Group"), key="group")
        table.add_column(tr("截止", "Due"), key="due")
        table.add_column(tr("提醒", "Reminder"), key="state")
        table.add_column(tr("事项", "Item"), key="title")
        self._rows: dict[str, tuple[Deadline | None, ReminderLog | None]] = {}
        self.reload()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        if not self.is_mounted:
            return
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="reminders")
    def _load(self) -> None:
        ws = self.ws
        now = ws.clock.now()
        try:
            loaded = Loaded(
                overview(context_for(ws, now.date())), job_statuses(ws, now), holder_text(ws)
            )
        except GongkaiError as error:
            self.app.call_from_thread(self._show_error, str(error))
            return
        self.app.call_from_thread(self._show, loaded)

    def _show_error(self, message: str) -> None:
        self.query_one("#lease-holder", Static).update(literal(message, "bold red"))

    def _show(self, loaded: Loaded) -> None:
        view = loaded.view
        self.query_one("#lease-holder", Static).update(literal(loaded.holder))
        jobs = self.query_one("#jobs", DataTable)
        table = self.query_one("#reminder-list", DataTable)
        with self.app.batch_update():
            jobs.clear()
            for job in loaded.jobs:
                outcome = job.last_outcome or "-"
                style = "" if job.last_ok in (True, None) else "red"
                jobs.add_row(
                    literal(job.title),
                    literal(_when(job.next_run)),
                    literal(_when(job.last_at)),
                    literal(outcome, style),
                    key=job.id,
                )
            table.clear()
            self._rows = {}
            self._fill(table, view)
        counts = (
            f"{group_label('due')} {len(view.due_now)}  {group_label('soon')} {len(view.upcoming)}"
            f"  {group_label('sent')} {len(view.sent)}  {group_label('snoozed')} {len(view.snoozed)}"
        )
        self.query_one("#reminder-counts", Static).update(literal(counts, "bold"))
        empty = self.query_one("#reminders-empty", Static)
        nothing = not self._rows
        empty.update(
            tr(
                "没有到期的事项, 也还没有发出过提醒。有截止日期的事项 (整改、清查、公开时限等) 会在到期前出现在这里。",
                "Nothing is due and no reminder has gone out yet. Items with a due date "
                "(actions, checks, publication deadlines) show here before they are due.",
            )
        )
        empty.display = nothing
        table.display = not nothing

    def _add(
        self,
        table: DataTable[object],
        group: str,
        deadline: Deadline | None,
        entry: ReminderLog | None,
        title: str,
        due: dt.date | None,
        state: str,
    ) -> None:
        key = f"{group}:{len(self._rows)}"
        self._rows[key] = (deadline, entry)
        table.add_row(
            literal(group_label(group), GROUP_STYLE[group]),
            literal(due.isoformat() if due else ""),
            literal(state),
            literal(title),
            key=key,
        )

    def _fill(self, table: DataTable[object], view: Overview) -> None:
        for deadline, reminder in view.due_now:
            late = (view.today - deadline.due).days
            state = (
                tr(f"逾期 {late} 天", f"{late} d overdue") if late else tr("今天到期", "due today")
            )
            if reminder is not None:
                state += tr(" 待发", " to send")
            self._add(table, "due", deadline, None, deadline.title, deadline.due, state)
        for deadline, next_day in view.upcoming:
            state = tr(f"{next_day:%m-%d} 提醒", f"reminder {next_day:%m-%d}") if next_day else ""
            self._add(table, "soon", deadline, None, deadline.title, deadline.due, state)
        for entry in view.sent:
            state = f"{entry.sent_at:%m-%d} {threshold_label(entry.threshold)}"
            if entry.state == "acknowledged":
                state += tr(" 已确认", " seen")
            if entry.failed:
                state += tr(
                    f" 失败: {', '.join(entry.failed)}", f" failed: {', '.join(entry.failed)}"
                )
            self._add(table, "sent", None, entry, entry.title, entry.due, state)
        for entry in view.snoozed:
            until = entry.snooze_until.isoformat() if entry.snooze_until else ""
            state = tr(f"至 {until}", f"until {until}")
            self._add(table, "snoozed", None, entry, entry.title, entry.due, state)

    # ------------------------------------------------------------ the selected row

    def _selected(self) -> tuple[Deadline | None, ReminderLog | None]:
        table = self.query_one("#reminder-list", DataTable)
        if not self._rows or table.cursor_row < 0:
            return None, None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return self._rows.get(str(key), (None, None))

    def _entry_for(self, deadline: Deadline) -> ReminderLog | None:
        entries = self.ws.store.find(ReminderLog, key=deadline.key)
        return max(entries, key=lambda e: e.sent_at) if entries else None

    def action_acknowledge(self) -> None:
        deadline, entry = self._selected()
        if entry is None and deadline is not None:
            entry = self._entry_for(deadline)
        if entry is None or entry.id is None:
            self.app.notify(
                tr("所选事项还没有发出过提醒", "no reminder has gone out for this item yet"),
                severity="warning",
            )
            return
        acknowledge(self.ws.store, entry.id, self.ws.clock.now())
        self.app.notify(tr("已确认", "Acknowledged"), markup=False)
        self.gongkai.data_changed()

    def action_snooze(self) -> None:
        deadline, entry = self._selected()
        if deadline is None and entry is None:
            return
        if entry is None and deadline is not None:
            entry = self._entry_for(deadline)
        now = self.ws.clock.now()
        values: dict[str, Any] = (
            entry.to_doc()
            if entry is not None
            else {"key": deadline.key if deadline else "", "threshold": "snooze", "sent_at": now}
        )
        # a week, but never past the due day itself (a snooze should not hide the deadline)
        today = self.ws.clock.today()
        due = deadline.due if deadline else (entry.due if entry else None)
        until = today + dt.timedelta(days=7)
        if due is not None and today < due < until:
            until = due
        values["snooze_until"] = until.isoformat()
        title = deadline.title if deadline else (entry.title if entry else "")
        form: RecordForm[ReminderLog] = RecordForm(
            tr(f"推迟提醒: {title}", f"Snooze: {title}"),
            ReminderLog,
            [
                FormField(
                    "snooze_until",
                    tr("推迟到 (那天起恢复提醒)", "Until (reminders resume)"),
                    "date",
                )
            ],
            values,
            fixed={"state": "snoozed"},
            side=tr(
                "推迟期间不发送该事项的提醒; 提醒记录会保留。",
                "No reminders until then; the log is kept.",
            ),
        )
        key = deadline.key if deadline is not None else (entry.key if entry else "")
        self.app.push_screen(form, lambda record: self._snoozed(key, deadline, entry, record))

    def _snoozed(
        self,
        key: str,
        deadline: Deadline | None,
        entry: ReminderLog | None,
        record: ReminderLog | None,
    ) -> None:
        if record is None or record.snooze_until is None:
            return
        today = self.ws.clock.today()
        problem = snooze_problem(record.snooze_until, today)
        if problem:
            self.app.notify(problem, severity="error", markup=False)
            return
        snooze(
            self.ws.store,
            key,
            record.snooze_until,
            self.ws.clock.now(),
            threshold=entry.threshold if entry else "",
            deadline=deadline,
        )
        self.app.notify(
            tr(f"已推迟到 {record.snooze_until}", f"Snoozed until {record.snooze_until}"),
            markup=False,
        )
        self.gongkai.data_changed()

    def action_run_job(self) -> None:
        self.app.push_screen(JobPicker(), self._run_chosen)

    def _run_chosen(self, job_id: str | None) -> None:
        if job_id:
            self._run(job_id)

    def action_send_now(self) -> None:
        self._run(SWEEP)

    @work(thread=True, exit_on_error=False, group="reminders-run")
    def _run(self, job_id: str) -> None:
        self.app.call_from_thread(
            self.app.notify, tr(f"正在运行: {job_title(job_id)}", f"Running: {job_title(job_id)}")
        )
        run = self.gongkai.reminders.run_now(job_id)
        self.app.call_from_thread(
            self.app.notify,
            run.outcome,
            title=job_title(job_id),
            severity="information" if run.ok else "error",
            markup=False,
        )
