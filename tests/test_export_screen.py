"""The 导出 screen: export from the app, see the consistency check first, keep the register."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Checkbox, DataTable, Input, Select, Static, TextArea

from tests.export_data import seed_ws
from tracker.records import AnnualFigures, Application
from tui.app import GongkaiApp
from tui.forms import RecordForm


async def open_export(app, pilot) -> None:
    await pilot.press("8")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.screen.query_one("#applications", DataTable).focus()  # keys act on the section
    await pilot.pause()


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def test_export_the_year_to_xlsx_and_see_where_it_went(write_config, tmp_path) -> None:
    ws = seed_ws(write_config())
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(app, pilot)
        assert app.screen.query_one("#export-year", Input).value == "2025"
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = text_of(app, "#export-result")
        path = tmp_path / "data" / "exports" / "年终汇总-2025.xlsx"
        assert str(path) in shown and path.exists()


async def test_annual_report_shows_the_check_and_refuses_until_forced(
    write_config, tmp_path
) -> None:
    ws = seed_ws(write_config(), dt.date(2026, 1, 10))
    ws.store.insert(
        Application(request="申请公开征地补偿方案", received=dt.date(2024, 12, 20))
    )  # carried into 2025
    ws.store.insert(AnnualFigures(year=2024, published_carry_forward=[0] * 7))  # …but 2024 said 0
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(app, pilot)
        app.screen.query_one("#export-report", Select).value = "annual-2021"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#export-format", Select).value == "docx"
        check = text_of(app, "#check-result")
        assert "不一致" in check and "表三 二 行 自然人 列" in check
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "未导出" in text_of(app, "#export-result")
        app.screen.query_one("#export-force", Checkbox).value = True
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        path = tmp_path / "data" / "exports" / "年度报告-2025-2021格式.docx"
        assert path.exists() and str(path) in text_of(app, "#export-result")


async def test_add_and_edit_an_application(write_config) -> None:
    ws = seed_ws(write_config(), dt.date(2026, 11, 24))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(app, pilot)
        app.screen.query_one("#applications", DataTable).focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-received", Input).value = "2026-11-02"
        app.screen.query_one("#field-request", TextArea).text = "申请公开征地补偿方案"
        app.screen.query_one("#field-number", Input).value = "沙政发[2019]12号 [/x]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#applications", DataTable)
        assert table.row_count == 1
        row = [str(c) for c in table.get_row_at(0)]
        assert row[1] == "沙政发[2019]12号 [/x]" and row[5] == "2026-11-30"
        table.focus()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-outcome", Select).value = "granted"
        app.screen.query_one("#field-answered", Input).value = "2026-11-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = ws.store.all(Application)
        assert len(saved) == 1 and saved[0].outcome == "granted"
        assert "已答复" in str(app.screen.query_one("#applications", DataTable).get_row_at(0)[5])


async def test_annual_figures_form_saves_one_record_per_year(write_config) -> None:
    ws = seed_ws(write_config(), dt.date(2026, 1, 10))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(app, pilot)
        app.screen.query_one("#applications", DataTable).focus()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-website_count", Input).value = "103"
        app.screen.query_one("#field-boards", Input).value = "扶贫 三十"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)  # refused, the field is marked
        assert "boards" in app.screen.query_one("#field-boards").id
        app.screen.query_one("#field-boards", Input).value = "扶贫: 32"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = ws.store.all(AnnualFigures)
        assert [(f.year, f.website_count, f.board_counts) for f in saved] == [
            (2025, 103, {"扶贫": 32})
        ]


async def test_record_a_review_for_table_four(write_config) -> None:
    from tracker.records import DisclosureCase

    ws = seed_ws(write_config(), dt.date(2026, 1, 10))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-kind", Select).value = "review"
        app.screen.query_one("#field-filed", Input).value = "2025-05-06"
        await pilot.press("ctrl+s")
        await pilot.pause()
        cases = ws.store.all(DisclosureCase)
        assert [(c.kind, c.result) for c in cases] == [("review", "")]
        assert "表四" in text_of(app, "#export-result")
