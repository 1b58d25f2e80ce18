"""The study screen: record a session, see the quarter and attendance; record an assessment and
see the ranking, worst first."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static, TabbedContent

from tracker.records import Action, Assessment, PublicationItem, StudySession
from tui.app import GongkaiApp
from tui.forms import RecordForm


def rows(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{table_id} DataTable", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_record_a_session_and_an_assessment(ws) -> None:
    ws.store.insert(
        PublicationItem.from_input(
            {"title": "征地补偿", "formed": "2026-10-09", "unit": "村02", "liaison": "李四"}
        )
    )
    ws.store.insert(
        Action.from_input({"title": "整改", "unit": "村01", "owner": "张三", "due": "2026-11-01"})
    )
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#ranking-table DataTable", DataTable).focus()
        summary = app.screen.query_one("#study-summary", Static)
        assert "四季 0/1" in str(summary.render())
        ranking = rows(app, "ranking-table")
        # 村02 has a missing item (2 points), 村01 an overdue action (1): 村02 first.
        assert [r[1] for r in ranking if r[2] == "单位"][:2] == ["村02", "村01"]

        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-topic", Input).value = "学习《政府信息公开条例》"
        app.screen.query_one("#field-date", Input).value = "2026-11-20"
        app.screen.query_one("#field-attendees", Input).value = "张三, 李四, 王五"
        app.screen.query_one("#field-hours", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
        [session] = ws.store.all(StudySession)
        assert session.attendees == ["张三", "李四", "王五"] and session.headcount == 3
        assert app.screen.query_one("#study-tabs", TabbedContent).active == "study-sessions"
        assert rows(app, "sessions-table")[0][:3] == [
            "2026-11-20",
            "2026Q4",
            "学习《政府信息公开条例》",
        ]
        assert "四季 1/1" in str(summary.render())
        names = {r[0]: r[1] for r in rows(app, "attendance-table")}
        assert names == {"张三": "1", "李四": "1", "王五": "1"}

        # A wrong score is refused on its field; then the assessment is saved.
        await pilot.press("g")
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-unit", Input).value = "村02"
        app.screen.query_one("#field-liaison", Input).value = "李四"
        app.screen.query_one("#field-score", Input).value = "120"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert "100" in str(app.screen.query_one("#form-error", Static).render())
        app.screen.query_one("#field-score", Input).value = "72"
        app.screen.query_one("#field-consequence", Input).value = "通报批评"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [assessment] = ws.store.all(Assessment)
        assert (assessment.period, assessment.score) == ("2026", 72.0)
        app.screen.query_one("#study-tabs", TabbedContent).active = "study-ranking"
        await pilot.pause()
        top = rows(app, "ranking-table")[0]
        assert top[1] == "村02" and top[8] == "72" and top[9] == "通报批评"


async def test_a_session_entered_by_mistake_can_be_deleted_after_a_yes(ws) -> None:
    from tui.confirm import ConfirmScreen

    ws.store.insert(StudySession(date=ws.clock.today(), topic="误录"))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "study-sessions"
        await pilot.pause()
        app.screen.query_one("#sessions-table DataTable", DataTable).focus()
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(ws.store.all(StudySession)) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert ws.store.all(StudySession) == []
        [entry] = [h for h in ws.store.raw("_history").values() if h["table"] == "study_sessions"]
        assert entry["changes"]["topic"] == ["误录", None]  # the deletion is logged
