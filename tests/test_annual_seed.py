"""The 2019-format draft for the seed's own numbers reproduces the seed's tables cell for cell.

The expected values are transcribed from the seed (/work/shared/seed/000_4ecd57e04841b2f1.txt,
镇罗镇 2019 年政府信息公开工作年度报告).
"""

from __future__ import annotations

import datetime as dt
import re

from checks.annual import annual_document, build_annual
from checks.context import load_snapshot
from tests.export_data import seed_2019_figures, seed_ws
from tracker.formats.md import render_md

SEED_CHANNELS = {
    "政府网站": 103,
    "政务微博": 179,
    "政务微信": 183,
    "项目建设及危房改造": 47,
    "扶贫": 32,
    "镇村财务": 58,
    "民生救助": 67,
    "合计": 669,
}
SEED_TABLE_TWO = {
    "规章": ["0", "0", "0"],
    "规范性文件": ["0", "0", "0"],
    "行政许可": ["0", "0", "0"],
    "其他对外管理服务事项": ["63", "0", "0"],
    "行政处罚": ["6", "0", "0"],
    "行政强制": ["7", "0", "0"],
    "行政事业性收费": ["1", "0"],
    "政府集中采购": ["1", "1368000"],
}


def md_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table of a markdown text as rows of cells (header row first)."""
    tables, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if not all(set(c) <= {"-", " "} for c in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def seed_markdown(write_config) -> str:
    ws = seed_ws(write_config(), dt.date(2020, 1, 20))
    ws.store.insert(seed_2019_figures())
    report = build_annual(ws.config, load_snapshot(ws, dt.date(2020, 1, 20)), 2019, "2019")
    assert report.problems == []
    return render_md(annual_document(report))


def test_seed_proactive_disclosure_per_channel(write_config) -> None:
    text = seed_markdown(write_config)
    channels = next(t for t in md_tables(text) if t[0][0] == "渠道")
    assert {row[0]: int(row[1]) for row in channels[1:]} == SEED_CHANNELS
    assert "主动公开政府信息共 669 条" in text
    assert "通过政府网站发布政府信息共 103 条" in text


def test_seed_table_two_cell_for_cell(write_config) -> None:
    tables = md_tables(seed_markdown(write_config))
    rows = {row[0]: row[1:] for t in tables if t[0][0] == "信息内容" for row in t[1:]}
    assert rows == SEED_TABLE_TWO
    headers = [t[0] for t in tables if t[0][0] == "信息内容"]
    assert ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"] in headers
    assert ["信息内容", "采购项目数量", "采购总金额"] in headers


def test_seed_tables_three_and_four_are_all_zero(write_config) -> None:
    tables = md_tables(seed_markdown(write_config))
    three = next(t for t in tables if "勾稽关系" in t[0][0])
    assert three[0][1:] == [
        "申请人情况 自然人",
        "申请人情况 法人或其他组织 商业企业",
        "申请人情况 法人或其他组织 科研机构",
        "申请人情况 法人或其他组织 社会公益组织",
        "申请人情况 法人或其他组织 法律服务机构",
        "申请人情况 法人或其他组织 其他",
        "总计",
    ]
    labels = [row[0] for row in three[1:]]
    assert (
        len(labels) == 23
    )  # 一, 二, (一) (二), (三) 8, (四) 3, (五) 5, (六), (七), 四: as the seed
    assert labels[-3:] == ["（六）其他处理", "（七）总计", "四、结转下年度继续办理"]
    assert all(cell == "0" for row in three[1:] for cell in row[1:])
    four = next(t for t in tables if t[0][0].startswith("行政复议"))
    assert len(four[0]) == 15 and four[1] == ["0"] * 15


def test_the_2021_format_changes_table_two_and_splits_other(write_config) -> None:
    ws = seed_ws(write_config(), dt.date(2022, 1, 20))
    figures = seed_2019_figures().replace(year=2021, norms_issued=2, norms_in_force=5,
                                          fees_amount_wan=0.12)  # fmt: skip
    ws.store.insert(figures)
    report = build_annual(ws.config, load_snapshot(ws, dt.date(2022, 1, 20)), 2021)
    assert report.template == "2021"
    tables = md_tables(render_md(annual_document(report)))
    rows = {row[0]: row[1:] for t in tables if t[0][0] == "信息内容" for row in t[1:]}
    assert rows["行政规范性文件"] == ["2", "0", "5"]
    assert rows["行政事业性收费"] == ["0.12"]
    assert "其他对外管理服务事项" not in rows and "政府集中采购" not in rows
    assert rows["行政许可"] == ["0"]  # 项目数量 columns dropped
    three = next(t for t in tables if "勾稽关系" in t[0][0])
    other = [row[0] for row in three[1:] if row[0].startswith("（六）")]
    assert len(other) == 3 and other[-1] == "（六）其他处理 3.其他"
