"""Monthly checks in and out of spreadsheets: read CSV/xlsx rows, write the import template.

Offices keep past months in Excel. A file is read completely and every problem is reported as
``row N, column X: …`` (rows numbered as the spreadsheet shows them, the header is row 1), so
the whole file can be fixed in one go; nothing is written unless the caller decides so.
Importing the same file twice changes nothing: a row updates the check of its platform and month.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.config import Config, Section
from tracker.errors import DataError, ValidationError
from tracker.i18n import tr
from tracker.records.base import parse_count, parse_date, parse_month, parse_text
from tracker.records.platform_checks import (
    FIGURES,
    PROBLEM_LABELS,
    MonthlyCheck,
    figures_for,
    kind_label,
    previous_month,
)
from tracker.store import Store


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    kind: str = "text"
    """text | count | date | month | platform | problems"""
    doc: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("platform", "平台", "platform", "platform", "平台的 id 或名称 (见“平台”表)"),
    Column("month", "月份", "month", "month", "所查月份, YYYY-MM"),
    Column("volume", "发布量", "volume", "count", "信息发布量, 不小于 0 的整数"),
    Column("followers", "关注人数", "followers", "count", "公开栏、查阅点、网站留空"),
    Column("clicks", "点击量", "clicks", "count", "点击/阅读量; 公开栏、查阅点留空"),
    Column("last_update", "最近更新", "last_update", "date", "看到的最近一次更新, YYYY-MM-DD"),
    Column("maintainer", "运维单位", "maintainer", "text", "运维机构或责任人"),
    Column("checker", "检查人", "checker", "text", ""),
    Column("checked_on", "检查日期", "checked_on", "date", "YYYY-MM-DD"),
    Column(
        "problems", "问题", "problems", "problems", "不及时、不全面、不丰富, 其他文字作为问题说明"
    ),
    Column("measure", "整改措施", "measure", "text", ""),
    # Optional columns beyond DESIGN.md's list: the measure's owner and due date drive reminders.
    Column("measure_owner", "整改责任人", "measure_owner", "text", "可选"),
    Column("measure_due", "整改期限", "measure_due", "date", "可选, YYYY-MM-DD"),
    Column("supervision", "监管情况", "supervision", "text", "可选"),
)
REQUIRED = ("platform", "month")
IGNORED_HEADERS = ("序号", "no", "no.")
"""Columns offices add for themselves; skipped without complaint."""
EXAMPLE_CHECKER = "张三"


def _header_key(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


HEADER_FIELDS: dict[str, Column] = {
    _header_key(name): column for column in COLUMNS for name in (column.zh, column.en)
}


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        # The ``row N, column X:`` prefix is an interface (DESIGN.md); the message is translated.
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ParsedRow:
    row: int
    check: MonthlyCheck
    fields: tuple[str, ...]
    """The record fields this file has columns for (others are left as they are on update)."""


@dataclass
class ParsedFile:
    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})


# ---------------------------------------------------------------- reading cells


def read_table(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(spreadsheet row number, cells) for every row of a .csv or the first sheet of a .xlsx."""
    if not path.exists():
        raise DataError(path, tr("找不到文件", "file not found"), tr("检查路径", "check the path"))
    if not path.is_file():
        raise DataError(
            path,
            tr("这是一个文件夹, 不是文件", "this is a folder, not a file"),
            tr("写出文件名", "name the file"),
        )
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return enumerate(csv.reader(io.StringIO(_decode(path))), 1)
    if suffix in (".xlsx", ".xlsm"):
        return enumerate(_xlsx_rows(path), 1)
    raise DataError(
        path,
        tr(
            f"不支持的文件类型 {suffix or '(无扩展名)'}",
            f"unsupported file type {suffix or '(none)'}",
        ),
        tr("另存为 .xlsx 或 .csv 后再导入", "save it as .xlsx or .csv and import that"),
    )


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Chinese Windows saves "CSV" in the ANSI code page (GBK).
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise DataError(
                path,
                tr("无法识别文件编码", "cannot tell the file's encoding"),
                tr("另存为 “CSV UTF-8” 或 .xlsx", "save it as CSV UTF-8 or .xlsx"),
            ) from None


def _xlsx_rows(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook  # deferred: only imports need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as e:
        raise DataError(
            path,
            tr(f"不是可读的 xlsx 文件 ({e})", f"not a readable xlsx file ({e})"),
            tr("用 Excel 或 WPS 另存为 .xlsx 后再试", "save it again as .xlsx in Excel or WPS"),
        ) from None
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_CN_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*$")


def _cn_date(value: Any) -> Any:
    """``2026年10月28日`` → ``2026-10-28`` and ``2026年10月`` → ``2026-10``; others unchanged."""
    if isinstance(value, str):
        m = _CN_DATE.match(value)
        if m:
            return "-".join(p for p in m.groups() if p)
    return value


def parse_problems(value: Any) -> tuple[list[str], str]:
    """``不及时、栏目单一`` → (["not_timely", "other"], "栏目单一")."""
    text = parse_text(value, "problems")
    by_label = {
        _header_key(name): code
        for code, names in PROBLEM_LABELS.items()
        for name in (*names, code)
        if code != "other"
    }
    codes: list[str] = []
    notes: list[str] = []
    for part in re.split(r"[、,，;；\n]+", text):
        part = part.strip()
        if not part:
            continue
        code = by_label.get(_header_key(part))
        if code and code not in codes:
            codes.append(code)
        elif not code:
            notes.append(part)
    if notes:
        codes.append("other")
    return codes, "、".join(notes)


def find_platform(config: Config, value: str) -> Section | None:
    """A platform by its id or its name as config.toml writes them."""
    key = value.strip()
    return next(
        (p for p in config.platforms if key in (p.id, p.name)),
        next((p for p in config.platforms if _header_key(key) == _header_key(p.name)), None),
    )


def _parse_cell(column: Column, value: Any) -> Any:
    if column.kind == "count":
        if isinstance(value, str) and re.fullmatch(r"\s*\d+\.0*\s*", value):
            value = value.strip().split(".")[0]
        return parse_count(value, column.field)
    if column.kind == "date":
        return parse_date(_cn_date(value), column.field)
    if column.kind == "month":
        return parse_month(_cn_date(value), column.field)
    return parse_text(value, column.field)


# ---------------------------------------------------------------- reading a file


def parse_checks(path: Path, config: Config) -> ParsedFile:
    """Read every row; valid ones become checks, every problem is named by row and column."""
    result = ParsedFile()
    rows = iter(read_table(path))
    header: list[Any] = []
    for number, cells in rows:
        if not all(_blank(c) for c in cells):
            if number != 1:
                result.problems.append(
                    RowProblem(number, "", tr("表头应在第 1 行", "the header must be row 1"))
                )
                return result
            header = cells
            break
    if not header:
        result.problems.append(RowProblem(1, "", tr("文件是空的", "the file is empty")))
        return result
    columns = _map_header(header, result)
    if result.problems:
        return result
    seen: dict[tuple[str, str], int] = {}
    for number, cells in rows:
        if all(_blank(c) for c in cells):
            continue
        parsed = _parse_row(number, cells, columns, config, result)
        if parsed is None:
            continue
        key = (parsed.check.platform, parsed.check.month)
        if key in seen:
            result.problems.append(
                RowProblem(
                    number,
                    _column_name(columns, "platform"),
                    tr(
                        f"与第 {seen[key]} 行的平台和月份相同",
                        f"same platform and month as row {seen[key]}",
                    ),
                )
            )
            continue
        seen[key] = number
        result.rows.append(parsed)
    return result


def _map_header(header: list[Any], result: ParsedFile) -> dict[int, tuple[str, Column]]:
    columns: dict[int, tuple[str, Column]] = {}
    used: dict[str, str] = {}
    for index, cell in enumerate(header):
        if _blank(cell):
            continue
        name = str(cell).strip()
        if _header_key(name) in IGNORED_HEADERS:
            continue
        column = HEADER_FIELDS.get(_header_key(name))
        if column is None:
            known = "、".join(c.zh for c in COLUMNS)
            result.problems.append(
                RowProblem(
                    1,
                    name,
                    tr(
                        f"不认识的列名; 可用的列: {known}",
                        f"unknown column; known columns: {known}",
                    ),
                )
            )
            continue
        if column.field in used:
            result.problems.append(
                RowProblem(
                    1,
                    name,
                    tr(f"与 {used[column.field]} 列重复", f"repeats column {used[column.field]}"),
                )
            )
            continue
        used[column.field] = name
        columns[index] = (name, column)
    for required in REQUIRED:
        if required not in used:
            column = next(c for c in COLUMNS if c.field == required)
            result.problems.append(
                RowProblem(
                    1,
                    column.zh,
                    tr(
                        f"缺少此列; 加一列 {column.zh} (或 {column.en})",
                        f"column missing; add a column {column.zh} (or {column.en})",
                    ),
                )
            )
    return columns


def _column_name(columns: dict[int, tuple[str, Column]], field_name: str) -> str:
    for name, column in columns.values():
        if column.field == field_name:
            return name
    return field_name


def _parse_row(
    number: int,
    cells: list[Any],
    columns: dict[int, tuple[str, Column]],
    config: Config,
    result: ParsedFile,
) -> ParsedRow | None:
    problems: list[RowProblem] = []
    data: dict[str, Any] = {}
    platform: Section | None = None
    for index, (name, column) in columns.items():
        value = cells[index] if index < len(cells) else None
        if column.kind == "platform":
            platform = None if _blank(value) else find_platform(config, str(value))
            if platform is None:
                problems.append(RowProblem(number, name, _unknown_platform(value, config)))
            else:
                data["platform"] = platform.id
            continue
        if _blank(value):
            if column.field in REQUIRED:
                problems.append(RowProblem(number, name, tr("不能为空", "must not be empty")))
            elif column.kind == "problems":
                data["problems"], data["problem_note"] = [], ""
            else:
                data[column.field] = None
            continue
        try:
            if column.kind == "problems":
                data["problems"], data["problem_note"] = parse_problems(value)
            else:
                data[column.field] = _parse_cell(column, value)
        except ValidationError as e:
            problems.append(RowProblem(number, name, e.message))
    if platform is not None:
        applies = figures_for(platform.kind)
        for figure in FIGURES:
            if data.get(figure) is not None and figure not in applies:
                problems.append(
                    RowProblem(
                        number,
                        _column_name(columns, figure),
                        tr(
                            f"{kind_label(platform.kind)}没有这一项, 请留空",
                            f"a {kind_label(platform.kind)} has no such figure; leave it empty",
                        ),
                    )
                )
    if not problems:
        try:
            check = MonthlyCheck.from_input(data)
        except ValidationError as e:
            problems.append(RowProblem(number, _column_name(columns, e.field), e.message))
        else:
            return ParsedRow(number, check, tuple(data))
    result.problems.extend(problems)
    return None


def _unknown_platform(value: Any, config: Config) -> str:
    known = ", ".join(p.id for p in config.platforms)
    if _blank(value):
        return tr("不能为空", "must not be empty")
    return tr(
        f"不认识的平台 {str(value).strip()!r}; 用 config.toml [[platforms]] 中的 id 或名称: {known}",
        f"unknown platform {str(value).strip()!r}; use an id or name from config.toml "
        f"[[platforms]]: {known}",
    )


# ---------------------------------------------------------------- writing to the store


@dataclass
class ImportPlan:
    """What an import would do: new checks, changed checks, rows that change nothing."""

    create: list[MonthlyCheck] = field(default_factory=list)
    update: list[MonthlyCheck] = field(default_factory=list)
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def plan_import(store: Store, rows: Iterable[ParsedRow]) -> ImportPlan:
    """Match rows with stored checks (same platform and month); columns the file lacks keep
    their stored values, so importing never erases what was entered in the app."""
    plan = ImportPlan()
    existing = {(c.platform, c.month): c for c in store.all(MonthlyCheck)}
    for row in rows:
        stored = existing.get((row.check.platform, row.check.month))
        if stored is None:
            plan.create.append(row.check)
            continue
        try:
            merged = stored.replace(**{f: getattr(row.check, f) for f in row.fields})
        except ValidationError as e:
            header = next((c.zh for c in COLUMNS if c.field == e.field), e.field)
            plan.problems.append(RowProblem(row.row, header, e.message))
            continue
        if merged.to_doc() == stored.to_doc():
            plan.unchanged += 1
        else:
            plan.update.append(merged)
    return plan


def apply_import(store: Store, plan: ImportPlan, who: str = "") -> None:
    """Write a plan in one transaction: all of it, or (on failure) nothing.

    The plan was made before the lock was taken: a check another window recorded meanwhile is
    updated, not duplicated (upsert), and updates merge field by field (Store.update).
    """
    with store.transaction():
        for check in plan.create:
            store.upsert(check, "platform", "month", who=who)
        for check in plan.update:
            store.update(check, who)


# ---------------------------------------------------------------- the template


def write_template(path: Path, config: Config, today: dt.date) -> None:
    """An empty sheet with the headers and one example row, and a sheet listing the platforms."""
    from openpyxl import Workbook  # deferred: only the template and exports need it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = tr("月度清查", "monthly checks")
    sheet.append([c.zh for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(_example_row(config, today))
    for index, column in enumerate(COLUMNS):
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = 14 if column.kind != "platform" else 24
        if column.kind == "date":
            for cell in sheet[letter][1:]:
                cell.number_format = "yyyy-mm-dd"

    notes = book.create_sheet(tr("说明", "notes"))
    notes.append(
        [
            tr(
                "第 2 行是示例, 导入前请改成实际数据或删除。",
                "Row 2 is an example: replace or delete it before importing.",
            )
        ]
    )
    notes.append([])
    notes.append([tr("列", "column"), "English", tr("说明", "notes")])
    for column in COLUMNS:
        notes.append([column.zh, column.en, column.doc])
    notes.append([])
    notes.append(
        [
            tr("平台 id", "platform id"),
            tr("名称", "name"),
            tr("类型", "kind"),
            tr("需填的数字", "figures"),
        ]
    )
    labels = {"volume": "发布量", "followers": "关注人数", "clicks": "点击量"}
    for p in config.platforms:
        notes.append(
            [p.id, p.name, kind_label(p.kind), "、".join(labels[f] for f in figures_for(p.kind))]
        )
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["B"].width = 32
    notes.column_dimensions["C"].width = 40
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _example_row(config: Config, today: dt.date) -> list[Any]:
    platform = next(
        (p for p in config.platforms if figures_for(p.kind) == FIGURES),
        config.platforms[0] if config.platforms else None,
    )
    month = previous_month(today)
    year, mon = (int(p) for p in month.split("-"))
    checked = dt.date(year + mon // 12, mon % 12 + 1, 5)
    applies = figures_for(platform.kind) if platform else FIGURES
    figures = {"volume": 15, "followers": 241, "clicks": 1830}
    values: dict[str, Any] = {
        # Not a real platform name: an example row left in by mistake is refused by the
        # import (row 2 named), never stored as a real check.
        "platform": tr("示例-", "example-") + (platform.name if platform else ""),
        "month": month,
        **{f: (figures[f] if f in applies else None) for f in FIGURES},
        "last_update": dt.datetime(year, mon, 28),
        "maintainer": (platform.owner if platform else "") or tr("党政办公室", "the office"),
        "checker": EXAMPLE_CHECKER,
        "checked_on": dt.datetime.combine(checked, dt.time()),
        "problems": tr("不丰富、栏目内容单一", "not rich, one-sided content"),
        "measure": tr("每周至少发布 2 条民生信息", "post at least 2 items a week"),
        "measure_owner": EXAMPLE_CHECKER,
        "measure_due": dt.datetime.combine(checked + dt.timedelta(days=30), dt.time()),
        "supervision": "",
    }
    return [values[c.field] for c in COLUMNS]
