"""gongkai daemon: run the scheduler headless. Not built yet; says so clearly."""

from __future__ import annotations

import argparse

from tracker.i18n import tr
from tui.commands.common import not_yet

NAME = "daemon"
HELP = tr(
    "在后台运行定时任务 (无界面) (尚未提供)", "run the scheduler headless (not available yet)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    return not_yet(NAME)
