"""gongkai remind: the reminders due on a day; with --send, send them once through the channels.

For offices that prefer a scheduled task (Windows 任务计划程序, cron) to a running daemon: run
``gongkai remind --send`` every morning; a second run the same day sends nothing new.
"""

from __future__ import annotations

import argparse

from checks.jobs import send_reminders
from checks.notify import enabled_channels
from checks.reminders import due_reminders
from checks.status import context_for
from tracker.i18n import tr
from tui.commands.common import add_json, add_today, print_json, workspace


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_today(parser)
    add_json(parser)
    parser.add_argument(
        "--send",
        action="store_true",
        help=tr(
            "发送并记为已发送, 同一天再运行不会重复发送",
            "send them and record them as sent, so a second run the same day sends nothing new",
        ),
    )


def run(args: argparse.Namespace) -> int:
    ws = workspace(args)
    now = ws.clock.now()
    today = now.date()
    failed = []
    if args.send:
        result = send_reminders(ws, now)
        reminders, failed = result.sent, result.failed
    else:
        reminders = due_reminders(context_for(ws, today))
    if args.json:
        print_json({"today": today.isoformat(), "reminders": [r.to_json() for r in reminders]})
        return 1 if failed else 0
    if not reminders:
        print(tr(f"{today}: 没有新的提醒", f"{today}: no new reminders"))
    else:
        verb = tr("已发送", "sent") if args.send else tr("待发送", "due")
        print(
            tr(
                f"{today}: {verb} {len(reminders)} 条提醒",
                f"{today}: {len(reminders)} reminder(s) {verb}",
            )
        )
        for r in reminders:
            print(f"  {r.describe()}")
    if args.send and reminders:
        channels = enabled_channels(ws.config)
        if not channels:
            print(
                tr(
                    "没有配置发送渠道 ([[channels]]): 提醒只记在程序的提醒列表里",
                    "no [[channels]] configured: the reminders are only in the app's list",
                )
            )
        for f in failed:
            print(
                tr(
                    f"渠道 {f.channel} 发送失败: {f.error}",
                    f"channel {f.channel} failed: {f.error}",
                )
            )
    return 1 if failed else 0
