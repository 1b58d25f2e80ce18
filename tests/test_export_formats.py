"""The files themselves: xlsx re-read with openpyxl, docx re-opened with python-docx, md, json."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from docx import Document as open_docx

from checks.export import export_annual, export_summary
from checks.summary import Period
from tests.export_data import SOURCES, fill_summary_data, seed_2019_figures, seed_ws
from tracker.formats.document import Document, Paragraph, Part, Table
from tracker.formats.xlsx import write_xlsx


@pytest.fixture
def data_ws(write_config):
    ws = seed_ws(write_config(extra=SOURCES))
    fill_summary_data(ws)
    return ws


def test_xlsx_sheets_headers_dates_and_frozen_panes(data_ws, tmp_path) -> None:
    path = export_summary(data_ws, Period.year(2025), "xlsx", tmp_path / "s.xlsx").path
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["总览", "平台月度清查", "清查发现的问题及整改"]
    ws = wb["清查发现的问题及整改"]
    assert ws.freeze_panes == "A4"  # title, rule, header row stay in view
    assert ws["A3"].value == "月份" and ws["A3"].font.b
    due = ws["G4"]
    assert due.is_date and due.value.date() == dt.date(2025, 3, 31)
    assert ws.column_dimensions["A"].width >= 8
    overview = wb["总览"]
    assert overview["C4"].value and "国办" in "".join(str(c.value) for c in overview["C"])


def test_text_from_outside_never_becomes_a_formula(data_ws, tmp_path) -> None:
    path = export_summary(data_ws, Period.year(2025), "xlsx", tmp_path / "s.xlsx").path
    ws = openpyxl.load_workbook(path)["清查发现的问题及整改"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_a_title_beginning_with_equals_stays_text(tmp_path) -> None:
    titles = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "关于=的通知"]
    doc = Document(
        "t",
        [Part("公开条目", [Table([["标题", "日期"]], [[t, dt.date(2026, 1, 2)] for t in titles])])],
    )
    wb = openpyxl.load_workbook(write_xlsx(doc, tmp_path / "t.xlsx"))
    ws = wb["公开条目"]
    values = [ws.cell(row=r, column=1) for r in range(3, 3 + len(titles))]
    assert [c.value for c in values] == titles
    assert all(c.data_type == "s" for c in values)
    assert all(c.quotePrefix for c in values[:5]) and not values[5].quotePrefix
    assert ws["B3"].is_date and ws.freeze_panes == "A3"


def test_docx_summary_opens_with_its_tables(data_ws, tmp_path) -> None:
    path = export_summary(data_ws, Period.year(2025), "docx", tmp_path / "s.docx").path
    doc = open_docx(str(path))
    assert len(doc.tables) == 12  # the overview plus one per part
    first = doc.tables[0]
    assert first.rows[0].cells[0].text == "指标"
    texts = [p.text for p in doc.paragraphs]
    assert any("平台月度清查" in t for t in texts)
    checks = doc.tables[1]
    assert [c.text for c in checks.rows[0].cells][:2] == ["平台编号", "平台"]


def test_docx_annual_report_has_the_national_tables(write_config, tmp_path) -> None:
    ws = seed_ws(write_config(), dt.date(2020, 1, 20))
    ws.store.insert(seed_2019_figures())
    path = export_annual(ws, 2019, "docx", "2019", tmp_path / "r.docx").path
    doc = open_docx(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "一、总体情况" and headings[-1] == "六、其他需要报告的事项"
    assert len(doc.tables) == 1 + 5 + 1 + 1  # channels, table 二 (5 parts), 三, 四
    three = doc.tables[6]
    assert len(three.rows) == 3 + 23
    assert three.rows[3].cells[0].text == "一、本年新收政府信息公开申请数量"
    purchase = doc.tables[5]
    assert [c.text for c in purchase.rows[1].cells] == ["政府集中采购", "1", "1368000"]


def test_json_has_the_same_figures(data_ws, tmp_path) -> None:
    path = export_summary(data_ws, Period.year(2025), "json", tmp_path / "s.json").path
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "gongkai-summary/1" and data["from"] == "2025-01-01"
    assert data["parts"]["checks"]["totals"]["done"] == 22
    assert {f["key"]: f["value"] for f in data["figures"]}["checks_done"] == "22/36"
    assert all(f["rule"] for f in data["figures"])


def test_markdown_escapes_pipes_and_keeps_outside_text(tmp_path) -> None:
    from tracker.formats.md import render_md

    doc = Document(
        "t", [Part("p", [Paragraph("x"), Table([["a"]], [["沙政发[2019]12号 | [/x]"]])])]
    )
    assert "沙政发[2019]12号 \\| [/x]" in render_md(doc)
