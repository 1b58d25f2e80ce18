"""The shared record form refuses wrong input on the field and returns a valid record."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from tracker.records import MonthlyCheck
from tui.forms import FormField, RecordForm

FIELDS = [
    FormField("volume", "信息发布量", "count"),
    FormField("last_update", "最近更新", "date"),
    FormField("problems", "问题", "multi", [("not_timely", "不及时"), ("incomplete", "不全面")]),
]


class Host(App[None]):
    result: object = "not dismissed"

    def compose(self) -> ComposeResult:
        yield Static("host")

    def open_form(self) -> None:
        form = RecordForm(
            "清查 微信公众号 2026-10",
            MonthlyCheck,
            FIELDS,
            {"volume": 3},
            fixed={"platform": "wechat", "month": "2026-10"},
            side="上月: 发布量 5",
        )
        self.push_screen(form, self._done)

    def _done(self, record: object) -> None:
        self.result = record


async def test_wrong_date_is_marked_and_not_saved() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_form()
        await pilot.pause()
        date_input = app.screen.query_one("#field-last_update", Input)
        date_input.value = "2026-02-30"
        await pilot.pause()
        assert date_input.has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result == "not dismissed"
        assert "最近更新" in str(app.screen.query_one("#form-error", Static).render())


async def test_negative_count_refused_then_fixed_and_saved() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_form()
        await pilot.pause()
        volume = app.screen.query_one("#field-volume", Input)
        volume.value = "-4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.result == "not dismissed"
        assert volume.has_class("-invalid")
        volume.value = "12"
        app.screen.query_one("#field-last_update", Input).value = "2026-10-28"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.result, MonthlyCheck)
        assert app.result.volume == 12 and app.result.platform == "wechat"
        assert str(app.result.last_update) == "2026-10-28"


async def test_a_long_form_scrolls_and_starts_in_its_first_field() -> None:
    fields = [FormField(f"f{n}", f"字段 {n}") for n in range(12)]

    class Long(Host):
        def open_form(self) -> None:
            names = {f"f{n}": "" for n in range(12)}
            self.push_screen(RecordForm("长表单", MonthlyCheck, fields, names), self._done)

    app = Long()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_form()
        await pilot.pause()
        first = app.screen.query_one("#field-f0", Input)
        assert app.focused is first
        last = app.screen.query_one("#field-f11", Input)
        assert last.region.height == 0 or last.region.y >= 24  # below the fold at first
        last.focus()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert 0 < last.region.y < 24  # scrolled into view


async def test_escape_asks_before_dropping_typed_input() -> None:
    from tui.confirm import ConfirmScreen

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_form()
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert app.result is None
        app.result = "not dismissed"
        app.open_form()
        await pilot.pause()
        await pilot.press("1", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, RecordForm)  # back to the form, input kept
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.result is None
