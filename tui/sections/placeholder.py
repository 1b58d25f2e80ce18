"""A section whose feature has not been built yet says so plainly, instead of pretending."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tracker.i18n import tr
from tui.sections.base import Section


class Placeholder(Section):
    ZH = ""
    EN = ""

    @classmethod
    def title(cls) -> str:
        return tr(cls.ZH, cls.EN)

    def compose(self) -> ComposeResult:
        yield Static(self.title(), classes="section-title")
        yield Static(
            tr("此部分尚未提供, 将在后续版本中加入。", "This part is not available yet."),
            classes="empty",
        )
