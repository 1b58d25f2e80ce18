"""今日: what is overdue, due soon or breaking a rule, at one glance."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from checks.flags import Flag
from tracker.errors import GongkaiError
from tracker.i18n import tr
from tui.labels import kind_label
from tui.safe import literal
from tui.sections.base import Section

KIND_STYLE = {
    "veto": "bold white on red",
    "overdue": "bold red",
    "due_soon": "yellow",
    "warning": "magenta",
    "info": "dim",
}
SUBJECT_SECTION = {
    "monthly_checks": "monthly",
    "platforms": "monthly",
    "actions": "actions",
    "publication_items": "timeliness",
    "publications": "timeliness",
    "study_sessions": "study",
    "assessments": "study",
    "sources": "website",
    "web_items": "website",
    "website": "website",
    "applications": "export",
    "annual_report": "export",
    "reminders": "reminders",
}


class DashboardSection(Section):
    SECTION_ID = "today"

    @classmethod
    def title(cls) -> str:
        return tr("今日", "Today")

    @classmethod
    def help_text(cls) -> str:
        return tr(
            "今日待办: 单项否决、逾期、即将到期和提醒, 最严重的在最前。选中一行按回车转到对应部分。"
            "若某年的法定节假日尚未收录 (chinesecalendar 只到 2026 年), 跨入该年的期限按周一至周五推算,"
            "国务院公布放假安排后在 config.toml 的 [calendar] 中补充 holidays 和 workdays 即可。",
            "Today: vetoes, overdue, due-soon and warnings, most serious first. "
            "Press Enter on a row to open its section. When a year's holidays are not known yet, "
            "deadlines crossing into it are counted Monday to Friday; add the State Council's "
            "schedule under [calendar] holidays / workdays in config.toml.",
        )

    def compose(self) -> ComposeResult:
        yield Static(self.title(), classes="section-title")
        yield Static("", id="summary")
        yield Static("", id="calendar-note", classes="note")
        table: DataTable[object] = DataTable(id="flags", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="empty", classes="empty")

    def on_mount(self) -> None:
        table = self.query_one("#flags", DataTable)
        # Short columns first: at 80 columns the long title may run off the right edge,
        # but what it is, how late and by when stay in view.
        table.add_column(tr("类别", "Kind"), key="kind")
        table.add_column(tr("状态", "State"), key="state")
        table.add_column(tr("截止", "Due"), key="due")
        table.add_column(tr("事项", "Item"), key="title")
        table.add_column(tr("依据", "Rule"), key="rule")
        # Paint the frame first; reading five years of records can wait one refresh.
        self.call_after_refresh(self.reload)

    def reload(self) -> None:
        self.query_one("#summary", Static).update(tr("正在计算…", "Working it out..."))
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="dashboard")
    def _load(self) -> None:
        from checks.status import flags_for  # deferred: the rules load after the first paint

        today = self.ws.clock.today()
        try:
            flags = flags_for(self.ws, today)
        except GongkaiError as error:
            self.app.call_from_thread(self._show_error, str(error))
            return
        except Exception as error:  # a rule tripped on odd data: say so, keep the app usable
            message = tr(
                f"计算今日事项时出错 ({type(error).__name__}: {error})。其他部分仍可使用; 请检查最近录入的数据",
                f"working out today's items failed ({type(error).__name__}: {error}); "
                "the other sections still work - check recently entered data",
            )
            self.app.call_from_thread(self._show_error, message)
            return
        self.app.call_from_thread(self._show, flags)

    def _show_error(self, message: str) -> None:
        self.query_one("#summary", Static).update(literal(message, "bold red"))

    def _show(self, flags: list[Flag]) -> None:
        self._flags = flags
        today = self.ws.clock.today()
        counts = {k: sum(1 for f in flags if f.kind == k) for k in KIND_STYLE}
        parts = [f"{kind_label(k)} {n}" for k, n in counts.items() if n]
        summary = f"{today}  " + ("  ".join(parts) if parts else tr("一切正常", "all clear"))
        self.query_one("#summary", Static).update(literal(summary, "bold"))
        cal = self.ws.calendar
        missing = [y for y in (today.year, today.year + 1) if not cal.covers(y)]
        note = self.query_one("#calendar-note", Static)
        note.update(
            literal(
                tr(
                    f"{'、'.join(map(str, missing))} 年节假日未收录, 跨年期限暂按周一至周五计",
                    f"{', '.join(map(str, missing))} holidays unknown: counted Mon-Fri for now",
                )
            )
            if missing
            else ""
        )
        note.display = bool(missing)
        table = self.query_one("#flags", DataTable)
        with self.app.batch_update():
            table.clear()
            for index, f in enumerate(flags):
                if f.days_overdue:
                    state = tr(f"逾期{f.days_overdue}天", f"{f.days_overdue}d late")
                elif f.due:
                    left = (f.due - today).days
                    state = tr(f"剩{left}天", f"{left}d left")
                else:
                    state = ""
                # this year's dates as MM-DD: the column stays narrow at 80 columns
                due = ""
                if f.due:
                    due = f.due.strftime("%m-%d") if f.due.year == today.year else f.due.isoformat()
                table.add_row(
                    literal(kind_label(f.kind), KIND_STYLE[f.kind]),
                    literal(state),
                    literal(due),
                    literal(f.title),
                    literal(f.rule.name),
                    key=str(index),
                )
        empty = self.query_one("#empty", Static)
        empty.update(
            tr(
                "今天没有逾期、即将到期或违规的事项。记录月度清查、公开事项和整改事项后, 到期情况会显示在这里。",
                "Nothing is overdue, due soon or breaking a rule today. Once checks, items and "
                "actions are recorded, their deadlines show here.",
            )
        )
        empty.display = not flags
        table.display = bool(flags)

    @on(DataTable.RowSelected, "#flags")
    async def _open(self, event: DataTable.RowSelected) -> None:
        flag = self._flags[int(str(event.row_key.value))]
        target = SUBJECT_SECTION.get(flag.subject)
        if target:
            pending = self.gongkai.show_section(target)
            if pending is not None:
                await pending
            self.gongkai.focus_section()  # ready for that section's keys, as with number keys
