"""gongkai export: the year-end summary (xlsx|md|json|docx) or the annual report draft (docx|md)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from checks.annual import TEMPLATES
from checks.export import ANNUAL_FORMATS, SUMMARY_FORMATS, export_annual, export_summary
from checks.summary import Period
from tracker.errors import ValidationError
from tracker.i18n import tr
from tui.commands.common import add_today, parse_day, workspace


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=str, metavar="YYYY", help=tr("年份", "the year"))
    parser.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", help=tr("起始日", "first day")
    )
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=tr("截止日", "last day"))
    parser.add_argument(
        "--format",
        dest="fmt",
        required=True,
        choices=sorted(set(SUMMARY_FORMATS) | set(ANNUAL_FORMATS)),
        help=tr("文件格式", "file format"),
    )
    parser.add_argument(
        "--report",
        choices=("summary", "annual"),
        default="summary",
        help=tr("summary 年终汇总 (默认) | annual 年度报告", "summary (default) | annual report"),
    )
    parser.add_argument(
        "--template",
        choices=TEMPLATES,
        help=tr(
            "年度报告格式 (默认: 2020 年及以前用 2019 格式, 之后用 2021 格式)",
            "annual report format (default: 2019 up to 2020, then 2021)",
        ),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=tr(
            "表格不一致时仍然导出, 问题列在首页",
            "export even if the tables are inconsistent; problems go on the first page",
        ),
    )
    parser.add_argument(
        "--out",
        metavar="PATH",
        help=tr(
            "输出文件 (默认: 数据文件夹下的 exports/)",
            "output file (default: exports/ by the data)",
        ),
    )
    add_today(parser)


def _year(value: str) -> int:
    if not (value.isdigit() and len(value) == 4 and 1990 <= int(value) <= 2200):
        raise ValidationError(
            "--year", tr(f"{value!r} 不是年份, 应写成 YYYY", f"{value!r} is not a year (YYYY)")
        )
    return int(value)


def period_from(args: argparse.Namespace) -> Period:
    if args.year and (args.start or args.end):
        raise ValidationError(
            "--year", tr("--year 与 --from/--to 只能选一种", "use --year or --from/--to, not both")
        )
    if args.year:
        return Period.year(_year(args.year))
    if not (args.start and args.end):
        raise ValidationError(
            "--year",
            tr(
                "需要 --year YYYY, 或同时给出 --from 和 --to",
                "give --year YYYY, or both --from and --to",
            ),
        )
    start, end = parse_day(args.start, "--from"), parse_day(args.end, "--to")
    if end < start:
        raise ValidationError("--to", tr("截止日早于起始日", "--to is before --from"))
    return Period(start, end)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    if args.report == "annual":
        if args.fmt not in ANNUAL_FORMATS:
            raise ValidationError(
                "--format",
                tr("年度报告只能导出 docx 或 md", "the annual report is docx or md only"),
            )
        if not args.year:
            raise ValidationError(
                "--year", tr("年度报告需要 --year YYYY", "the annual report needs --year")
            )
        year = _year(args.year)
        ws = workspace(args)
        result = export_annual(ws, year, args.fmt, args.template, out, args.force)
        for problem in result.problems:
            print(tr(f"不一致: {problem}", f"inconsistent: {problem}"), file=sys.stderr)
        if not result.written:
            print(
                tr(
                    f"年度报告未导出: 表格有 {len(result.problems)} 处不一致。更正数据后重试, "
                    "或加 --force 导出草稿 (问题列在首页)",
                    f"annual report not written: {len(result.problems)} inconsistencies. Fix the "
                    "data, or add --force to write a draft with the problems on its first page",
                ),
                file=sys.stderr,
            )
            return 1
        print(tr(f"已导出: {result.path}", f"written: {result.path}"))
        return 0
    if args.fmt not in SUMMARY_FORMATS:
        raise ValidationError("--format", tr("不支持的格式", "unsupported format"))
    period = period_from(args)
    ws = workspace(args)
    today: dt.date | None = ws.clock.today()
    result = export_summary(ws, period, args.fmt, out, today)
    print(tr(f"已导出: {result.path}", f"written: {result.path}"))
    return 0
