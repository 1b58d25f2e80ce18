"""gongkai deadline: "if it was formed that day, when is it due?" in Chinese working days."""

from __future__ import annotations

import argparse
import sys

from checks.deadlines import due_date, workdays_for
from tracker.config import load_config
from tracker.i18n import set_locale, tr
from tracker.workspace import calendar_for
from tui.commands.common import add_json, parse_day, print_json

WEEKDAYS_ZH = "一二三四五六日"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "formed", metavar="YYYY-MM-DD", help=tr("信息形成或变更的日期", "the day it was formed")
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--workdays", type=int, metavar="N", help=tr("工作日数", "working days"))
    group.add_argument(
        "--category",
        metavar="C",
        help=tr("类别 (如 社会救助 按 10 个工作日)", "category (e.g. 社会救助: 10)"),
    )
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    set_locale(config.office.locale)
    formed = parse_day(args.formed, "formed")
    if args.workdays is not None:
        if not 0 <= args.workdays <= 1000:
            print(
                tr("--workdays 应在 0 到 1000 之间", "--workdays must be between 0 and 1000"),
                file=sys.stderr,
            )
            return 2
        workdays, rule = args.workdays, None
    else:
        workdays, rule = workdays_for(args.category or "", config.rules)
    result = due_date(calendar_for(config), formed, workdays)
    if args.json:
        print_json(
            {
                "formed": formed.isoformat(),
                "workdays": workdays,
                "due": result.date.isoformat(),
                "provisional": result.provisional,
            }
        )
        return 0
    weekday = tr(f"星期{WEEKDAYS_ZH[result.date.weekday()]}", result.date.strftime("%A"))
    print(
        tr(
            f"{formed} 形成的信息, {workdays} 个工作日内公开: 最迟 {result.date} ({weekday})",
            f"formed {formed}, {workdays} working days: due {result.date} ({weekday})",
        )
    )
    if rule:
        print(tr(f"依据: {rule}", f"rule: {rule}"))
    if result.provisional:
        print(
            tr(
                "注意: 所跨年份的法定节假日尚未收录, 按周一至周五推算, 仅供参考; "
                "可在 config.toml 的 [calendar] 中补充 holidays / workdays",
                "note: a year crossed has no holiday data yet; counted Mon-Fri, provisional. "
                "Add [calendar] holidays / workdays in config.toml",
            )
        )
    return 0
