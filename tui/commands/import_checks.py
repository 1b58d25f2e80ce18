"""gongkai import: import monthly checks from Excel/CSV. Not built yet; says so clearly."""

from __future__ import annotations

import argparse

from tracker.i18n import tr
from tui.commands.common import not_yet

NAME = "import"
HELP = tr(
    "从 Excel/CSV 导入月度清查记录 (尚未提供)",
    "import monthly checks from Excel/CSV (not available yet)",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    return not_yet(NAME)
