"""The monthly review's two pop-ups: a platform's last 12 months, and a check's change history."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Sparkline, Static

from tracker.config import Section as PlatformConfig
from tracker.i18n import tr
from tracker.records import MonthlyCheck
from tracker.records.platform_checks import figures_for, kind_label, problem_label, shift_month
from tui.change_log import change_lines
from tui.monthly_form import field_labels, figure_short_labels, problems_text
from tui.safe import literal

TREND_MONTHS = 12


class TrendScreen(ModalScreen[None]):
    """A platform's last 12 months: sparklines of volume and followers, then the figures."""

    BINDINGS = [
        Binding("escape", "close", tr("关闭", "Close")),
        Binding("t", "close", show=False),
    ]
    DEFAULT_CSS = """
    TrendScreen { align: center middle; }
    TrendScreen > #trend-box {
        width: 96%; max-width: 100; height: 94%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    TrendScreen #trend-title { text-style: bold; color: $accent; }
    TrendScreen .trend-row { height: 2; }
    TrendScreen .trend-label { width: 22; }
    TrendScreen Sparkline { width: 1fr; height: 2; }
    TrendScreen #trend-table { height: 1fr; }
    """

    def __init__(self, platform: PlatformConfig, checks: list[MonthlyCheck], month: str) -> None:
        super().__init__()
        self.platform = platform
        self.month = month
        self.months = [shift_month(month, -n) for n in range(TREND_MONTHS - 1, -1, -1)]
        by_month = {c.month: c for c in checks if c.platform == platform.id}
        self.checks = [by_month.get(m) for m in self.months]

    def series(self, figure: str) -> list[int | None]:
        return [getattr(c, figure) if c else None for c in self.checks]

    def compose(self) -> ComposeResult:
        labels = field_labels()
        figures = figures_for(self.platform.kind)
        with Vertical(id="trend-box"):
            title = tr(
                f"{self.platform.name} ({kind_label(self.platform.kind)}) "
                f"{self.months[0]} 至 {self.month}",
                f"{self.platform.name} ({kind_label(self.platform.kind)}) "
                f"{self.months[0]} to {self.month}",
            )
            yield Static(literal(title), id="trend-title")
            for figure in ("volume", "followers"):
                if figure not in figures:
                    continue
                known = [v for v in self.series(figure) if v is not None]
                span = f"{min(known)}-{max(known)}" if known else tr("无数据", "no data")
                with Horizontal(classes="trend-row"):
                    yield Static(literal(f"{labels[figure]} {span}"), classes="trend-label")
                    yield Sparkline(
                        [float(v or 0) for v in self.series(figure)], id=f"trend-{figure}"
                    )
            table: DataTable[Any] = DataTable(id="trend-table", cursor_type="row")
            yield table
            yield Static(
                tr(
                    "未录入的月份按 0 画出。Esc 关闭",
                    "Months not recorded are drawn as 0. Esc closes",
                ),
                classes="note",
            )

    def on_mount(self) -> None:
        labels = field_labels()
        figures = figures_for(self.platform.kind)
        table = self.query_one("#trend-table", DataTable)
        table.add_column(labels["month"], key="month")
        for figure in figures:
            table.add_column(figure_short_labels()[figure], key=figure)
        table.add_column(tr("最近更新", "Last update"), key="last_update")
        table.add_column(tr("问题", "Problems"), key="problems")
        for month, check in zip(reversed(self.months), reversed(self.checks), strict=True):
            cells = [literal(month)]
            for figure in figures:
                value = getattr(check, figure) if check else None
                cells.append(literal("-" if value is None else value))
            cells.append(literal(check.last_update if check and check.last_update else "-"))
            cells.append(literal(problems_text(check) if check else tr("未录入", "missing")))
            table.add_row(*cells, key=month)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)


class HistoryScreen(ModalScreen[None]):
    """Who changed a check, when, and each field's old and new value."""

    BINDINGS = [
        Binding("escape", "close", tr("关闭", "Close")),
        Binding("h", "close", show=False),
    ]
    DEFAULT_CSS = """
    HistoryScreen { align: center middle; }
    HistoryScreen > #history-box {
        width: 90%; max-width: 100; height: 80%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HistoryScreen #history-title { text-style: bold; color: $accent; }
    """

    def __init__(self, title: str, entries: list[dict[str, Any]]) -> None:
        super().__init__()
        self.heading = title
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(id="history-box"):
            yield Static(literal(self.heading), id="history-title")
            with VerticalScroll():
                yield Static(literal(self.text()), id="history-text")
            yield Static(tr("Esc 关闭", "Esc closes"), classes="note")

    def text(self) -> str:
        if not self.entries:
            return tr(
                "还没有修改记录 (第一次保存不算修改)。",
                "No changes yet (the first save is not a change).",
            )
        problems = {"problems": lambda v: [problem_label(p) for p in v or []]}
        return "\n".join(change_lines(self.entries, field_labels(), problems))

    def action_close(self) -> None:
        self.dismiss(None)
