"""The app opens, shows the office and the date, moves between sections, and has help."""

from __future__ import annotations

from textual.widgets import ContentSwitcher, DataTable, Static

from tracker.records import MonthlyCheck
from tui.app import GongkaiApp
from tui.help import HelpScreen


async def test_header_shows_office_and_date(ws) -> None:
    app = GongkaiApp(ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.title == "测试镇党政办公室"
        assert "2026-11-24" in app.sub_title and "星期二" in app.sub_title


async def test_number_keys_and_help(ws) -> None:
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert app.screen.query_one("#main", ContentSwitcher).current == "monthly"
        await pilot.press("1")
        assert app.screen.query_one("#main", ContentSwitcher).current == "today"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_dashboard_empty_state(ws) -> None:
    for platform in ws.config.platforms:  # last month checked: no monthly check is overdue
        ws.store.insert(MonthlyCheck(platform=platform.id, month="2026-10"))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        empty = app.screen.query_one("#empty", Static)
        assert empty.display
        assert "没有逾期" in str(empty.render())
        assert not app.screen.query_one("#flags", DataTable).display
