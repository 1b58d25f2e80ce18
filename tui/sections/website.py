"""网站监测 (Website): not built yet."""

from __future__ import annotations

from tui.sections.placeholder import Placeholder


class WebsiteSection(Placeholder):
    SECTION_ID = "website"
    ZH = "网站监测"
    EN = "Website"
