"""Recurring publications (config ``[[publications]]``): which periods are expected, and when.

Every month's 低保 / 特困 / 高龄 lists, each quarter's village finances, each year's annual
report. ``expected_items`` is pure (config + today); ``sync_recurring`` writes the expected items
that are not in the store yet, so they can be marked published like any other item (the website
poller matches titles against items that have ``rule`` set).

Due dates, for a rule with ``due_day`` D:
- month: day D of that month (clamped: D = 31 in February is the 28th/29th);
- quarter: day D of the first month after the quarter (2026Q4 → 2027-01-D);
- year: ``due_month``/D of the following year (the 2026 annual report → 2027-01-31).

The formed date of a generated item is notional: the due date minus the category's limit in
working days, i.e. the latest day the information could have been formed and still be due then.
It only matters for display; the item's deadline is its explicit ``due``.

Which periods: those due from ``lookback`` before today up to ``horizon`` after it. The lookback
keeps a first run from flooding the register with years of history nobody recorded; once an
item is in the store it stays there until it is published or withdrawn.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from checks.deadlines import workdays_for
from tracker.dates import clamped_date
from tracker.records.publications import PublicationItem, category_code
from tracker.workdays import WorkCalendar
from tracker.workspace import calendar_for

HORIZON = dt.timedelta(days=31)
"""How far ahead upcoming periods are listed."""
LOOKBACK = dt.timedelta(days=62)
"""How far back missed periods are still generated (about two months)."""


@dataclass(frozen=True)
class ExpectedItem:
    """One period of one recurring publication, with its due day."""

    rule: str
    period: str
    title: str
    due: dt.date
    start: dt.date
    category: str
    unit: str
    liaison: str

    @property
    def key(self) -> str:
        return f"{self.rule}:{self.period}"


def _period(pub: Any, year: int, index: int) -> tuple[str, dt.date, dt.date]:
    """(period label, first day of the period, due day) for the index-th period of a year."""
    if pub.every == "month":
        month = index + 1
        return (
            f"{year}-{month:02d}",
            dt.date(year, month, 1),
            clamped_date(year, month, pub.due_day),
        )
    if pub.every == "quarter":
        first = 3 * index + 1
        after = (year + 1, 1) if index == 3 else (year, first + 3)
        return f"{year}Q{index + 1}", dt.date(year, first, 1), clamped_date(*after, pub.due_day)
    return str(year), dt.date(year, 1, 1), clamped_date(year + 1, pub.due_month or 1, pub.due_day)


def _periods_per_year(every: str) -> int:
    return {"month": 12, "quarter": 4}.get(every, 1)


def expected_items(
    config: Any,
    today: dt.date,
    horizon: dt.timedelta = HORIZON,
    lookback: dt.timedelta = LOOKBACK,
    since: dt.date | None = None,
) -> list[ExpectedItem]:
    """Every period due between ``today - lookback`` and ``today + horizon``, soonest first.

    ``since`` (the day the data file was started) cuts off periods that fell due before the
    office used gongkai: nobody could have recorded them here.
    """
    first, last = today - lookback, today + horizon
    if since is not None:
        first = max(first, since)
    found: list[ExpectedItem] = []
    for pub in config.publications:
        # A year's items fall due up to the next year; start one year early to catch them.
        for year in range(first.year - 1, last.year + 1):
            for index in range(_periods_per_year(pub.every)):
                period, start, due = _period(pub, year, index)
                if first <= due <= last:
                    found.append(
                        ExpectedItem(
                            rule=pub.id,
                            period=period,
                            title=f"{pub.title} {period}",
                            due=due,
                            start=start,
                            category=category_code(pub.category) or "other",
                            unit=pub.unit,
                            liaison=pub.liaison,
                        )
                    )
    return sorted(found, key=lambda e: (e.due, e.rule))


def to_item(expected: ExpectedItem, calendar: WorkCalendar, rules: Any) -> PublicationItem:
    """The register entry for an expected period (formed date notional: due minus the limit)."""
    limit, _ = workdays_for(expected.category, rules)
    formed = calendar.add_workdays(expected.due, -limit).date
    return PublicationItem(
        title=expected.title,
        formed=formed,
        category=expected.category,
        unit=expected.unit,
        liaison=expected.liaison,
        due=expected.due,
        rule=expected.rule,
        period=expected.period,
    )


def missing_expected(
    expected: list[ExpectedItem], items: list[PublicationItem]
) -> list[ExpectedItem]:
    """Expected periods with no register entry yet (whatever its status)."""
    have = {(i.rule, i.period) for i in items if i.rule}
    return [e for e in expected if (e.rule, e.period) not in have]


def sync_recurring(
    store: Any, config: Any, today: dt.date, calendar: WorkCalendar | None = None
) -> list[PublicationItem]:
    """Add the expected items the register lacks; returns the items added.

    Reads first and writes only when something is missing, so opening the register every
    day costs no write.
    """
    calendar = calendar or calendar_for(config)
    expected = expected_items(config, today, since=getattr(store, "created", None))
    if not missing_expected(expected, store.all(PublicationItem)):
        return []
    added = []
    with store.transaction():
        # Re-read under the lock: the other process may have added them meanwhile.
        for item in missing_expected(expected, store.all(PublicationItem)):
            added.append(store.insert(to_item(item, calendar, config.rules)))
    return added
