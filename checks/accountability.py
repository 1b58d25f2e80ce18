"""监督考核: who publishes on time and who does not, per unit and per liaison.

The 2019 report names uneven effort across units and liaison duties not enforced, and promises
to tie disclosure to the villages' annual assessment. This turns the register, the actions and
the assessments into one ranked table, worst first, so the unevenness is plain to see.

Counted per unit and per liaison (an action's ``owner`` counts as its liaison):
- on time / late: published items (a late one counts against its unit and liaison);
- missing: items still unpublished after their deadline, including expected recurring periods
  the register does not hold yet;
- open and overdue actions; assessments with their average score and latest consequence.
Items and actions not yet due count nowhere: nobody is behind on them.

Rank: a penalty of 2 per missing item, 1 per late item and 1 per overdue action, highest first;
ties go to more missing, then more late, then the lower average score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checks.context import RuleContext
from checks.deadlines import item_timing
from checks.recurring import expected_items, missing_expected

KINDS = ("unit", "liaison")


@dataclass
class Standing:
    """One unit's or one liaison's record."""

    kind: str
    name: str
    on_time: int = 0
    late: int = 0
    late_workdays: int = 0
    missing: int = 0
    open_actions: int = 0
    overdue_actions: int = 0
    scores: list[float] = field(default_factory=list)
    assessments: int = 0
    consequence: str = ""
    """The consequence recorded by the latest assessment."""

    @property
    def average_score(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None

    @property
    def penalty(self) -> int:
        return 2 * self.missing + self.late + self.overdue_actions

    @property
    def published(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_pct(self) -> float | None:
        """Share of published items that went out on time (None when nothing was published)."""
        return 100.0 * self.on_time / self.published if self.published else None

    def rank_key(self) -> tuple[int, int, int, float, str]:
        score = self.average_score
        return (
            -self.penalty,
            -self.missing,
            -self.late,
            score if score is not None else 1000.0,
            self.name,
        )


def _in_year(day: dt.date | None, year: int | None) -> bool:
    return year is None or (day is not None and day.year == year)


def standings(ctx: RuleContext, year: int | None = None) -> list[Standing]:
    """Every unit and liaison that has items, actions or assessments, ranked worst first.

    ``year`` limits items to those due that year, actions to those due (or, without a due
    date, created) that year and assessments to that year's; None counts everything.
    """
    table: dict[tuple[str, str], Standing] = {}

    def rows(unit: str, liaison: str) -> list[Standing]:
        out = []
        for kind, name in (("unit", unit), ("liaison", liaison)):
            key = (kind, name.strip())
            if key not in table:
                table[key] = Standing(kind, key[1])
            out.append(table[key])
        return out

    for item in ctx.records.items:
        timing = item_timing(item, ctx.calendar, ctx.rules, ctx.today)
        if not _in_year(timing.due, year):
            continue
        for row in rows(item.unit, item.liaison):
            if timing.state == "on_time":
                row.on_time += 1
            elif timing.state == "late":
                row.late += 1
                row.late_workdays += timing.late_by
            elif timing.state == "overdue":
                row.missing += 1
    expected = missing_expected(
        expected_items(ctx.config, ctx.today, since=ctx.records.tracking_since), ctx.records.items
    )
    for e in expected:
        if e.due < ctx.today and _in_year(e.due, year):
            for row in rows(e.unit, e.liaison):
                row.missing += 1

    for action in ctx.records.actions:
        if action.status == "cancelled" or not _in_year(action.due or action.created_on, year):
            continue
        for row in rows(action.unit, action.owner):
            if action.is_open:
                row.open_actions += 1
                if action.days_overdue(ctx.today):
                    row.overdue_actions += 1

    for assessment in sorted(ctx.records.assessments, key=lambda a: a.date or dt.date.min):
        if year is not None and not (
            assessment.period.startswith(str(year)) or _in_year(assessment.date, year)
        ):
            continue
        for row in rows(assessment.unit, assessment.liaison):
            row.assessments += 1
            if assessment.score is not None:
                row.scores.append(assessment.score)
            if assessment.consequence:
                row.consequence = assessment.consequence

    found = [s for s in table.values() if s.name or _has_anything(s)]
    return sorted(found, key=lambda s: (KINDS.index(s.kind), s.rank_key()))


def _has_anything(s: Standing) -> bool:
    return bool(s.published or s.missing or s.open_actions or s.assessments)


def ranked(ctx: RuleContext, kind: str, year: int | None = None) -> list[Standing]:
    """Only units, or only liaisons, worst first."""
    return [s for s in standings(ctx, year) if s.kind == kind]
