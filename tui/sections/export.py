"""导出 (Export): not built yet."""

from __future__ import annotations

from tui.sections.placeholder import Placeholder


class ExportSection(Placeholder):
    SECTION_ID = "export"
    ZH = "导出"
    EN = "Export"
