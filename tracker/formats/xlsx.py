"""xlsx for Excel and WPS users: one sheet per part, Chinese headers, column widths sized to the
text, frozen header rows, dates as real date cells.

Text from outside (page titles, people's notes) that starts with = + - @ or a tab/CR would run as
a formula when the file is opened or a cell is edited; such cells are written as text with
Excel's quote prefix, so they stay text.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tracker.formats import atomic_output
from tracker.formats.document import Cell, Document, Paragraph, Table, display_width

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
WIDTH_SAMPLE_ROWS = 500
MAX_WIDTH = 60
TITLE_FONT = Font(bold=True, size=13)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def sheet_name(title: str, taken: set[str]) -> str:
    base = SHEET_BAD.sub(" ", title).strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _set(ws: Any, row: int, col: int, value: Cell) -> Any:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.value = value
        cell.data_type = "s"  # never a formula
        cell.quotePrefix = True  # and stays text when someone edits the cell
    elif isinstance(value, dt.datetime):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, bool):
        cell.value = "是" if value else "否"
    else:
        cell.value = value
    return cell


def _width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return max((display_width(line) for line in str(value).split("\n")), default=0)


def _write_part_blocks(ws: Any, title: str, blocks: list[Paragraph | Table]) -> None:
    widths: dict[int, int] = {}
    _set(ws, 1, 1, title).font = TITLE_FONT
    row = 2
    frozen = False
    for block in blocks:
        if isinstance(block, Paragraph):
            cell = _set(ws, row, 1, block.text)
            if block.warning:
                cell.font = Font(bold=True, color="C00000")
            row += 1
            continue
        if block.title:
            _set(ws, row, 1, block.title).font = HEADER_FONT
            row += 1
        for header in block.header:
            for c, text in enumerate(header, 1):
                cell = _set(ws, row, c, text)
                cell.font = HEADER_FONT
                cell.fill = HEADER_FILL
                cell.alignment = WRAP
                widths[c] = max(widths.get(c, 0), min(_width(text), 30))
            row += 1
        if not frozen:  # the first table's header stays in view while scrolling
            ws.freeze_panes = ws.cell(row=row, column=1).coordinate
            frozen = True
        for i, values in enumerate(block.rows):
            for c, value in enumerate(values, 1):
                _set(ws, row, c, value)
                if i < WIDTH_SAMPLE_ROWS:
                    w = _width(value)
                    if w > widths.get(c, 0):
                        widths[c] = w
            row += 1
        row += 1
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = min(max(w + 2, 8), MAX_WIDTH)


def write_xlsx(doc: Document, path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    if doc.preface:
        ws = wb.create_sheet(sheet_name("说明", taken))
        _write_part_blocks(ws, doc.title, list(doc.preface))
    for part in doc.parts:
        ws = wb.create_sheet(sheet_name(part.sheet or part.title, taken))
        _write_part_blocks(ws, part.title, part.blocks)
    if not wb.worksheets:
        wb.create_sheet(sheet_name(doc.title, taken))
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return path
