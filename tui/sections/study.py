"""学习与考核 (Study & assessment): not built yet."""

from __future__ import annotations

from tui.sections.placeholder import Placeholder


class StudySection(Placeholder):
    SECTION_ID = "study"
    ZH = "学习与考核"
    EN = "Study & assessment"
