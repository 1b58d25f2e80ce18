"""The register shows what is late and whose it is, first; p publishes, r reviews."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input, Static

from tracker.clock import Clock
from tracker.records import PublicationItem
from tracker.workspace import open_workspace
from tui.app import GongkaiApp
from tui.forms import RecordForm

PUBLICATION = """
[[publications]]
id = "dibao"
title = "每月低保名单公示"
match = "低保"
every = "month"
due_day = 10
category = "社会救助"
unit = "民生服务中心"
liaison = "马丽"
"""


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#timeliness-table DataTable", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_register(pilot) -> None:
    await pilot.press("4")
    await pilot.pause()
    pilot.app.screen.query_one("#timeliness-table DataTable", DataTable).focus()
    await pilot.pause()


async def test_late_items_first_with_liaison_and_unit_then_publish(write_config, today) -> None:
    path = write_config(extra=PUBLICATION)
    open_workspace(
        path, Clock.on(dt.date(2026, 9, 1))
    )  # the office started using gongkai in September
    ws = open_workspace(path, Clock.on(today))
    ws.store.insert(
        PublicationItem.from_input(
            {
                "title": "征地补偿方案公示",
                "formed": "2026-10-09",
                "category": "征地补偿",
                "unit": "村01",
                "liaison": "张三",
            }
        )
    )
    ws.store.insert(
        PublicationItem.from_input(
            {
                "title": "项目建设公告",
                "formed": "2026-11-23",
                "unit": "党政办公室",
                "liaison": "李四",
            }
        )
    )
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        shown = rows(app)
        # Recurring 低保 lists were registered on opening; Oct's is the most overdue.
        assert shown[0][:4] == ["逾期 32", "马丽", "民生服务中心", "2026-10-10"]
        zhangsan = next(r for r in shown if r[1] == "张三")
        assert (
            zhangsan[0] == "逾期 13"
        )  # due Thu Nov 5 (Sat Oct 10 is worked) and zhangsan[2] == "村01"
        assert shown[-1][0] == "剩 19"  # formed yesterday: 19 of 20 working days left
        summary = str(app.screen.query_one("#timeliness-summary", Static).render())
        assert "逾期未发布 3" in summary

        # Filter by liaison, then mark reviewed and published (three working days late).
        search = app.screen.query_one("#timeliness-table .filter-text", Input)
        search.value = "张三"
        await pilot.pause()
        assert len(rows(app)) == 1
        app.screen.query_one("#timeliness-table DataTable", DataTable).focus()
        await pilot.press("r")
        await pilot.pause()
        assert rows(app)[0][5] == "已审核"
        await pilot.press("p")
        assert isinstance(app.screen, RecordForm)
        published = app.screen.query_one("#field-published", Input)
        assert published.value == "2026-11-24"
        published.value = "2026-11-10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [row] = rows(app)
        assert row[0] == "迟 3" and row[5] == "已发布"
        item = next(i for i in ws.store.all(PublicationItem) if i.liaison == "张三")
        assert (item.status, item.published, item.reviewed) == (
            "published",
            dt.date(2026, 11, 10),
            dt.date(2026, 11, 24),
        )


async def test_add_item_computes_social_assistance_deadline(ws) -> None:
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_register(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-title", Input).value = "临时救助对象公示"
        app.screen.query_one("#field-liaison", Input).value = "王五"
        app.screen.query_one("#field-formed", Input).value = "2026-11-16"
        from textual.widgets import Select

        app.screen.query_one("#field-category", Select).value = "social_assistance"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [row] = rows(app)
        assert row[:4] == ["剩 4", "王五", "", "2026-11-30"]
