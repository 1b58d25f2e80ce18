"""月度清查 (Monthly checks): not built yet."""

from __future__ import annotations

from tui.sections.placeholder import Placeholder


class MonthlySection(Placeholder):
    SECTION_ID = "monthly"
    ZH = "月度清查"
    EN = "Monthly checks"
