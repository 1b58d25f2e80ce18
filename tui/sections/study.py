"""学习与考核: staff study sessions per quarter, attendance per person, and the ranked
accountability table (units and liaisons, worst first) with the assessments recorded."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from checks.accountability import Standing, standings
from checks.rules.study import QUARTER_NAMES_ZH, attendance, quarter_label, sessions_per_quarter
from checks.status import context_for
from tracker.i18n import tr
from tracker.records import Assessment, StudySession
from tui.confirm import ConfirmScreen, delete_question
from tui.forms import FormField, RecordForm
from tui.sections.detail import DetailScreen
from tui.sections.record_table import Column, RecordTable, Row
from tui.sections.work_section import WorkSection, title_with_hint
from tui.work_labels import nobody

SESSION_FIELDS = [
    ("date", "日期", "Date", "date"),
    ("topic", "学习主题", "Topic", "text"),
    ("presenter", "主讲人", "Presenter", "text"),
    ("attendees", "参加人员 (逗号分隔)", "Attendees (comma separated)", "text"),
    ("attendee_count", "参加人数 (留空按名单计)", "Headcount (blank: count the names)", "count"),
    ("hours", "学时", "Hours", "number"),
    ("materials", "学习材料", "Materials", "textarea"),
]
ASSESSMENT_FIELDS = [
    ("unit", "被考核单位", "Unit", "text"),
    ("liaison", "信息联络员", "Liaison", "text"),
    ("period", "考核期 (如 2026 或 2026Q4)", "Period (e.g. 2026 or 2026Q4)", "text"),
    ("date", "考核日期", "Date", "date"),
    ("score", "得分", "Score", "number"),
    ("findings", "发现的问题", "Findings", "textarea"),
    ("consequence", "处理结果 (如 通报、扣分、与待遇挂钩)", "Consequence", "text"),
]


def fields(spec: list[tuple[str, str, str, str]]) -> list[FormField]:
    return [FormField(name, tr(zh, en), kind) for name, zh, en, kind in spec]


def kind_label(kind: str) -> str:
    return tr("单位", "unit") if kind == "unit" else tr("联络员", "liaison")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


class StudySection(WorkSection):
    SECTION_ID = "study"
    BINDINGS = [
        Binding("a", "add_session", tr("新增学习", "Add session")),
        Binding("g", "add_assessment", tr("新增考核", "Add assessment")),
        Binding("e", "edit", tr("修改", "Edit")),
        Binding("d", "delete", tr("删除", "Delete")),
        Binding("y", "other_year", tr("切换年度", "Year")),
        Binding("s", "sort", tr("排序", "Sort")),
    ]

    @classmethod
    def title(cls) -> str:
        return tr("学习与考核", "Study & assessment")

    @classmethod
    def help_text(cls) -> str:
        return tr(
            "学习培训: 按报告承诺每季度至少组织一次干部学习 (条例 第四十八条); 季度最后一个月未学习显示"
            "“即将到期”, 季度结束仍未学习显示“逾期”。参学情况: 每人本年参加次数和学时。"
            "考核排名: 各单位和信息联络员的按时、迟发、缺发 (逾期未发布) 和整改情况, 最差的在最前, "
            "供各村年度考核使用; 迟发的信息计入其单位和联络员。a 新增学习, g 新增考核记录, "
            "e 修改选中的学习或考核记录, y 切换本年/上年, 回车 查看详情。",
            "Study: at least one staff study session a quarter (the 2019 report; 条例 art. 48). "
            "Attendance per person for the year. Ranking: units and liaisons by items on time, "
            "late and missing and by actions, worst first, for the villages' annual assessment. "
            "a add session, g add assessment, e edit, y this/last year, Enter details.",
        )

    def compose(self) -> ComposeResult:
        yield title_with_hint(self.title())
        yield Static("", id="study-summary")
        yield self.message_line()
        with TabbedContent(id="study-tabs"):
            with TabPane(tr("考核排名", "Ranking"), id="study-ranking"):
                yield RecordTable(
                    [
                        Column("rank", tr("名次", "#")),
                        Column("name", tr("名称", "Name")),
                        Column("kind", tr("类型", "Kind")),
                        Column("missing", tr("缺发", "Missing")),
                        Column("late", tr("迟发", "Late")),
                        Column("on_time", tr("按时", "On time")),
                        Column("overdue_actions", tr("逾期整改", "Overdue actions")),
                        Column("open_actions", tr("未完成整改", "Open actions")),
                        Column("score", tr("考核均分", "Avg score")),
                        Column("consequence", tr("处理", "Consequence")),
                    ],
                    [("unit", tr("单位", "units")), ("liaison", tr("联络员", "liaisons"))],
                    sort="rank",
                    empty=tr(
                        "还没有可排名的记录。登记公开事项、整改事项或考核记录后显示。",
                        "Nothing to rank yet.",
                    ),
                    id="ranking-table",
                )
            with TabPane(tr("学习记录", "Sessions"), id="study-sessions"):
                yield RecordTable(
                    [
                        Column("date", tr("日期", "Date")),
                        Column("quarter", tr("季度", "Quarter")),
                        Column("topic", tr("主题", "Topic")),
                        Column("presenter", tr("主讲", "Presenter")),
                        Column("headcount", tr("人数", "People")),
                        Column("hours", tr("学时", "Hours")),
                    ],
                    sort="date",
                    reverse=True,
                    overdue_filter=False,
                    empty=tr("还没有学习记录。按 a 新增。", "No sessions yet. Press a."),
                    id="sessions-table",
                )
            with TabPane(tr("参学情况", "Attendance"), id="study-attendance"):
                yield RecordTable(
                    [
                        Column("name", tr("姓名", "Name")),
                        Column("sessions", tr("参加次数", "Sessions")),
                        Column("hours", tr("学时", "Hours")),
                    ],
                    sort="sessions",
                    reverse=True,
                    overdue_filter=False,
                    empty=tr("本年还没有按名单记录的参学人员。", "No named attendees this year."),
                    id="attendance-table",
                )
            with TabPane(tr("考核记录", "Assessments"), id="study-assessments"):
                yield RecordTable(
                    [
                        Column("period", tr("考核期", "Period")),
                        Column("unit", tr("单位", "Unit")),
                        Column("liaison", tr("联络员", "Liaison")),
                        Column("score", tr("得分", "Score")),
                        Column("consequence", tr("处理", "Consequence")),
                        Column("date", tr("日期", "Date")),
                    ],
                    sort="period",
                    reverse=True,
                    overdue_filter=False,
                    empty=tr("还没有考核记录。按 g 新增。", "No assessments yet. Press g."),
                    id="assessments-table",
                )

    def on_mount(self) -> None:
        self.year = self.ws.clock.today().year

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        today = self.ws.clock.today()
        if not hasattr(self, "year"):
            self.year = today.year
        store = self.ws.store
        self._sessions = {str(s.id): s for s in store.all(StudySession)}
        self._assessments = {str(a.id): a for a in store.all(Assessment)}
        self._standings = standings(context_for(self.ws, today), self.year)
        self._show_summary()
        self._show_ranking()
        self._show_sessions()
        self._show_attendance()
        self._show_assessments()
        self.focus_table(self.active_table())

    def _show_summary(self) -> None:
        wanted = int(self.ws.config.rules.study_sessions_per_quarter)
        counts = sessions_per_quarter(list(self._sessions.values()))
        parts = []
        for q in range(1, 5):
            held = counts.get(quarter_label(self.year, q), 0)
            parts.append(
                tr(f"{QUARTER_NAMES_ZH[q - 1]}季 {held}/{wanted}", f"Q{q} {held}/{wanted}")
            )
        self.query_one("#study-summary", Static).update(
            tr(f"{self.year}年学习: ", f"{self.year} study: ") + "  ".join(parts)
        )

    def _show_ranking(self) -> None:
        rows = []
        for kind in ("unit", "liaison"):
            ranked = [s for s in self._standings if s.kind == kind]
            for rank, s in enumerate(ranked, 1):
                rows.append(self._standing_row(rank, s))
        self.query_one("#ranking-table", RecordTable).set_rows(rows)

    def _standing_row(self, rank: int, s: Standing) -> Row:
        behind = bool(s.missing or s.overdue_actions)
        return Row(
            key=f"{s.kind}:{s.name}",
            cells={
                "rank": str(rank),
                "name": s.name or nobody(),
                "kind": kind_label(s.kind),
                "missing": str(s.missing),
                "late": str(s.late),
                "on_time": str(s.on_time),
                "overdue_actions": str(s.overdue_actions),
                "open_actions": str(s.open_actions),
                "score": _number(s.average_score),
                "consequence": s.consequence,
            },
            sort={
                "rank": (s.kind != "unit", rank),
                "missing": s.missing,
                "late": s.late,
                "on_time": s.on_time,
                "overdue_actions": s.overdue_actions,
                "open_actions": s.open_actions,
                "score": s.average_score,
            },
            status=s.kind,
            search=f"{s.name} {kind_label(s.kind)}",
            overdue=behind,
            style="red" if s.penalty else "",
        )

    def _show_sessions(self) -> None:
        rows = [
            Row(
                key=key,
                cells={
                    "date": s.date.isoformat(),
                    "quarter": s.quarter,
                    "topic": s.topic,
                    "presenter": s.presenter,
                    "headcount": str(s.headcount),
                    "hours": _number(s.hours),
                },
                sort={"headcount": s.headcount, "hours": s.hours},
                search=" ".join((s.topic, s.presenter, *s.attendees)),
            )
            for key, s in self._sessions.items()
        ]
        self.query_one("#sessions-table", RecordTable).set_rows(rows)

    def _show_attendance(self) -> None:
        rows = [
            Row(
                key=a.name,
                cells={"name": a.name, "sessions": str(a.sessions), "hours": _number(a.hours)},
                sort={"sessions": a.sessions, "hours": a.hours},
                search=a.name,
            )
            for a in attendance(list(self._sessions.values()), self.year)
        ]
        self.query_one("#attendance-table", RecordTable).set_rows(rows)

    def _show_assessments(self) -> None:
        rows = [
            Row(
                key=key,
                cells={
                    "period": a.period,
                    "unit": a.unit,
                    "liaison": a.liaison,
                    "score": _number(a.score),
                    "consequence": a.consequence,
                    "date": a.date.isoformat() if a.date else "",
                },
                sort={"score": a.score},
                search=" ".join((a.unit, a.liaison, a.period, a.consequence)),
            )
            for key, a in self._assessments.items()
        ]
        self.query_one("#assessments-table", RecordTable).set_rows(rows)

    # ------------------------------------------------------------ moves

    def active_table(self) -> RecordTable:
        pane = self.query_one("#study-tabs", TabbedContent).active or "study-ranking"
        return self.query_one(f"#{pane} RecordTable", RecordTable)

    def action_sort(self) -> None:
        self.active_table().cycle_sort()

    def action_other_year(self) -> None:
        this_year = self.ws.clock.today().year
        self.year = this_year - 1 if self.year == this_year else this_year
        self.reload()
        self.say(tr(f"显示 {self.year} 年", f"showing {self.year}"))

    def _saver(self, insert: bool, done: str) -> Any:
        def save(record: Any) -> None:
            if record is None:
                return
            store = self.ws.store
            change = (lambda: store.insert(record)) if insert else (lambda: store.update(record))
            self.write(change, done)

        return save

    def action_add_session(self) -> None:
        self.query_one("#study-tabs", TabbedContent).active = "study-sessions"
        self.app.push_screen(
            RecordForm(
                tr("新增学习培训", "New study session"),
                StudySession,
                fields(SESSION_FIELDS),
                {"date": self.ws.clock.today().isoformat()},
            ),
            self._saver(True, tr("已记录学习培训", "study session recorded")),
        )

    def action_add_assessment(self) -> None:
        self.query_one("#study-tabs", TabbedContent).active = "study-assessments"
        self.app.push_screen(
            RecordForm(
                tr("新增考核记录", "New assessment"),
                Assessment,
                fields(ASSESSMENT_FIELDS),
                {"date": self.ws.clock.today().isoformat(), "period": str(self.year)},
            ),
            self._saver(True, tr("已记录考核", "assessment recorded")),
        )

    def action_delete(self) -> None:
        """Remove a session or assessment entered by mistake (after a yes)."""
        pane = self.query_one("#study-tabs", TabbedContent).active
        key = self.active_table().current_key
        record: StudySession | Assessment | None = None
        if pane == "study-sessions" and key:
            record = self._sessions.get(key)
        elif pane == "study-assessments" and key:
            record = self._assessments.get(key)
        if record is None or record.id is None:
            self.say(
                tr("在“学习记录”或“考核记录”中选中一条再删除", "select a session or an assessment"),
                error=True,
            )
            return
        what = (
            f"{record.date} {record.topic}"
            if isinstance(record, StudySession)
            else f"{record.period} {record.unit}"
        )
        cls, record_id = type(record), record.id

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda: self.ws.store.delete(cls, record_id), tr("已删除", "deleted"))

        self.app.push_screen(ConfirmScreen(delete_question(what)), answered)

    def action_edit(self) -> None:
        pane = self.query_one("#study-tabs", TabbedContent).active
        key = self.active_table().current_key
        record: StudySession | Assessment | None = None
        if pane == "study-sessions" and key:
            record = self._sessions.get(key)
            spec = SESSION_FIELDS
        elif pane == "study-assessments" and key:
            record = self._assessments.get(key)
            spec = ASSESSMENT_FIELDS
        if record is None:
            self.say(
                tr("在“学习记录”或“考核记录”中选中一条再修改", "select a session or an assessment"),
                error=True,
            )
            return
        self.app.push_screen(
            RecordForm(
                tr("修改", "Edit"),
                type(record),
                fields(spec),
                record.to_doc(),
                record_id=record.id,
            ),
            self._saver(False, tr("已保存", "saved")),
        )

    # ------------------------------------------------------------ details

    @on(DataTable.RowSelected)
    def _details(self, event: DataTable.RowSelected) -> None:
        key = str(event.row_key.value)
        pane = self.query_one("#study-tabs", TabbedContent).active
        if pane == "study-sessions" and key in self._sessions:
            s = self._sessions[key]
            lines = [
                (tr(label_zh, label_en), self._text(getattr(s, name)))
                for name, label_zh, label_en, _ in SESSION_FIELDS
            ]
            lines.append((tr("人数", "Headcount"), str(s.headcount)))
            self.app.push_screen(DetailScreen(s.topic, lines))
        elif pane == "study-assessments" and key in self._assessments:
            a = self._assessments[key]
            lines = [
                (tr(label_zh, label_en), self._text(getattr(a, name)))
                for name, label_zh, label_en, _ in ASSESSMENT_FIELDS
            ]
            self.app.push_screen(DetailScreen(f"{a.unit} {a.period}", lines))
        elif pane == "study-ranking":
            s = next((x for x in self._standings if f"{x.kind}:{x.name}" == key), None)
            if s is not None:
                self.app.push_screen(DetailScreen(s.name or nobody(), self._standing_lines(s)))

    def _text(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, float):
            return _number(value)
        return str(value)

    def _standing_lines(self, s: Standing) -> list[tuple[str, str]]:
        rate = f"{s.on_time_pct:.0f}%" if s.on_time_pct is not None else "-"
        return [
            (tr("类型", "Kind"), kind_label(s.kind)),
            (tr("年度", "Year"), str(self.year)),
            (tr("按时发布", "On time"), str(s.on_time)),
            (
                tr("迟发", "Late"),
                f"{s.late}"
                + tr(
                    f" (共迟 {s.late_workdays} 个工作日)",
                    f" ({s.late_workdays} working days in all)",
                ),
            ),
            (tr("缺发 (逾期未发布)", "Missing (overdue)"), str(s.missing)),
            (tr("按时率", "On-time rate"), rate),
            (tr("未完成整改", "Open actions"), str(s.open_actions)),
            (tr("逾期整改", "Overdue actions"), str(s.overdue_actions)),
            (tr("考核次数", "Assessments"), str(s.assessments)),
            (tr("考核均分", "Average score"), _number(s.average_score)),
            (tr("最近处理", "Latest consequence"), s.consequence),
            (
                tr(
                    "扣分 (缺发每项 2 分, 迟发、逾期整改每项 1 分)",
                    "Penalty (2 a missing item, 1 a late item or overdue action)",
                ),
                str(s.penalty),
            ),
        ]
