"""gongkai restore: put a backup back in place of a broken data file (the broken one is kept)."""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.backups import list_backups, restore
from tracker.config import load_config
from tracker.i18n import set_locale, tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help=tr("用这个备份 (默认最新)", "this backup (default: newest)"),
    )
    parser.add_argument(
        "--list", action="store_true", help=tr("只列出备份", "only list the backups")
    )


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    set_locale(config.office.locale)
    path = config.data_path
    if args.list:
        backups = list_backups(path)
        for backup in backups:
            print(backup)
        if not backups:
            print(tr("没有备份", "no backups"))
        return 0
    used = restore(path, Path(args.source) if args.source else None)
    print(
        tr(
            f"已用 {used} 恢复 {path}。原文件已改名保留在同一文件夹。",
            f"restored {path} from {used}. The previous file was kept, renamed, in the same folder.",
        )
    )
    return 0
