"""整改事项 (Actions): not built yet."""

from __future__ import annotations

from tui.sections.placeholder import Placeholder


class ActionsSection(Placeholder):
    SECTION_ID = "actions"
    ZH = "整改事项"
    EN = "Actions"
