"""A whole monthly review driven with Pilot at 80x24, as the office would do it."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input, SelectionList, Sparkline, Static

from tracker.clock import Clock
from tracker.records import Action, MonthlyCheck
from tracker.workspace import open_workspace
from tui.app import GongkaiApp
from tui.forms import RecordForm
from tui.monthly_screens import HistoryScreen, TrendScreen
from tui.sections.monthly import PLATFORM_KEY, MonthlySection


def text_of(app: GongkaiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def row_text(app: GongkaiApp, platform_id: str) -> list[str]:
    table = app.screen.query_one("#monthly-table", DataTable)
    return [str(cell) for cell in table.get_row(PLATFORM_KEY + platform_id)]


async def open_review(app: GongkaiApp, pilot) -> MonthlySection:
    await pilot.press("2")  # a number key opens the section with the keyboard in its table
    await pilot.pause()
    assert isinstance(app.focused, DataTable)
    return app.screen.query_one("#monthly", MonthlySection)


async def test_a_whole_monthly_review(ws) -> None:
    ws.store.insert(MonthlyCheck(platform="wechat", month="2026-09", volume=8, followers=90))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        section = await open_review(app, pilot)
        assert "2026-10" in text_of(app, "#monthly-month")  # last month by default
        assert "已查 0/3" in text_of(app, "#monthly-summary")
        assert section.selected_platform_id() == "website"

        # the website: no followers asked; a wrong count and a wrong date are refused
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert not form.query("#field-followers")
        volume = form.query_one("#field-volume", Input)
        volume.value = "十二"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and volume.has_class("-invalid")
        assert "信息发布量" in text_of(app, "#form-error")
        volume.value = "12"
        last_update = form.query_one("#field-last_update", Input)
        last_update.value = "2026-10-32"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and last_update.has_class("-invalid")
        assert ws.store.all(MonthlyCheck)[-1].platform == "wechat"  # nothing saved yet
        last_update.value = "2026-10-28"
        form.query_one("#field-clicks", Input).value = "3000"
        form.query_one("#field-checked_on", Input).value = "2026-11-05"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
        (website,) = ws.store.find(MonthlyCheck, platform="website", month="2026-10")
        assert (website.volume, website.clicks, website.followers) == (12, 3000, None)
        assert website.checked_on == dt.date(2026, 11, 5)

        # saving moved on to the next platform; its form shows last month beside it
        assert section.selected_platform_id() == "wechat"
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, RecordForm)
        side = text_of(app, "#form-side")
        assert "上月 2026-09" in side and "90" in side
        form.query_one("#field-volume", Input).value = "5"
        form.query_one("#field-followers", Input).value = "100"
        form.query_one("#field-last_update", Input).value = "2026-10-01"
        form.query_one("#field-problems", SelectionList).select("not_timely")
        form.query_one("#field-measure_owner", Input).value = "张三"
        form.query_one("#field-measure_due", Input).value = "2026-12-10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert section.selected_platform_id() == "board-01"
        summary = text_of(app, "#monthly-summary")
        assert "已查 2/3" in summary and "发现问题 1" in summary and "单项否决 1" in summary
        assert "否决" in row_text(app, "wechat")[6] and "不及时" in row_text(app, "wechat")[6]

        # another month and back: the saved values are there
        await pilot.press("right_square_bracket")
        assert "2026-11" in text_of(app, "#monthly-month")
        assert "未录入" in row_text(app, "website")[1]
        await pilot.press("left_square_bracket")
        assert row_text(app, "website")[1:5] == ["已录入", "12", "", "3000"]
        assert row_text(app, "wechat")[5] == "8/90/-"  # last month's figures

        # the problem becomes an improvement action, once
        await pilot.press("p")
        assert section.selected_platform_id() == "wechat"
        await pilot.press("a")
        await pilot.press("a")
        (action,) = ws.store.all(Action)
        wechat = ws.store.find(MonthlyCheck, platform="wechat", month="2026-10")[0]
        assert action.origin == f"monthly_checks:{wechat.id}"
        assert (action.owner, action.due, action.category) == (
            "张三",
            dt.date(2026, 12, 10),
            "timeliness",
        )
        assert action.source == "monthly_check" and action.created_on == dt.date(2026, 11, 24)
        assert "不及时" in action.title

        # reopening shows what was saved; an edit keeps a history
        await pilot.press("p")
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.query_one("#field-volume", Input).value == "12"
        form.query_one("#field-volume", Input).value = "15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        history = ws.store.history(MonthlyCheck, website.id or 0)
        assert history[-1]["changes"] == {"volume": [12, 15]}
        await pilot.press("p")
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        assert "12 -> 15" in text_of(app, "#history-text")
        await pilot.press("escape")

        # the trend of the last 12 months
        await pilot.press("t")
        assert isinstance(app.screen, TrendScreen)
        assert app.screen.query_one("#trend-volume", Sparkline).data[-1] == 15
        assert not app.screen.query("#trend-followers")
        await pilot.press("escape")
        assert not isinstance(app.screen, TrendScreen)


GROUPED = """
[[platforms]]
id = "read-01"
kind = "reading_point"
name = "查阅点 村01"
group = "村01"
"""


async def test_groups_and_a_board_form(write_config, today) -> None:
    ws = open_workspace(write_config(extra=GROUPED), Clock.on(today))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        section = await open_review(app, pilot)
        table = app.screen.query_one("#monthly-table", DataTable)
        labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert labels[0] == "未分组" and "村01" in labels
        for _ in range(3):
            await pilot.press("n")
        assert section.selected_platform_id() == "read-01"  # n skips the group rows
        await pilot.press("p")
        assert section.selected_platform_id() == "board-01"
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.query("#field-volume") and not form.query("#field-followers")
        assert not form.query("#field-clicks")
        await pilot.press("escape")
        await pilot.press("a")
        assert "没有记录问题" in text_of(app, "#monthly-message")
        assert ws.store.all(Action) == []
