"""One way to export, for the command line and the 导出 screen alike: build, check, write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from checks.annual import AnnualReport, ConsistencyProblem, annual_document, annual_for
from checks.summary import Period, build_summary, summary_document
from tracker.formats.docx import write_docx
from tracker.formats.jsonfile import write_json
from tracker.formats.md import write_md
from tracker.formats.xlsx import write_xlsx
from tracker.workspace import Workspace

SUMMARY_FORMATS = ("xlsx", "md", "json", "docx")
ANNUAL_FORMATS = ("docx", "md")
EXPORT_FOLDER = "exports"


def report_year(today: dt.date) -> int:
    """The year an office is reporting on: this year from November (year-end assessment),
    last year from January to October (the annual report is due 31 January)."""
    return today.year if today.month >= 11 else today.year - 1


def export_folder(ws: Workspace) -> Path:
    """``<data folder>/exports``: next to the data, where the office finds its files."""
    return ws.data_folder / EXPORT_FOLDER


def period_slug(period: Period) -> str:
    if period.start == dt.date(period.start.year, 1, 1) and period.end == dt.date(
        period.start.year, 12, 31
    ):
        return str(period.start.year)
    return f"{period.start:%Y%m%d}-{period.end:%Y%m%d}"


def default_summary_path(ws: Workspace, period: Period, fmt: str) -> Path:
    return export_folder(ws) / f"年终汇总-{period_slug(period)}.{fmt}"


def default_annual_path(ws: Workspace, year: int, template: str, fmt: str) -> Path:
    return export_folder(ws) / f"年度报告-{year}-{template}格式.{fmt}"


@dataclass
class ExportResult:
    path: Path | None
    problems: list[ConsistencyProblem] = field(default_factory=list)
    written: bool = False


def export_summary(
    ws: Workspace, period: Period, fmt: str, out: Path | None = None, today: dt.date | None = None
) -> ExportResult:
    summary = build_summary(ws, period, today)
    path = out or default_summary_path(ws, period, fmt)
    if fmt == "json":
        write_json(summary.to_json(), path)
    else:
        doc = summary_document(summary)
        {"xlsx": write_xlsx, "md": write_md, "docx": write_docx}[fmt](doc, path)
    return ExportResult(path, written=True)


def check_annual(ws: Workspace, year: int, template: str | None = None) -> AnnualReport:
    """The draft and its consistency problems, without writing anything (the screen shows it)."""
    return annual_for(ws, year, template)


def export_annual(
    ws: Workspace,
    year: int,
    fmt: str,
    template: str | None = None,
    out: Path | None = None,
    force: bool = False,
) -> ExportResult:
    """Write the draft unless a consistency rule is broken; ``force`` writes it anyway with the
    problems printed on the first page."""
    report = annual_for(ws, year, template)
    path = out or default_annual_path(ws, year, report.template, fmt)
    if report.problems and not force:
        return ExportResult(None, report.problems, written=False)
    doc = annual_document(report)
    (write_docx if fmt == "docx" else write_md)(doc, path)
    return ExportResult(path, report.problems, written=True)
