"""gongkai template checks FILE.xlsx: an empty import template with the headers and an example."""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.errors import DataError
from tracker.formats.checks_io import write_template
from tracker.i18n import tr
from tui.commands.common import add_today, workspace


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=["checks"], help=tr("模板的内容", "which template"))
    parser.add_argument("file", metavar="FILE.xlsx")
    add_today(parser)
    parser.add_argument(
        "--force", action="store_true", help=tr("覆盖已有文件", "overwrite an existing file")
    )


def run(args: argparse.Namespace) -> int:
    ws = workspace(args)
    path = Path(args.file)
    if path.suffix.lower() != ".xlsx":
        raise DataError(
            path,
            tr("模板只能写成 .xlsx", "the template is an .xlsx file"),
            tr("文件名以 .xlsx 结尾", "give a name ending in .xlsx"),
        )
    if path.exists() and not args.force:
        raise DataError(
            path,
            tr("文件已存在, 未覆盖", "the file exists and was not overwritten"),
            tr("换一个文件名, 或加 --force 覆盖", "choose another name, or add --force"),
        )
    try:
        write_template(path, ws.config, ws.clock.today())
    except OSError as e:
        raise DataError(
            path,
            tr(f"无法写入: {e.strerror or e}", f"cannot write: {e.strerror or e}"),
            tr(
                "检查文件夹权限, 或先在 Excel 中关闭该文件",
                "check the folder, or close the file in Excel",
            ),
        ) from None
    print(
        tr(
            f"已生成 {path}: 第 2 行是示例, 填好后运行 gongkai import checks {path}",
            f"wrote {path}: row 2 is an example; fill it in, then run gongkai import checks {path}",
        )
    )
    return 0
