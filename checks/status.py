"""The flags of one day, as the dashboard and ``gongkai status`` show them."""

from __future__ import annotations

import datetime as dt

from checks.context import RuleContext, load_snapshot
from checks.flags import Flag
from checks.rules import evaluate
from tracker.workspace import Workspace


def context_for(ws: Workspace, today: dt.date | None = None) -> RuleContext:
    day = today or ws.clock.today()
    return RuleContext(day, ws.config, ws.calendar, load_snapshot(ws, day))


def flags_for(ws: Workspace, today: dt.date | None = None) -> list[Flag]:
    return evaluate(context_for(ws, today))
