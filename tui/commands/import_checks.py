"""gongkai import checks FILE: past months of monthly checks from Excel or CSV (DESIGN.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.formats.checks_io import apply_import, parse_checks, plan_import
from tracker.i18n import tr
from tui.commands.common import workspace

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=["checks"], help=tr("导入的内容", "what to import"))
    parser.add_argument("file", metavar="FILE", help=".xlsx / .csv")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("只检查并报告, 不写入", "check and report only; write nothing"),
    )
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help=tr("导入正确的行, 报告错误的行", "import the good rows and report the bad ones"),
    )


def run(args: argparse.Namespace) -> int:
    ws = workspace(args)
    path = Path(args.file)
    parsed = parse_checks(path, ws.config)
    plan = plan_import(ws.store, parsed.rows)
    problems = sorted([*parsed.problems, *plan.problems], key=lambda p: p.row)
    for problem in problems:
        print(problem, file=sys.stderr)
    bad = sorted({p.row for p in problems})
    bad_note = tr(f"{len(bad)} 行有错误", f"{len(bad)} bad row(s)")
    counts = tr(
        f"新增 {len(plan.create)}, 更新 {len(plan.update)}, 无变化 {plan.unchanged}",
        f"{len(plan.create)} new, {len(plan.update)} updated, {plan.unchanged} unchanged",
    )
    if problems and not args.skip_bad:
        print(
            tr(
                f"{path}: {bad_note}, 未写入任何记录。改正后再导入, 或加 --skip-bad 只导入正确的行。",
                f"{path}: {bad_note}; nothing was written. Fix them and import again, "
                "or add --skip-bad to import the good rows only.",
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.dry_run:
        print(
            tr(
                f"{path}: 试运行, 未写入。将会 {counts}" + (f"; 跳过 {bad_note}" if bad else ""),
                f"{path}: dry run, nothing written. Would be: {counts}"
                + (f"; skipping {bad_note}" if bad else ""),
            )
        )
        return EXIT_FOUND if bad else EXIT_OK
    apply_import(ws.store, plan, ws.config.office.user)
    print(
        tr(
            f"{path}: 已导入, {counts}" + (f"; 跳过 {bad_note}" if bad else ""),
            f"{path}: imported, {counts}" + (f"; skipped {bad_note}" if bad else ""),
        )
    )
    return EXIT_FOUND if bad else EXIT_OK
