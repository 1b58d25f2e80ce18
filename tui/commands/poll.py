"""gongkai poll: poll every watched column once. Not built yet; says so clearly."""

from __future__ import annotations

import argparse

from tracker.i18n import tr
from tui.commands.common import not_yet

NAME = "poll"
HELP = tr(
    "抓取区政府网站各栏目一次 (尚未提供)", "poll every watched column once (not available yet)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    return not_yet(NAME)
