"""A table of records with a filter bar on top: status, free text (owner, unit, category, title)
and overdue only; sorted by clicking a header or pressing ``s`` to move to the next column.

The section builds the rows (display cells plus the values to sort and filter by); this widget
only filters, sorts and shows them, so every register in the app behaves the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, DataTable, Input, Select, Static

from tracker.i18n import tr
from tui.safe import literal


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass
class Row:
    """One record as the table shows it."""

    key: str
    cells: dict[str, Any]
    """Column key → what is shown (text; outside text is shown literally)."""
    sort: dict[str, Any] = field(default_factory=dict)
    """Column key → the value to sort by, when it differs from the text (dates, numbers)."""
    status: str = ""
    search: str = ""
    """Text the filter box matches: owner, liaison, unit, category, title."""
    overdue: bool = False
    style: str = ""


def _sort_value(row: Row, column: str) -> tuple[int, Any]:
    value = row.sort.get(column, row.cells.get(column))
    if value is None or value == "":
        return (1, "")  # empty values last, whichever way
    if isinstance(value, Text):
        value = value.plain
    return (0, value)


class RecordTable(Vertical):
    """Filter bar + DataTable. ``statuses`` are (code, label) for the status filter."""

    BINDINGS = [
        Binding("slash", "filter", tr("筛选", "Filter")),
        Binding("escape", "leave_filter", tr("回到表格", "Back to the table"), show=False),
    ]

    DEFAULT_CSS = """
    RecordTable { height: 1fr; }
    RecordTable .filter-bar { height: 3; dock: top; }
    RecordTable .filter-status { width: 18; }
    RecordTable .filter-text { width: 1fr; }
    RecordTable .filter-overdue { width: auto; }
    RecordTable DataTable { height: 1fr; }
    RecordTable .table-empty { color: $text-muted; padding: 1 0; }
    """

    def __init__(
        self,
        columns: Sequence[Column],
        statuses: Sequence[tuple[str, str]] = (),
        *,
        sort: str | None = None,
        reverse: bool = False,
        overdue_filter: bool = True,
        empty: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self.statuses = list(statuses)
        self.sort_column = sort or self.columns[0].key
        self.sort_reverse = reverse
        self.overdue_filter = overdue_filter
        self.empty_text = empty
        self.rows: list[Row] = []
        self.shown: list[Row] = []

    def compose(self) -> ComposeResult:
        # The table comes first so Tab from the navigation lands in it; the filter bar is
        # docked on top (press / to reach it, Enter to come back).
        table: DataTable[Any] = DataTable(cursor_type="row", zebra_stripes=True)
        yield table
        with Horizontal(classes="filter-bar"):
            if self.statuses:
                yield Select(
                    [(label, code) for code, label in self.statuses],
                    prompt=tr("全部状态", "Any status"),
                    classes="filter-status",
                )
            yield Input(
                placeholder=tr("筛选: 责任人/单位/类别/标题", "Filter: owner/unit/category/title"),
                classes="filter-text",
            )
            if self.overdue_filter:
                yield Checkbox(tr("只看逾期", "Overdue only"), classes="filter-overdue")
        yield Static(literal(self.empty_text), classes="table-empty")

    def on_mount(self) -> None:
        table = self.table
        for column in self.columns:
            table.add_column(column.label, key=column.key)
        self.refresh_rows()

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one(DataTable)

    # ------------------------------------------------------------ filtering and sorting

    def set_rows(self, rows: list[Row]) -> None:
        self.rows = rows
        if self.is_mounted:
            self.refresh_rows()

    def _filters(self) -> tuple[str | None, list[str], bool]:
        status: str | None = None
        if self.statuses:
            value = self.query_one(".filter-status", Select).value
            status = None if value in (Select.NULL, None) else str(value)
        words = self.query_one(".filter-text", Input).value.lower().split()
        overdue = self.overdue_filter and self.query_one(".filter-overdue", Checkbox).value
        return status, words, overdue

    def select(self, key: str) -> None:
        """Put the cursor on a record (e.g. the one just added), if the filters show it."""
        index = next((i for i, r in enumerate(self.shown) if r.key == key), None)
        if index is not None:
            self.table.move_cursor(row=index)

    def refresh_rows(self) -> None:
        """Apply filters and sort, and fill the table (keeping the cursor on the same record)."""
        status, words, overdue = self._filters()
        shown = [
            r
            for r in self.rows
            if (status is None or r.status == status)
            and (not overdue or r.overdue)
            and all(w in r.search.lower() for w in words)
        ]
        column = self.sort_column
        present = [r for r in shown if _sort_value(r, column)[0] == 0]
        blank = [r for r in shown if _sort_value(r, column)[0] == 1]
        present.sort(key=lambda r: _sort_value(r, column)[1], reverse=self.sort_reverse)
        self.shown = present + blank
        table = self.table
        keep = self.current_key
        with self.app.batch_update():
            table.clear()
            for row in self.shown:
                table.add_row(
                    *[self._cell(row, c.key) for c in self.columns],
                    key=row.key,
                )
            if keep is not None:
                index = next((i for i, r in enumerate(self.shown) if r.key == keep), None)
                if index is not None:
                    table.move_cursor(row=index)
        self._mark_sorted_header()
        empty = self.query_one(".table-empty", Static)
        empty.display = not self.shown
        table.display = bool(self.shown)
        if not self.shown and self.rows:
            empty.update(tr("没有符合筛选条件的记录", "Nothing matches the filter"))
        else:
            empty.update(literal(self.empty_text))

    def _cell(self, row: Row, key: str) -> Text:
        value = row.cells.get(key, "")
        if isinstance(value, Text):
            return value
        return literal(value, row.style)

    def _mark_sorted_header(self) -> None:
        table = self.table
        for column in self.columns:
            arrow = (" v" if self.sort_reverse else " ^") if column.key == self.sort_column else ""
            table.columns[column.key].label = Text(column.label + arrow)  # type: ignore[index]
        table.refresh()

    def sort_by(self, column: str) -> None:
        """Sort by a column; choosing the sorted column again reverses it."""
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.refresh_rows()

    def cycle_sort(self) -> None:
        """``s``: sort by the next column."""
        keys = [c.key for c in self.columns]
        index = (keys.index(self.sort_column) + 1) % len(keys)
        self.sort_column, self.sort_reverse = keys[index], False
        self.refresh_rows()

    @property
    def current_key(self) -> str | None:
        """The record key under the cursor (None when the table is empty)."""
        table = self.table
        if not table.row_count:
            return None
        try:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        except Exception:
            return None
        return None if row_key.value is None else str(row_key.value)

    # ------------------------------------------------------------ events

    def action_filter(self) -> None:
        self.query_one(".filter-text", Input).focus()

    def action_leave_filter(self) -> None:
        """Esc in the filter bar: back to the table, keeping the filter as typed."""
        self.table.focus()

    @on(Input.Submitted)
    def _back_to_table(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(str(event.column_key.value))

    @on(Select.Changed)
    @on(Input.Changed)
    @on(Checkbox.Changed)
    def _filter_changed(self, event: Any) -> None:
        event.stop()
        self.refresh_rows()
