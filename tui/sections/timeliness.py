"""公开时效 (Timeliness): not built yet."""

from __future__ import annotations

from tui.sections.placeholder import Placeholder


class TimelinessSection(Placeholder):
    SECTION_ID = "timeliness"
    ZH = "公开时效"
    EN = "Timeliness"
