"""The actions screen: add, edit, close (refused without a note) and verify an action."""

from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Input, Static, TextArea

from tracker.records import Action
from tui.app import GongkaiApp
from tui.forms import RecordForm
from tui.sections.detail import DetailScreen
from tui.sections.record_table import RecordTable


def cells(app) -> list[list[str]]:
    table = app.screen.query_one("#actions-table DataTable", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_actions(pilot) -> None:
    await pilot.press("3")
    await pilot.pause()
    pilot.app.screen.query_one("#actions-table DataTable", DataTable).focus()
    await pilot.pause()


async def test_add_edit_close_and_verify(ws) -> None:
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot)
        assert "还没有整改事项" in str(
            app.screen.query_one("#actions-table .table-empty", Static).render()
        )

        # Add.
        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-title", Input).value = "落实信息联络员岗位责任制"
        app.screen.query_one("#field-owner", Input).value = "张三"
        app.screen.query_one("#field-due", Input).value = "2026-11-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
        [row] = cells(app)
        assert row[0] == "未开始" and "4 天" in row[1] and row[2] == "张三"
        assert ws.store.all(Action)[0].created_on is not None

        # Edit: a wrong date is refused on the field, then fixed.
        await pilot.press("e")
        due = app.screen.query_one("#field-due", Input)
        due.value = "2026-13-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        due.value = "2026-12-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [row] = cells(app)
        assert row[1] == "" and row[4] == "2026-12-20"

        # Verify before closing is refused with a message.
        await pilot.press("v")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
        assert "先按 c 完成" in str(app.screen.query_one("#actions .message", Static).render())

        # Close without a note is refused; with a note it is done.
        await pilot.press("c")
        assert isinstance(app.screen, RecordForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert "不能为空" in str(app.screen.query_one("#form-error", Static).render())
        app.screen.query_one("#field-text", TextArea).text = "已明确各村联络员并签订责任书"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
        action = ws.store.all(Action)[0]
        assert action.status == "done" and action.close_note == "已明确各村联络员并签订责任书"
        assert cells(app)[0][0] == "已完成"

        # Verify is its own step, naming who checked.
        await pilot.press("v")
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-by", Input).value = "李主任"
        await pilot.press("ctrl+s")
        await pilot.pause()
        action = ws.store.all(Action)[0]
        assert (action.status, action.verified_by) == ("verified", "李主任")
        assert str(action.verified_on) == "2026-11-24"

        # Enter shows the details.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        body = str(app.screen.query_one("#detail-body", Static).render())
        assert "李主任" in body and "签订责任书" in body


async def test_progress_note_and_recurring_close(ws) -> None:
    ws.store.insert(
        Action.from_input(
            {
                "title": "每月检查公开栏",
                "due": "2026-11-30",
                "recurrence": "monthly",
                "unit": "村01",
            }
        )
    )
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot)
        await pilot.press("n")
        app.screen.query_one("#field-text", TextArea).text = "已检查 6 个公开栏"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert cells(app)[0][0] == "进行中"
        await pilot.press("c")
        app.screen.query_one("#field-text", TextArea).text = "本月完成"
        await pilot.press("ctrl+s")
        await pilot.pause()
        statuses = sorted(a.status for a in ws.store.all(Action))
        assert statuses == ["done", "not_started"]
        assert "2026-12-30" in str(app.screen.query_one("#actions .message", Static).render())
        # Filter: overdue only shows nothing; status filter by text finds the unit.
        search = app.screen.query_one("#actions-table .filter-text", Input)
        search.value = "村02"
        await pilot.pause()
        assert cells(app) == []
        search.value = "村01"
        await pilot.pause()
        assert len(cells(app)) == 2


async def test_sort_by_key_and_by_header_and_overdue_filter(ws) -> None:
    for title, owner, due in (("乙", "王五", "2026-11-01"), ("甲", "张三", "2026-12-20")):
        ws.store.insert(Action.from_input({"title": title, "owner": owner, "due": due}))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot)
        # Opens most overdue first.
        assert [r[2] for r in cells(app)] == ["王五", "张三"]
        await pilot.press("s")  # from 逾期 to the next column, 责任人
        await pilot.pause()
        table = app.screen.query_one("#actions-table", RecordTable)
        assert table.sort_column == "owner"
        assert [r[2] for r in cells(app)] == ["张三", "王五"]  # by code point
        table.sort_by("owner")  # same as clicking the header again: reversed
        await pilot.pause()
        assert [r[2] for r in cells(app)] == ["王五", "张三"]
        app.screen.query_one("#actions-table .filter-overdue", Checkbox).value = True
        await pilot.pause()
        assert [r[2] for r in cells(app)] == ["王五"]


async def test_escape_leaves_the_filter_box_for_the_table(ws) -> None:
    from textual.widgets import Input

    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_actions(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert isinstance(app.focused, DataTable)
        await pilot.press("a")  # the section's keys work again
        assert isinstance(app.screen, RecordForm)
