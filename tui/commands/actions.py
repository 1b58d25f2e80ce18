"""gongkai actions: list improvement actions (整改事项), or add one from a script."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from checks.rules.actions import rule_for
from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records import Action
from tracker.records.actions import ACTION_CATEGORIES, ACTION_STATUSES, RECURRENCES
from tui.commands.common import add_json, add_today, print_json, workspace
from tui.work_labels import action_category, action_status


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(
        dest="actions_command", metavar="list|add", parser_class=type(parser)
    )
    listing = sub.add_parser("list", help=tr("列出整改事项", "list actions"))
    listing.add_argument(
        "--status",
        choices=(*ACTION_STATUSES, "open"),
        help=tr("只列出该状态 (open = 未开始或进行中)", "only this status (open: not done)"),
    )
    listing.add_argument(
        "--overdue", action="store_true", help=tr("只列出逾期未完成的", "only overdue open ones")
    )
    add_today(listing)
    add_json(listing)
    adding = sub.add_parser("add", help=tr("新增一项整改事项", "add an action"))
    adding.add_argument("--title", required=True, help=tr("事项", "what is to be done"))
    adding.add_argument("--category", choices=ACTION_CATEGORIES, default="other")
    adding.add_argument("--source", default="", help="report | monthly_check | supervisor | other")
    adding.add_argument(
        "--origin", default="", help=tr("出处 (如 报告问题三)", "where it came from")
    )
    adding.add_argument("--owner", default="", help=tr("责任人", "who is responsible"))
    adding.add_argument("--unit", default="", help=tr("责任单位", "responsible unit"))
    adding.add_argument("--due", default="", metavar="YYYY-MM-DD", help=tr("期限", "due date"))
    adding.add_argument("--recurrence", choices=[r for r in RECURRENCES if r], default="none")
    add_today(adding)
    add_json(adding)
    for child in (listing, adding):
        # --config is accepted after the subcommand too, as for every command (tui/cli.py).
        child.add_argument(
            "--config", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )


def to_json(action: Action, today: dt.date) -> dict[str, Any]:
    return {
        "id": action.id,
        "title": action.title,
        "category": action.category,
        "status": action.status,
        "source": action.source,
        "origin": action.origin,
        "owner": action.owner,
        "unit": action.unit,
        "due": action.due.isoformat() if action.due else None,
        "days_overdue": action.days_overdue(today),
        "recurrence": action.recurrence,
        "notes": action.notes,
        "evidence": action.evidence,
        "closed_on": action.closed_on.isoformat() if action.closed_on else None,
        "close_note": action.close_note,
        "verified_on": action.verified_on.isoformat() if action.verified_on else None,
        "verified_by": action.verified_by,
        "rule": str(rule_for(action.category)),
    }


def _sort_key(action: Action, today: dt.date) -> tuple[int, int, str, int]:
    return (
        0 if action.is_open else 1,
        -action.days_overdue(today),
        action.due.isoformat() if action.due else "9999",
        action.id or 0,
    )


def run_list(args: argparse.Namespace) -> int:
    ws = workspace(args)
    today = ws.clock.today()
    actions = ws.store.all(Action)
    if getattr(args, "status", None) == "open":
        actions = [a for a in actions if a.is_open]
    elif getattr(args, "status", None):
        actions = [a for a in actions if a.status == args.status]
    if getattr(args, "overdue", False):
        actions = [a for a in actions if a.days_overdue(today)]
    actions.sort(key=lambda a: _sort_key(a, today))
    if getattr(args, "json", False):
        print_json({"today": today.isoformat(), "actions": [to_json(a, today) for a in actions]})
        return 0
    if not actions:
        print(tr(f"{today}: 没有符合条件的整改事项", f"{today}: no actions match"))
        return 0
    print(tr(f"{today}: {len(actions)} 项整改事项", f"{today}: {len(actions)} action(s)"))
    for a in actions:
        late = a.days_overdue(today)
        when = tr(f"截止 {a.due}", f"due {a.due}") if a.due else tr("无期限", "no due date")
        if late:
            when += tr(f" 逾期 {late} 天", f", {late} days overdue")
        who = " / ".join(x for x in (a.owner, a.unit) if x) or tr("未指定责任人", "no owner")
        print(
            f"#{a.id} [{action_status(a.status)}] [{action_category(a.category)}] "
            f"{a.title}  {who}  {when}"
        )
    return 0


def run_add(args: argparse.Namespace) -> int:
    ws = workspace(args)
    today = ws.clock.today()
    try:
        action = Action.from_input(
            {
                "title": args.title,
                "category": args.category,
                "source": args.source,
                "origin": args.origin,
                "owner": args.owner,
                "unit": args.unit,
                "due": args.due,
                "recurrence": args.recurrence,
                "created_on": today,
            }
        )
    except ValidationError as error:
        print(f"--{error.field}: {error.message}", file=sys.stderr)
        return 2
    action = ws.store.insert(action)
    if args.json:
        print_json(to_json(action, today))
    else:
        print(tr(f"已新增整改事项 #{action.id}: {action.title}", f"added action #{action.id}"))
    return 0


def run(args: argparse.Namespace) -> int:
    if getattr(args, "actions_command", None) == "add":
        return run_add(args)
    return run_list(args)
