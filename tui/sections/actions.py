"""整改事项: improvement actions with owners, due dates, progress notes, closing and verifying."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from checks.rules.actions import rule_for
from tracker.i18n import tr
from tracker.records import Action
from tracker.records.actions import (
    ACTION_CATEGORIES,
    ACTION_SOURCES,
    ACTION_STATUSES,
    RECURRENCES,
    ProgressNote,
    Verification,
    close_action,
)
from tui.forms import FormField, RecordForm
from tui.sections.detail import DetailScreen
from tui.sections.record_table import Column, RecordTable, Row
from tui.sections.work_section import WorkSection, title_with_hint
from tui.work_labels import action_category, action_source, action_status, nobody, recurrence


def action_fields(current_source: str = "") -> list[FormField]:
    known_source = current_source in ("", *ACTION_SOURCES)
    source = (
        FormField(
            "source",
            tr("来源", "Source"),
            "choice",
            [(s, action_source(s)) for s in ACTION_SOURCES],
        )
        if known_source
        else FormField("source", tr("来源", "Source"))
    )
    return [
        FormField("title", tr("整改事项", "Action")),
        FormField(
            "category",
            tr("类别", "Category"),
            "choice",
            [(c, action_category(c)) for c in ACTION_CATEGORIES],
        ),
        source,
        FormField("origin", tr("出处 (如 报告问题三、某月清查)", "Origin (e.g. report problem 3)")),
        FormField("owner", tr("责任人", "Owner")),
        FormField("unit", tr("责任单位", "Unit")),
        FormField("due", tr("完成期限", "Due"), "date"),
        FormField(
            "recurrence",
            tr("重复", "Recurs"),
            "choice",
            [(r, recurrence(r)) for r in RECURRENCES if r],
        ),
        FormField("evidence", tr("佐证材料 (说明或文件路径)", "Evidence (note or file path)")),
    ]


class ActionsSection(WorkSection):
    SECTION_ID = "actions"
    BINDINGS = [
        Binding("a", "add", tr("新增", "Add")),
        Binding("e", "edit", tr("修改", "Edit")),
        Binding("n", "note", tr("进展", "Note")),
        Binding("c", "close", tr("完成", "Close")),
        Binding("v", "verify", tr("核实", "Verify")),
        Binding("x", "cancel_action", tr("取消事项", "Cancel action"), show=False),
        Binding("s", "sort", tr("排序", "Sort")),
    ]

    @classmethod
    def title(cls) -> str:
        return tr("整改事项", "Actions")

    @classmethod
    def help_text(cls) -> str:
        return tr(
            "整改事项台账: 报告指出的问题、月度清查发现的问题和上级通知要求整改的事项, "
            "每项有责任人、期限和进展。a 新增, e 修改, n 记录进展, c 完成 (须写完成说明), "
            "v 核实 (完成后由他人核实), x 取消, 回车 查看详情。每月/每季度/每年重复的事项完成后自动生成下一期。"
            "顶部可按状态、文字 (责任人/单位/类别) 和逾期筛选; 点表头或按 s 排序。",
            "Improvement actions from the report's problems, monthly checks and supervisors' "
            "notices, each with an owner, a due date and progress notes. a add, e edit, n note, "
            "c close (needs a note), v verify (a separate step), x cancel, Enter details. A "
            "recurring action creates its next round when closed. Filter at the top; sort by "
            "clicking a header or pressing s.",
        )

    def compose(self) -> ComposeResult:
        yield title_with_hint(self.title())
        yield Static("", id="actions-summary")
        yield self.message_line()
        yield RecordTable(
            [
                Column("status", tr("状态", "Status")),
                Column("late", tr("逾期", "Late")),
                Column("owner", tr("责任人", "Owner")),
                Column("unit", tr("单位", "Unit")),
                Column("due", tr("期限", "Due")),
                Column("title", tr("整改事项", "Action")),
                Column("category", tr("类别", "Category")),
            ],
            [(s, action_status(s)) for s in ACTION_STATUSES],
            sort="late",
            reverse=True,
            empty=tr(
                "还没有整改事项。按 a 新增 (例如报告中的“信息联络员岗位责任制未落实”)。",
                "No actions yet. Press a to add one.",
            ),
            id="actions-table",
        )

    @property
    def records(self) -> RecordTable:
        return self.query_one("#actions-table", RecordTable)

    def reload(self) -> None:
        today = self.ws.clock.today()
        self._actions = {str(a.id): a for a in self.ws.store.all(Action)}
        rows = []
        for key, a in self._actions.items():
            late = a.days_overdue(today)
            rows.append(
                Row(
                    key=key,
                    cells={
                        "status": action_status(a.status),
                        "late": tr(f"{late} 天", f"{late} d") if late else "",
                        "title": a.title,
                        "owner": a.owner or nobody(),
                        "unit": a.unit,
                        "due": a.due.isoformat() if a.due else "",
                        "category": action_category(a.category),
                    },
                    sort={
                        "late": late if a.is_open else -1,
                        "status": ACTION_STATUSES.index(a.status),
                    },
                    status=a.status,
                    search=" ".join(
                        (a.title, a.owner, a.unit, action_category(a.category), a.origin)
                    ),
                    overdue=bool(late),
                    style="bold red" if late else ("dim" if not a.is_open else ""),
                )
            )
        self.records.set_rows(rows)
        open_count = sum(1 for a in self._actions.values() if a.is_open)
        late_count = sum(1 for a in self._actions.values() if a.days_overdue(today))
        waiting = sum(1 for a in self._actions.values() if a.status == "done")
        self.query_one("#actions-summary", Static).update(
            tr(
                f"未完成 {open_count} 项, 其中逾期 {late_count} 项; 已完成待核实 {waiting} 项",
                f"{open_count} open, {late_count} overdue; {waiting} awaiting verification",
            )
        )
        self.focus_table(self.records)

    # ------------------------------------------------------------ helpers

    def selected(self) -> Action | None:
        key = self.records.current_key
        action = self._actions.get(key) if key else None
        if action is None:
            self.say(tr("先在表中选中一项整改事项", "select an action first"), error=True)
        return action

    # ------------------------------------------------------------ moves

    def action_sort(self) -> None:
        self.records.cycle_sort()

    def action_add(self) -> None:
        today = self.ws.clock.today()

        def save(record: Action | None) -> None:
            if record is not None:
                record.created_on = record.created_on or today
                if self.write(
                    lambda: self.ws.store.insert(record),
                    tr(f"已新增: {record.title}", f"added: {record.title}"),
                ):
                    self.records.select(str(record.id))  # the next n / c acts on this one

        self.app.push_screen(
            RecordForm(
                tr("新增整改事项", "New action"),
                Action,
                action_fields(),
                {"category": "other", "recurrence": "none", "created_on": today.isoformat()},
            ),
            save,
        )

    def action_edit(self) -> None:
        action = self.selected()
        if action is None:
            return

        def save(record: Action | None) -> None:
            if record is not None:
                self.write(
                    lambda: self.ws.store.update(record),
                    tr(f"已保存: {record.title}", f"saved: {record.title}"),
                )

        self.app.push_screen(
            RecordForm(
                tr(f"修改整改事项 #{action.id}", f"Edit action #{action.id}"),
                Action,
                action_fields(action.source),
                action.to_doc(),
                record_id=action.id,
            ),
            save,
        )

    def action_note(self) -> None:
        action = self.selected()
        if action is None:
            return

        def save(note: ProgressNote | None) -> None:
            if note is not None:
                self.write(
                    lambda: self.ws.store.update(action.with_note(note)),
                    tr("已记录进展", "progress noted"),
                )

        self.app.push_screen(
            RecordForm(
                tr(f"记录进展: {action.title}", f"Progress: {action.title}"),
                ProgressNote,
                [
                    FormField("date", tr("日期", "Date"), "date"),
                    FormField("text", tr("进展情况", "What was done"), "textarea"),
                ],
                {"date": self.ws.clock.today().isoformat()},
                side=self._notes_text(action),
            ),
            save,
        )

    def action_close(self) -> None:
        action = self.selected()
        if action is None:
            return
        if not action.is_open:
            self.say(
                tr("该事项已不在进行中, 无需完成", "this action is not open"),
                error=True,
            )
            return

        def save(note: ProgressNote | None) -> None:
            if note is None:
                return
            following: list[Action] = []

            def change() -> None:
                _, nxt = close_action(self.ws.store, action, note.text, note.date)
                following.extend([nxt] if nxt else [])

            done = tr(f"已完成: {action.title}", f"closed: {action.title}")
            if self.write(change, done) and following:
                self.say(
                    tr(
                        f"已完成, 并生成下一期 (期限 {following[0].due})",
                        f"closed; next round due {following[0].due}",
                    )
                )

        self.app.push_screen(
            RecordForm(
                tr(f"完成: {action.title}", f"Close: {action.title}"),
                ProgressNote,
                [
                    FormField("date", tr("完成日期", "Closed on"), "date"),
                    FormField("text", tr("完成说明 (必填)", "Closing note (required)"), "textarea"),
                ],
                {"date": self.ws.clock.today().isoformat()},
                side=self._notes_text(action),
            ),
            save,
        )

    def action_verify(self) -> None:
        action = self.selected()
        if action is None:
            return
        if action.status != "done":
            self.say(
                tr(
                    "只有已完成的事项可以核实; 先按 c 完成",
                    "only a done action can be verified; close it with c first",
                ),
                error=True,
            )
            return

        def save(check: Verification | None) -> None:
            if check is not None:
                self.write(
                    lambda: self.ws.store.update(action.verified(check.by, check.date)),
                    tr(f"已核实: {action.title}", f"verified: {action.title}"),
                )

        self.app.push_screen(
            RecordForm(
                tr(f"核实: {action.title}", f"Verify: {action.title}"),
                Verification,
                [
                    FormField("by", tr("核实人", "Verified by")),
                    FormField("date", tr("核实日期", "Date"), "date"),
                ],
                {"date": self.ws.clock.today().isoformat()},
                side=tr(f"完成说明: {action.close_note}", f"Closing note: {action.close_note}"),
            ),
            save,
        )

    def action_cancel_action(self) -> None:
        action = self.selected()
        if action is None:
            return
        if not action.is_open:
            self.say(
                tr("只有未完成的事项可以取消", "only an open action can be cancelled"), error=True
            )
            return

        def save(note: ProgressNote | None) -> None:
            if note is not None:
                self.write(
                    lambda: self.ws.store.update(action.cancelled(note.text, note.date)),
                    tr(f"已取消: {action.title}", f"cancelled: {action.title}"),
                )

        self.app.push_screen(
            RecordForm(
                tr(f"取消: {action.title}", f"Cancel: {action.title}"),
                ProgressNote,
                [
                    FormField("date", tr("日期", "Date"), "date"),
                    FormField("text", tr("取消原因 (必填)", "Reason (required)"), "textarea"),
                ],
                {"date": self.ws.clock.today().isoformat()},
            ),
            save,
        )

    # ------------------------------------------------------------ details

    def _notes_text(self, action: Action) -> str:
        if not action.notes:
            return tr("还没有进展记录", "No progress notes yet")
        return "\n".join(f"{n.get('date', '')} {n.get('text', '')}" for n in action.notes)

    @on(DataTable.RowSelected)
    def _details(self, event: DataTable.RowSelected) -> None:
        action = self._actions.get(str(event.row_key.value))
        if action is None:
            return
        today = self.ws.clock.today()
        late = action.days_overdue(today)
        lines = [
            (tr("状态", "Status"), action_status(action.status)),
            (tr("类别", "Category"), action_category(action.category)),
            (tr("来源", "Source"), action_source(action.source)),
            (tr("出处", "Origin"), action.origin),
            (tr("责任人", "Owner"), action.owner or nobody()),
            (tr("责任单位", "Unit"), action.unit),
            (tr("期限", "Due"), str(action.due or "")),
            (tr("逾期", "Overdue"), tr(f"{late} 天", f"{late} days") if late else ""),
            (tr("重复", "Recurs"), recurrence(action.recurrence)),
            (tr("佐证材料", "Evidence"), action.evidence),
            (tr("新增日期", "Created"), str(action.created_on or "")),
            (tr("完成日期", "Closed"), str(action.closed_on or "")),
            (tr("完成说明", "Closing note"), action.close_note),
            (tr("核实", "Verified"), f"{action.verified_on or ''} {action.verified_by}".strip()),
            (tr("依据", "Rule"), str(rule_for(action.category))),
        ]
        footer = tr("进展:\n", "Progress:\n") + self._notes_text(action)
        self.app.push_screen(DetailScreen(action.title, lines, footer))
