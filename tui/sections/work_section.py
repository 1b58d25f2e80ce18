"""What the register, actions and study sections share: a message line, safe writes, and
putting the keyboard in the table when the section is opened with a number key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.widgets import DataTable, Static

from tracker.errors import GongkaiError
from tracker.i18n import tr
from tui.safe import literal
from tui.sections.base import Section
from tui.sections.record_table import RecordTable


class WorkSection(Section):
    def message_line(self) -> Static:
        line = Static("", classes="message")
        line.display = False
        return line

    def say(self, text: str, *, error: bool = False) -> None:
        """Show the outcome of a move on screen (notifications may be off)."""
        line = self.query_one(".message", Static)
        line.update(literal(text, "bold red" if error else "green"))
        line.display = True
        self.notify(text, severity="error" if error else "information", markup=False)

    def write(self, change: Callable[[], Any], done: str) -> bool:
        """Run a store change; on success say ``done`` and let every section reload."""
        try:
            change()
        except GongkaiError as error:
            self.say(str(error), error=True)
            return False
        self.gongkai.data_changed()
        self.say(done)
        return True

    def focus_table(self, table: RecordTable) -> None:
        """Take the keyboard when opened by number key, but never from the navigation list
        (moving through it must keep working)."""
        focused = self.app.focused
        if focused is not None and (focused.id == "nav" or self in focused.ancestors):
            return
        self.call_after_refresh(table.query_one(DataTable).focus)


def title_with_hint(title: str) -> Static:
    """The section title, with where the keys are for someone new."""
    hint = tr("  / 筛选  F1 帮助", "  /: filter  F1: help")
    return Static(Text.assemble(title, (hint, "dim not bold")), classes="section-title")
