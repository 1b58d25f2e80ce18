"""Yes/no before something that cannot be undone from the screen (deleting a record)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tracker.i18n import tr
from tui.safe import literal


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", tr("是", "Yes")),
        Binding("n,escape", "answer(False)", tr("否", "No")),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 60; height: auto; border: thick $error; background: $surface; padding: 1 2;
    }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.question))
            yield Static(
                literal(tr("按 y 确定, n 或 Esc 取消", "y: yes, n or Esc: no")), classes="note"
            )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def delete_question(what: str) -> str:
    return tr(
        f"删除 {what}?\n删除记入修改记录, 当天的备份里仍有原数据。",
        f"Delete {what}?\nThe deletion is logged, and today's backup still holds it.",
    )
