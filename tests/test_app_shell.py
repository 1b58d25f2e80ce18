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


async def test_flag_titles_are_shown_literally(ws, monkeypatch) -> None:
    import checks.rules.website as website
    from checks.flags import Flag, Rule

    nasty = "沙政发[2019]12号 [/x] [bold]不是标记"

    def rule(ctx):
        return [Flag("veto", "sources", "zl-news", nasty, Rule("测试", "测试"))]

    monkeypatch.setattr(website, "RULES", [rule])
    app = GongkaiApp(ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#flags", DataTable)
        assert str(table.get_cell_at((0, 3))) == nasty  # a veto sorts first
        assert "单项否决 1" in str(app.screen.query_one("#summary", Static).render())


async def test_english_setting(write_config, today) -> None:
    from tracker.clock import Clock
    from tracker.workspace import open_workspace

    path = write_config()
    path.write_text(
        path.read_text(encoding="utf-8").replace("[office]\n", '[office]\nlocale = "en"\n'),
        encoding="utf-8",
    )
    ws = open_workspace(path, Clock.on(today))
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from textual.widgets import OptionList

        nav = app.screen.query_one("#nav", OptionList)
        labels = [str(nav.get_option_at_index(i).prompt) for i in range(nav.option_count)]
        assert "1  Today" in labels and "2  Monthly checks" in labels
        assert "Tuesday" in app.sub_title


async def test_number_keys_pressed_together_settle_on_the_last(ws) -> None:
    from textual.events import Key
    from textual.widgets import OptionList

    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "5678123":  # all queued before any is handled, as when the app is busy
            app.post_message(Key(key, key))
        await app.workers.wait_for_complete()
        await pilot.pause()
        switcher = app.screen.query_one("#main", ContentSwitcher)
        nav = app.screen.query_one("#nav", OptionList)
        assert (switcher.current, nav.highlighted) == ("actions", 2)
        await pilot.pause()
        await pilot.pause()  # and it stays there: no highlight echo keeps switching sections
        assert (switcher.current, nav.highlighted) == ("actions", 2)


async def test_enter_on_a_flag_opens_its_section_ready_for_keys(ws) -> None:
    from tracker.records import Action

    ws.store.insert(Action(title="落实信息联络员岗位责任制", due=ws.clock.today()))
    app = GongkaiApp(ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#flags", DataTable)
        table.focus()
        row = next(
            i for i in range(table.row_count) if "落实信息联络员" in str(table.get_cell_at((i, 3)))
        )
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#main", ContentSwitcher).current == "actions"
        assert isinstance(app.focused, DataTable) and app.focused is not table
