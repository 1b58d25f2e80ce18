"""The plain shape every export is laid out from: a titled document of parts, each with
headings, paragraphs and tables. xlsx puts one part per sheet; docx and md put them in order."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

Cell = str | int | float | dt.date | dt.datetime | None


@dataclass
class Paragraph:
    text: str
    warning: bool = False
    """Shown emphasised (e.g. consistency problems printed on the first page with --force)."""


@dataclass
class Table:
    header: list[list[str]]
    """One or more header rows; the last names the columns, earlier ones group them."""
    rows: list[list[Cell]]
    title: str = ""

    @property
    def columns(self) -> list[str]:
        """One name per column: the header rows joined top-down, repeats and blanks dropped."""
        width = max(len(r) for r in self.header) if self.header else 0
        names = []
        for c in range(width):
            parts: list[str] = []
            for row in self.header:
                text = row[c] if c < len(row) else ""
                if text and text not in parts:
                    parts.append(text)
            names.append(" ".join(parts))
        return names


@dataclass
class Part:
    title: str
    blocks: list[Paragraph | Table] = field(default_factory=list)
    sheet: str = ""
    """Short name for the xlsx sheet (31 characters at most); the title when empty."""


@dataclass
class Document:
    title: str
    parts: list[Part] = field(default_factory=list)
    preface: list[Paragraph] = field(default_factory=list)
    """Printed before the first part (the first page)."""


def format_number(value: float) -> str:
    """1368000.0 → "1368000", 2.5 → "2.5" (no scientific notation, no trailing zeros)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def display_width(text: str) -> int:
    """Columns a text takes in Excel or a table: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
