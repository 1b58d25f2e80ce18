"""gongkai rollup: combine towns' json exports into one comparison (xlsx or md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from checks.rollup import NotASummary, rollup_document, town_row
from tracker.errors import DataError, ValidationError
from tracker.formats.jsonfile import read_json
from tracker.formats.md import write_md
from tracker.formats.xlsx import write_xlsx
from tracker.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE.json", help=tr("各镇的导出", "towns' exports")
    )
    parser.add_argument(
        "--out", required=True, metavar="X.xlsx|X.md", help=tr("输出文件", "output file")
    )


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".xlsx", ".md"):
        raise ValidationError(
            "--out", tr("输出文件应以 .xlsx 或 .md 结尾", "--out must end in .xlsx or .md")
        )
    towns = []
    for name in args.files:
        data = read_json(Path(name))
        try:
            towns.append(town_row(data))
        except NotASummary:
            raise DataError(
                name,
                tr("不是 gongkai 年终汇总的 json 导出", "not a gongkai summary json export"),
                tr(
                    "在该镇运行 gongkai export --year YYYY --format json --out 文件.json",
                    "run gongkai export --year YYYY --format json --out FILE.json in that town",
                ),
            ) from None
    doc = rollup_document(towns)
    (write_xlsx if out.suffix.lower() == ".xlsx" else write_md)(doc, out)
    print(tr(f"已汇总 {len(towns)} 个镇: {out}", f"combined {len(towns)} towns: {out}"))
    return 0
