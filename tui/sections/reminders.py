"""提醒 (Reminders): not built yet."""

from __future__ import annotations

from tui.sections.placeholder import Placeholder


class RemindersSection(Placeholder):
    SECTION_ID = "reminders"
    ZH = "提醒"
    EN = "Reminders"
