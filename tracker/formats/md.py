"""Markdown: the document as headings, paragraphs and pipe tables (readable as plain text)."""

from __future__ import annotations

from pathlib import Path

from tracker.formats import atomic_output
from tracker.formats.document import Cell, Document, Paragraph, Table, cell_text


def _escape(value: Cell) -> str:
    text = cell_text(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def table_lines(table: Table) -> list[str]:
    columns = table.columns
    lines = []
    if table.title:
        lines += [f"**{_escape(table.title)}**", ""]
    lines.append("| " + " | ".join(_escape(c) for c in columns) + " |")
    lines.append("|" + "|".join(" --- " for _ in columns) + "|")
    for row in table.rows:
        cells = [_escape(v) for v in row] + [""] * (len(columns) - len(row))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _paragraph(p: Paragraph) -> str:
    text = p.text.replace("\r", "")
    return f"> **{text}**" if p.warning else text


def render_md(doc: Document) -> str:
    lines = [f"# {doc.title}", ""]
    for p in doc.preface:
        lines += [_paragraph(p), ""]
    for part in doc.parts:
        lines += [f"## {part.title}", ""]
        for block in part.blocks:
            lines += (
                [*table_lines(block), ""] if isinstance(block, Table) else [_paragraph(block), ""]
            )
    return "\n".join(lines).rstrip() + "\n"


def write_md(doc: Document, path: Path) -> Path:
    with atomic_output(path) as tmp:
        tmp.write_text(render_md(doc), encoding="utf-8")
    return path
