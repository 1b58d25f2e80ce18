"""docx: a readable report in Word/WPS — title, headings, paragraphs, bordered tables with bold
header rows, and a Chinese font for East Asian text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from tracker.formats import atomic_output
from tracker.formats.document import Cell, Document, Paragraph, Table, cell_text, display_width

EAST_ASIAN_FONT = "宋体"
HEADING_FONT = "黑体"


def _east_asian(style: Any, name: str) -> None:
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def _paragraph(out: Any, p: Paragraph) -> None:
    para = out.add_paragraph()
    run = para.add_run(p.text)
    if p.warning:
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def _column_widths(table: Table, width: int, usable: int) -> list[int]:
    """Widths (EMU) in proportion to each column's text, so labels get room and numbers don't."""
    weights = [6] * width
    rows: list[list[Cell]] = [list[Cell](r) for r in table.header]
    rows += table.rows[:50]
    for row in rows:
        for c, value in enumerate(row[:width]):
            weights[c] = max(weights[c], min(display_width(cell_text(value)), 40))
    total = sum(weights)
    return [int(usable * w / total) for w in weights]


def _table(out: Any, table: Table) -> None:
    if table.title:
        title = out.add_paragraph()
        title.add_run(table.title).bold = True
    width = max([len(r) for r in table.header] + [len(r) for r in table.rows] + [1])
    grid = out.add_table(rows=len(table.header) + len(table.rows), cols=width)
    grid.style = "Table Grid"
    grid.autofit = False
    section = out.sections[-1]
    usable = int((section.page_width - section.left_margin - section.right_margin) * 0.95)
    widths = _column_widths(table, width, usable)
    for column, w in zip(grid.columns, widths, strict=False):
        column.width = w
    rows = grid.rows
    for row in rows:
        for cell, w in zip(row.cells, widths, strict=False):
            cell.width = w
    for r, header in enumerate(table.header):
        cells = rows[r].cells
        c = 0
        while c < len(header):
            end = c
            while header[c] and end + 1 < len(header) and header[end + 1] == header[c]:
                end += 1
            target = cells[c].merge(cells[end]) if end > c else cells[c]
            para = target.paragraphs[0]
            para.add_run(header[c]).bold = True
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            c = end + 1
    offset = len(table.header)
    for r, values in enumerate(table.rows):
        cells = rows[offset + r].cells
        for c, value in enumerate(values):
            cells[c].paragraphs[0].add_run(cell_text(value))
    out.add_paragraph()


def write_docx(doc: Document, path: Path) -> Path:
    out = new_docx()
    normal = out.styles["Normal"]
    normal.font.size = Pt(10.5)
    _east_asian(normal, EAST_ASIAN_FONT)
    for level in (0, 1, 2):
        _east_asian(out.styles["Title" if level == 0 else f"Heading {level}"], HEADING_FONT)
    out.add_heading(doc.title, level=0)
    for p in doc.preface:
        _paragraph(out, p)
    for part in doc.parts:
        out.add_heading(part.title, level=1)
        for block in part.blocks:
            if isinstance(block, Table):
                _table(out, block)
            else:
                _paragraph(out, block)
    with atomic_output(path) as tmp:
        out.save(str(tmp))
    return path
