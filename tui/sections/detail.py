"""A record in full: every field as label and value, its notes and its change history."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tracker.i18n import tr
from tui.safe import literal


class DetailScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter,q", "dismiss", tr("关闭", "Close"))]
    DEFAULT_CSS = """
    DetailScreen { align: center middle; }
    DetailScreen > #detail-box {
        width: 92%; max-width: 100; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    DetailScreen #detail-title { text-style: bold; color: $accent; padding-bottom: 1; }
    """

    def __init__(self, title: str, lines: list[tuple[str, str]], footer: str = "") -> None:
        super().__init__()
        self.detail_title = title
        self.lines = lines
        self.footer = footer

    def compose(self) -> ComposeResult:
        # Pad by terminal cells, not characters: a Chinese character is two cells wide.
        width = max((cell_len(label) for label, _ in self.lines), default=0)
        body = "\n".join(
            f"{label}{' ' * (width - cell_len(label))}  {value}"
            for label, value in self.lines
            if value
        )
        with VerticalScroll(id="detail-box"):
            yield Static(literal(self.detail_title), id="detail-title")
            yield Static(literal(body), id="detail-body")
            if self.footer:
                yield Static(literal(self.footer), id="detail-footer")
            yield Static(literal(tr("Esc 关闭", "Esc to close")), classes="note")
