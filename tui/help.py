"""F1: what the current section is for and which keys do what."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tracker.i18n import tr
from tui.safe import literal


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", tr("关闭", "Close"))]

    def __init__(self, section_title: str, section_help: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.section_title = section_title
        self.section_help = section_help
        self.keys = keys

    def compose(self) -> ComposeResult:
        lines = [f"  {key}{' ' * max(1, 12 - cell_len(key))} {text}" for key, text in self.keys]
        with VerticalScroll(id="help-box"):
            yield Static(literal(tr("帮助", "Help") + f" — {self.section_title}", "bold"))
            yield Static(literal(self.section_help or ""))
            yield Static(literal(tr("按键", "Keys"), "bold"))
            yield Static(literal("\n".join(lines)))
            yield Static(
                literal(
                    tr(
                        "Ctrl+P 打开命令面板 (按名称转到某部分)。界面语言在 config.toml 的 [office] locale 设置。Esc 关闭本窗口。",
                        "Ctrl+P opens the command palette (go to a section by name). The language is [office] locale in config.toml. Esc closes this.",
                    ),
                    "dim",
                )
            )
