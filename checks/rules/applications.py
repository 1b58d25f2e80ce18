"""依申请公开 rules: the statutory answer deadline of each open application.

Answer within ``application_answer_workdays`` working days of receipt (条例 第三十三条), plus
``application_extension_workdays`` when extended; a request for correction (补正) restarts the
clock on the day the correction is received (第三十条); days spent consulting a third party are
not counted (第三十二条). While a correction is awaited the applicant holds the clock: no deadline.
"""

from __future__ import annotations

import datetime as dt

from checks.context import DeadlineFn, RuleContext, RuleFn
from checks.flags import Deadline, Flag, Rule
from tracker.i18n import tr
from tracker.records import Application

ANSWER_RULE = Rule("依申请公开答复时限", "政府信息公开条例 第三十三条")

CORRECTION_RULE = Rule("补正告知时限", "政府信息公开条例 第三十条")


def late_correction_requests(ctx: RuleContext) -> list[Flag]:
    """A request for correction (补正) must go out within N working days of receipt."""
    limit = int(ctx.rules.application_correction_workdays)
    flags = []
    for app in ctx.records.applications:
        if not app.correction_requested or app.correction_requested > ctx.today:
            continue
        took = ctx.calendar.workdays_between(app.received, app.correction_requested)
        if took > limit:
            label = app.number or app.request[:24] or str(app.received)
            flags.append(
                Flag(
                    "warning",
                    "applications",
                    str(app.id),
                    tr(
                        f"补正告知用了 {took} 个工作日 (应在 {limit} 个以内): {label}",
                        f"correction requested after {took} working days (limit {limit}): {label}",
                    ),
                    CORRECTION_RULE,
                    app.correction_requested,
                )
            )
    return flags


RULES: list[RuleFn] = [late_correction_requests]
"""Rules that raise flags directly (vetoes, warnings)."""


def answer_due(ctx: RuleContext, app: Application) -> dt.date | None:
    """The last day to answer, or None while the office waits for the applicant's correction."""
    if app.correction_requested and not app.correction_received:
        return None
    start = app.correction_received or app.received
    # third-party consultation is not counted, up to the time the third party is given
    paused = min(int(app.third_party_days), int(ctx.rules.third_party_consultation_workdays))
    days = int(ctx.rules.application_answer_workdays) + paused
    if app.extended:
        days += int(ctx.rules.application_extension_workdays)
    return ctx.calendar.add_workdays(start, days).date


def application_deadlines(ctx: RuleContext) -> list[Deadline]:
    found = []
    for app in ctx.records.applications:
        if app.answered is not None or app.received > ctx.today:
            continue
        due = answer_due(ctx, app)
        if due is None:
            continue
        label = app.number or app.request[:24] or str(app.received)
        found.append(
            Deadline(
                "applications",
                str(app.id),
                tr(f"答复政府信息公开申请: {label}", f"answer the disclosure application: {label}"),
                due,
                ANSWER_RULE,
            )
        )
    return found


DEADLINES: list[DeadlineFn] = [application_deadlines]
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
