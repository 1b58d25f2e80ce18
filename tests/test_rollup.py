"""gongkai rollup: two towns' json exports side by side."""

from __future__ import annotations

import openpyxl

from checks.export import export_summary
from checks.summary import Period
from tests.export_data import SOURCES, fill_summary_data, seed_ws
from tui.cli import main

OTHER_TOWN = """
[office]
name = "宣和镇党政办公室"
unit = "宣和镇人民政府"

[storage]
path = "data2/gongkai.json"
"""


def test_rollup_of_two_towns(write_config, tmp_path, capsys) -> None:
    a = seed_ws(write_config(extra=SOURCES))
    fill_summary_data(a)
    b = seed_ws(write_config(OTHER_TOWN, name="b.toml"))
    export_summary(a, Period.year(2025), "json", tmp_path / "a.json")
    export_summary(b, Period.year(2025), "json", tmp_path / "b.json")
    out = tmp_path / "district.xlsx"
    assert (
        main(["rollup", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--out", str(out)]) == 0
    )
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[3]]
    assert header[:3] == ["单位", "统计期间", "月度清查 已做/应做"]
    rows = {
        r[0]: dict(zip(header, r, strict=False))
        for r in ws.iter_rows(min_row=4, values_only=True)
        if r[0]
    }
    town_a, town_b = (
        rows["测试镇人民政府 测试镇党政办公室"],
        rows["宣和镇人民政府 宣和镇党政办公室"],
    )
    assert town_a["月度清查 已做/应做"] == "22/36" and town_a["按时率%"] == 50
    assert town_a["整改逾期"] == 1 and town_b["整改逾期"] == 0
    assert town_a["单项否决"] == 0
    md = tmp_path / "d.md"
    assert (
        main(["rollup", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--out", str(md)]) == 0
    )
    assert "宣和镇人民政府" in md.read_text(encoding="utf-8")


def test_rollup_refuses_a_file_that_is_not_an_export(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    assert main(["rollup", str(bad), "--out", str(tmp_path / "x.md")]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "export" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert main(["rollup", str(broken), "--out", str(tmp_path / "x.md")]) == 2
    assert main(["rollup", str(bad), "--out", str(tmp_path / "x.csv")]) == 2
