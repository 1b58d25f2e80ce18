"""gongkai export: export the year-end summary or annual report. Not built yet; says so clearly."""

from __future__ import annotations

import argparse

from tracker.i18n import tr
from tui.commands.common import not_yet

NAME = "export"
HELP = tr(
    "导出年终总结或年度报告 (尚未提供)",
    "export the year-end summary or annual report (not available yet)",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    return not_yet(NAME)
