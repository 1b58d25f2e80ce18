"""gongkai rollup: combine several towns' exports. Not built yet; says so clearly."""

from __future__ import annotations

import argparse

from tracker.i18n import tr
from tui.commands.common import not_yet

NAME = "rollup"
HELP = tr("汇总多个镇的导出文件 (尚未提供)", "combine several towns' exports (not available yet)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    return not_yet(NAME)
