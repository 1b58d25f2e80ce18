"""月度清查: walk every platform of a month with a form, beside last month's figures.

The rules (what counts as a veto, a drop, a late check) live in checks/rules/platform_checks.py;
this section only shows the month, edits checks and turns a problem into an improvement action.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from checks.rules.platform_checks import check_is_veto, month_summary, web_item_dates
from tracker.config import Section as PlatformConfig
from tracker.errors import GongkaiError
from tracker.i18n import tr
from tracker.records import Action, MonthlyCheck
from tracker.records.platform_checks import (
    figures_for,
    kind_label,
    previous_month,
    shift_month,
)
from tui.forms import RecordForm
from tui.monthly_form import (
    figure_short_labels,
    form_fields,
    form_values,
    problems_text,
    side_text,
)
from tui.monthly_screens import HistoryScreen, TrendScreen
from tui.safe import literal
from tui.sections.base import Section

NAME_CELLS = 18
"""Platform names are cut to at least this many cells, so the table fits 80 columns..."""
OTHER_COLUMNS_CELLS = 62
"""...and given what the other columns leave on a wider terminal."""
GROUP_KEY = "group:"
PLATFORM_KEY = "platform:"


def crop(text: str, cells: int) -> str:
    """Cut to a number of terminal cells (a Chinese character is two), without an ellipsis."""
    out = ""
    for char in text:
        if cell_len(out + char) > cells:
            break
        out += char
    return out


class MonthlySection(Section):
    SECTION_ID = "monthly"
    BINDINGS = [
        Binding("left_square_bracket", "month(-1)", tr("上月", "Prev month"), key_display="["),
        Binding("right_square_bracket", "month(1)", tr("下月", "Next month"), key_display="]"),
        Binding("t", "trend", tr("趋势", "Trend")),
        Binding("a", "make_action", tr("转整改", "To action")),
        Binding("h", "history", tr("修改记录", "History")),
        Binding("n", "move(1)", tr("下一个平台", "next platform"), show=False),
        Binding("p", "move(-1)", tr("上一个平台", "previous platform"), show=False),
    ]
    DEFAULT_CSS = """
    MonthlySection #monthly-month { height: 1; }
    MonthlySection #monthly-table { height: 1fr; }
    MonthlySection #monthly-summary { height: 1; text-style: bold; }
    MonthlySection #monthly-message { height: 1; color: $text-muted; }
    """

    @classmethod
    def title(cls) -> str:
        return tr("月度清查", "Monthly checks")

    @classmethod
    def help_text(cls) -> str:
        return tr(
            "每月逐个平台清查: 选中一行按回车填写 (只问适用于该平台的项目, 右侧显示上月数字), "
            "Ctrl+S 保存后自动转到下一个平台。[ 和 ] 切换月份 (默认上个月), n/p 下一个/上一个平台, "
            "t 看近 12 个月趋势, h 看修改记录, a 把该平台本月发现的问题转为整改事项。"
            "表中“上月”一列依次是 发布/关注/点击; “否决”表示清查时已超过 14 天未更新。",
            "Check every platform each month: Enter on a row opens its form (only the fields that "
            "apply, last month's figures beside it); Ctrl+S saves and moves to the next platform. "
            "[ and ] change the month (default: last month), n/p next/previous platform, t shows "
            "the last 12 months, h the change history, a turns the problem found into an action. "
            "The 'Prev' column is items/followers/clicks; 'veto' means over 14 days without an "
            "update at the check.",
        )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.month = ""
        self.checks: dict[tuple[str, str], MonthlyCheck] = {}
        self._ready = False

    def compose(self) -> ComposeResult:
        yield Static(self.title(), classes="section-title")
        yield Static("", id="monthly-month")
        yield DataTable(id="monthly-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="monthly-summary")
        yield Static("", id="monthly-message")

    def on_mount(self) -> None:
        self.month = previous_month(self.ws.clock.today())
        short = figure_short_labels()
        table = self.query_one("#monthly-table", DataTable)
        table.add_column(tr("平台", "Platform"), key="name")
        table.add_column(tr("状态", "Status"), key="status")
        for figure in ("volume", "followers", "clicks"):
            table.add_column(short[figure], key=figure)
        table.add_column(tr("上月", "Prev"), key="previous")
        table.add_column(tr("问题", "Problems"), key="problems")
        table.add_column(tr("类型", "Kind"), key="kind")
        self._ready = True  # the app calls reload() once the section is shown

    # ------------------------------------------------------------ reading

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#monthly-table", DataTable)

    def _name_cells(self) -> int:
        return max(NAME_CELLS, self.size.width - OTHER_COLUMNS_CELLS)

    def on_resize(self) -> None:
        if self._ready and self._name_cells() != getattr(self, "_shown_cells", None):
            self._shown_cells = self._name_cells()
            self.reload()

    def reload(self) -> None:
        if not self._ready:
            return
        try:
            checks = self.ws.store.all(MonthlyCheck)
        except GongkaiError as error:
            self._say(str(error), error=True)
            return
        self.checks = {(c.platform, c.month): c for c in checks}
        self._fill(checks)

    def _groups(self) -> list[tuple[str, list[PlatformConfig]]]:
        groups: dict[str, list[PlatformConfig]] = {}
        for platform in self.ws.config.platforms:
            groups.setdefault(platform.group or "", []).append(platform)
        ungrouped = groups.pop("", [])
        ordered = [("", ungrouped)] if ungrouped else []
        return ordered + list(groups.items())

    def _fill(self, checks: list[MonthlyCheck]) -> None:
        table = self.table
        selected = self.selected_platform_id()
        previous = shift_month(self.month, -1)
        groups = self._groups()
        show_groups = len(groups) > 1
        with self.app.batch_update():
            table.clear()
            for group, platforms in groups:
                if show_groups:
                    label = group or tr("未分组", "Ungrouped")
                    table.add_row(literal(label, "bold"), *[""] * 7, key=GROUP_KEY + group)
                for p in platforms:
                    table.add_row(*self._cells(p, previous), key=PLATFORM_KEY + p.id)
        self.query_one("#monthly-month", Static).update(
            literal(
                tr(
                    f"月份 {self.month}  ([ 上月  ] 下月)  回车: 填写",
                    f"Month {self.month}  ([ prev  ] next)  Enter: fill in",
                )
            )
        )
        summary = month_summary(self.ws.config, checks, self.month)
        self.query_one("#monthly-summary", Static).update(
            literal(
                tr(
                    f"已查 {summary.checked}/{summary.total}  发现问题 {summary.problems}  "
                    f"单项否决 {summary.vetoes}",
                    f"Checked {summary.checked} of {summary.total}  problems {summary.problems}  "
                    f"vetoes {summary.vetoes}",
                ),
                "bold red" if summary.vetoes else "",
            )
        )
        ids = self._platform_ids()
        self.select_platform(selected or (ids[0] if ids else None))

    def _cells(self, p: PlatformConfig, previous_month_: str) -> list[Text]:
        check = self.checks.get((p.id, self.month))
        before = self.checks.get((p.id, previous_month_))
        applies = figures_for(p.kind)

        def figure(c: MonthlyCheck | None, name: str) -> str:
            if name not in applies or c is None:
                return ""
            value = getattr(c, name) if c else None
            return "-" if value is None else str(value)

        if check is None:
            status = literal(tr("未录入", "missing"), "yellow")
        else:
            status = literal(tr("已录入", "done"), "green")
        problems = problems_text(check) if check else ""
        if check and check_is_veto(self.ws.config, check):
            problems = tr("否决 ", "veto ") + problems
        prev = "/".join(figure(before, f) for f in applies) if before else ""
        return [
            literal(crop(p.name, self._name_cells())),
            status,
            *[literal(figure(check, f)) for f in ("volume", "followers", "clicks")],
            literal(prev),
            literal(crop(problems, 24), "red" if problems else ""),
            literal(kind_label(p.kind)),
        ]

    # ------------------------------------------------------------ selection

    def _platform_ids(self) -> list[str]:
        return [p.id for _, platforms in self._groups() for p in platforms]

    def selected_platform_id(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value or ""
        except CellDoesNotExist:
            return None
        return key.removeprefix(PLATFORM_KEY) if key.startswith(PLATFORM_KEY) else None

    def select_platform(self, platform_id: str | None) -> None:
        if platform_id is None:
            return
        try:
            self.table.move_cursor(row=self.table.get_row_index(PLATFORM_KEY + platform_id))
        except RowDoesNotExist:
            return

    def selected(self) -> tuple[PlatformConfig, MonthlyCheck | None] | None:
        platform_id = self.selected_platform_id()
        platform = self.ws.config.platform(platform_id) if platform_id else None
        if platform is None:
            return None
        return platform, self.checks.get((platform.id, self.month))

    def action_move(self, step: int) -> None:
        ids = self._platform_ids()
        if not ids:
            return
        current = self.selected_platform_id()
        index = ids.index(current) if current in ids else -step
        self.select_platform(ids[max(0, min(len(ids) - 1, index + step))])

    def action_month(self, step: int) -> None:
        self.month = shift_month(self.month, step)
        self._say("")
        self.reload()

    # ------------------------------------------------------------ editing

    @on(DataTable.RowSelected, "#monthly-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        self.open_form()

    def open_form(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        platform, check = chosen
        ws = self.ws
        before_month = shift_month(self.month, -1)
        seen = web_item_dates(ws.config, ws.store.raw("web_items").values()).get(platform.id)
        form: RecordForm[MonthlyCheck] = RecordForm(
            tr(
                f"清查 {platform.name} {self.month}",
                f"Check {platform.name} {self.month}",
            ),
            MonthlyCheck,
            form_fields(platform.kind),
            form_values(platform, check, ws.config.office.user, ws.clock.today()),
            fixed={"platform": platform.id, "month": self.month},
            side=side_text(
                platform, self.checks.get((platform.id, before_month)), before_month, seen
            ),
            record_id=check.id if check else None,
        )
        self.app.push_screen(form, self._saved)

    def _saved(self, record: MonthlyCheck | None) -> None:
        if record is None:
            return
        try:
            self.ws.store.upsert(record, "platform", "month", who=self.ws.config.office.user)
        except GongkaiError as error:
            self._say(str(error), error=True)
            return
        platform = self.ws.config.platform(record.platform)
        name = platform.name if platform else record.platform
        self.gongkai.data_changed()
        self.select_platform(record.platform)
        self.action_move(1)
        self._say(tr(f"已保存 {name} {record.month}", f"Saved {name} {record.month}"))

    def action_make_action(self) -> None:
        """Turn the selected check's problem into an improvement action (整改事项)."""
        chosen = self.selected()
        if chosen is None:
            return
        platform, check = chosen
        if check is None or check.id is None or not check.has_problem:
            self._say(
                tr(
                    "该平台本月没有记录问题; 先按回车填写发现的问题",
                    "No problem recorded for this platform this month; press Enter to add one",
                ),
                error=True,
            )
            return
        origin = f"monthly_checks:{check.id}"
        try:
            if self.ws.store.find(Action, origin=origin):
                self._say(tr("该问题已转为整改事项", "This problem is already an action"))
                return
            what = problems_text(check)
            title = f"{platform.name} {check.month}: {what}"
            if check.measure:
                title += tr(f" (整改: {check.measure})", f" (measure: {check.measure})")
            action = self.ws.store.insert(
                Action(
                    title=title,
                    category="timeliness" if "not_timely" in check.problems else "other",
                    source="monthly_check",
                    origin=origin,
                    owner=check.measure_owner,
                    due=check.measure_due,
                    created_on=self.ws.clock.today(),
                )
            )
        except GongkaiError as error:
            self._say(str(error), error=True)
            return
        self.gongkai.data_changed()
        self._say(tr(f"已生成整改事项 #{action.id}", f"Created action #{action.id}"))

    def action_history(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        platform, check = chosen
        if check is None or check.id is None:
            self._say(tr("该平台本月未录入", "Not recorded for this month"), error=True)
            return
        entries = self.ws.store.history(MonthlyCheck, check.id)
        self.app.push_screen(
            HistoryScreen(
                tr(
                    f"修改记录 {platform.name} {self.month}",
                    f"History {platform.name} {self.month}",
                ),
                entries,
            )
        )

    def action_trend(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        platform, _ = chosen
        self.app.push_screen(TrendScreen(platform, list(self.checks.values()), self.month))

    def _say(self, message: str, error: bool = False) -> None:
        self.query_one("#monthly-message", Static).update(literal(message, "red" if error else ""))
        if message:
            self.app.notify(message, markup=False, severity="error" if error else "information")
