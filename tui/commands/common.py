"""What every command shares: opening the workspace, parsing --today, printing JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from tracker.clock import Clock
from tracker.config import load_config
from tracker.errors import ValidationError
from tracker.i18n import set_locale, tr
from tracker.records.base import parse_date
from tracker.workspace import Workspace, open_workspace


def add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help=tr("按这一天计算 (默认今天)", "compute as of this day (default: today)"),
    )


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("输出 JSON", "print JSON"))


def parse_day(value: str, option: str) -> dt.date:
    try:
        return parse_date(value, option)
    except ValidationError as e:
        raise ValidationError(option, e.message) from None


def workspace(args: argparse.Namespace) -> Workspace:
    """Open config and data; --today pins the clock."""
    config = load_config(args.config)
    set_locale(config.office.locale)
    clock = Clock(config.office.timezone)
    if getattr(args, "today", None):
        clock = Clock.on(parse_day(args.today, "--today"), config.office.timezone)
    return open_workspace(config, clock)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
