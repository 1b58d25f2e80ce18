"""gongkai status: the flags of a day, as the dashboard shows them."""

from __future__ import annotations

import argparse

from checks.status import flags_for
from tracker.i18n import tr
from tui.commands.common import add_json, add_today, print_json, workspace
from tui.labels import kind_label


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_today(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    ws = workspace(args)
    today = ws.clock.today()
    flags = flags_for(ws, today)
    if args.json:
        print_json({"today": today.isoformat(), "flags": [f.to_json() for f in flags]})
    elif not flags:
        print(tr(f"{today}: 没有需要处理的事项", f"{today}: nothing needs attention"))
    else:
        print(
            tr(f"{today}: {len(flags)} 项需要处理", f"{today}: {len(flags)} item(s) need attention")
        )
        for f in flags:
            when = ""
            if f.days_overdue:
                when = tr(f"逾期 {f.days_overdue} 天", f"{f.days_overdue} days overdue")
            elif f.due:
                when = tr(f"截止 {f.due}", f"due {f.due}")
            print(f"[{kind_label(f.kind)}] {f.title}  {when}  — {f.rule}")
    return 1 if any(f.kind in ("veto", "overdue") for f in flags) else 0
