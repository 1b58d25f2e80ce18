"""A new data file does not make the office overdue for months before it used gongkai."""

from __future__ import annotations

import datetime as dt

from checks.status import flags_for
from tracker.clock import Clock
from tracker.workspace import open_workspace


def test_first_start_lists_no_missing_checks_from_before_it(config_path) -> None:
    ws = open_workspace(config_path, Clock.on(dt.date(2026, 11, 24)))
    assert ws.store.created == dt.date(2026, 11, 24)
    missing = [f for f in flags_for(ws) if f.subject == "platforms"]
    # October's checks were due on 10 November, before the file existed: shown, not overdue
    assert [f.kind for f in missing] == ["info"]
    assert "3 个平台未录入" in missing[0].title and "不计逾期" in missing[0].title
    later = [f for f in flags_for(ws, dt.date(2026, 12, 11)) if f.subject == "platforms"]
    assert [f.kind for f in later] == ["overdue"]
    assert "3 个平台未录入" in later[0].title  # every platform of the test config, for November
