"""What every section of the app has: an id, a title, a help text, and a way to reload."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical

if TYPE_CHECKING:
    from tracker.workspace import Workspace
    from tui.app import GongkaiApp


class Section(Vertical):
    """One entry of the left navigation. Subclasses set SECTION_ID and implement the text hooks."""

    SECTION_ID: ClassVar[str] = ""
    DEFAULT_CLASSES = "section"

    @classmethod
    def title(cls) -> str:
        raise NotImplementedError

    @classmethod
    def help_text(cls) -> str:
        return ""

    @property
    def gongkai(self) -> GongkaiApp:
        from tui.app import GongkaiApp

        app = self.app
        assert isinstance(app, GongkaiApp)
        return app

    @property
    def ws(self) -> Workspace:
        return self.gongkai.workspace

    def reload(self) -> None:
        """Read the data again. The app calls it every time the section is shown (the first
        time right after mounting) and after changes; sections need not call it themselves."""
