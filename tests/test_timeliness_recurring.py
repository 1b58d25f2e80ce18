"""Recurring publications: periods and due days across month and year ends, sync, and flags."""

from __future__ import annotations

import datetime as dt

from checks.context import RuleContext, Snapshot
from checks.recurring import expected_items, sync_recurring
from checks.rules import deadlines, evaluate
from tracker.config import load_config
from tracker.records import PublicationItem
from tracker.workspace import calendar_for

D = dt.date

PUBLICATIONS = """
[[publications]]
id = "dibao"
title = "每月低保名单公示"
match = "低保"
every = "month"
due_day = 10
category = "社会救助"
unit = "民生服务中心"
liaison = "马丽"

[[publications]]
id = "month-end"
title = "月末财务公开"
match = "财务"
every = "month"
due_day = 31
category = "村务"
unit = "村01"

[[publications]]
id = "village-finance"
title = "村级财务收支公开"
match = "财务|收支"
every = "quarter"
due_day = 15
category = "村务"
unit = "各村"

[[publications]]
id = "annual-report"
title = "政府信息公开工作年度报告"
match = "年度报告"
every = "year"
due_month = 1
due_day = 31
category = "年度报告"
unit = "党政办公室"
"""


def config(write_config):
    return load_config(write_config(extra=PUBLICATIONS))


def due_of(expected, rule: str, period: str) -> dt.date:
    return next(e.due for e in expected if e.rule == rule and e.period == period)


def test_month_quarter_and_year_due_days_across_the_year_end(write_config) -> None:
    expected = expected_items(config(write_config), D(2026, 12, 20))
    periods = {(e.rule, e.period) for e in expected}
    assert due_of(expected, "dibao", "2026-12") == D(2026, 12, 10)
    assert due_of(expected, "dibao", "2027-01") == D(2027, 1, 10)
    # Q4 is due in the first month after the quarter, the 2026 report in January 2027.
    assert due_of(expected, "village-finance", "2026Q4") == D(2027, 1, 15)
    assert ("annual-report", "2026") not in periods  # due Jan 31: beyond a month ahead
    january = expected_items(config(write_config), D(2027, 1, 5))
    assert due_of(january, "annual-report", "2026") == D(2027, 1, 31)
    assert due_of(january, "dibao", "2026-12") == D(2026, 12, 10)
    assert not any(e.period.startswith("2027") and e.rule == "annual-report" for e in january)
    assert [e.due for e in expected] == sorted(e.due for e in expected)


def test_a_31st_due_day_is_clamped_to_short_months(write_config) -> None:
    expected = expected_items(config(write_config), D(2026, 2, 20))
    assert due_of(expected, "month-end", "2026-02") == D(2026, 2, 28)
    assert due_of(expected, "month-end", "2026-01") == D(2026, 1, 31)
    leap = expected_items(config(write_config), D(2028, 2, 20))
    assert due_of(leap, "month-end", "2028-02") == D(2028, 2, 29)
    april = expected_items(config(write_config), D(2026, 4, 20))
    assert due_of(april, "month-end", "2026-04") == D(2026, 4, 30)


def test_window_is_two_months_back_and_a_month_ahead(write_config) -> None:
    expected = expected_items(config(write_config), D(2026, 11, 24))
    dibao = [e.period for e in expected if e.rule == "dibao"]
    assert dibao == ["2026-10", "2026-11", "2026-12"]
    assert due_of(expected, "village-finance", "2026Q3") == D(2026, 10, 15)


def test_sync_adds_missing_periods_once(write_config, today) -> None:
    from tracker.clock import Clock
    from tracker.workspace import open_workspace

    path = write_config(extra=PUBLICATIONS)
    open_workspace(path, Clock.on(D(2026, 9, 1)))  # the data file was started in September
    ws = open_workspace(path, Clock.on(today))
    added = sync_recurring(ws.store, ws.config, today)
    assert {(i.rule, i.period) for i in added} >= {("dibao", "2026-11"), ("dibao", "2026-12")}
    assert sync_recurring(ws.store, ws.config, today) == []
    item = next(
        i for i in ws.store.all(PublicationItem) if i.period == "2026-11" and i.rule == "dibao"
    )
    assert item.due == D(2026, 11, 10) and item.category == "social_assistance"
    assert item.liaison == "马丽" and item.title == "每月低保名单公示 2026-11"
    # Formed is notional: 10 working days before the due day.
    assert ws.calendar.workdays_between(item.formed, item.due) == 10
    # Marked published (even before that notional formed day) it stays and is not re-added.
    ws.store.update(item.replace(status="published", published=D(2026, 10, 20)))
    assert sync_recurring(ws.store, ws.config, today) == []


def test_periods_due_before_the_data_file_was_started_are_not_expected(write_config) -> None:
    cfg = config(write_config)
    since = D(2026, 11, 24)
    periods = {e.period for e in expected_items(cfg, since, since=since) if e.rule == "dibao"}
    assert periods == {"2026-12"}  # 2026-10 and 2026-11 fell due before the office used gongkai


def ctx(cfg, today, items=()) -> RuleContext:
    return RuleContext(today, cfg, calendar_for(cfg), Snapshot(items=list(items)))


def test_expected_periods_are_deadlines_even_before_sync(write_config) -> None:
    cfg = config(write_config)
    found = {d.id: d for d in deadlines(ctx(cfg, D(2026, 11, 24)))}
    assert found["dibao:2026-11"].due == D(2026, 11, 10)
    assert found["dibao:2026-11"].owner == "马丽"
    assert found["village-finance:2026Q3"].owner == "各村"
    flags = {f.id: f for f in evaluate(ctx(cfg, D(2026, 11, 24)))}
    assert flags["dibao:2026-11"].kind == "overdue"
    assert flags["dibao:2026-11"].days_overdue == 14


def test_registered_items_flag_by_their_own_deadline(write_config) -> None:
    cfg = config(write_config)
    today = D(2026, 11, 24)
    items = [
        PublicationItem.from_input(
            {"title": "征地补偿方案", "formed": "2026-10-20", "unit": "村01", "liaison": "张三"}
        ),
        PublicationItem.from_input(
            {"title": "临时救助名单", "formed": "2026-11-19", "category": "社会救助"}
        ),
        PublicationItem.from_input(
            {
                "title": "已发布",
                "formed": "2026-10-01",
                "status": "published",
                "published": "2026-10-09",
            }
        ),
        PublicationItem.from_input(
            {"title": "撤回", "formed": "2026-09-01", "status": "withdrawn"}
        ),
    ]
    for n, item in enumerate(items, 1):
        item.id = n
    flags = {f.id: f for f in evaluate(ctx(cfg, today, items)) if f.subject == "publication_items"}
    assert flags["1"].kind == "overdue"  # due Nov 17 (20 working days after Oct 20)
    assert flags["1"].due == D(2026, 11, 17)
    assert "2" not in flags  # due Dec 3: not within 3 working days yet
    assert "3" not in flags and "4" not in flags
    soon = {f.id: f for f in evaluate(ctx(cfg, D(2026, 12, 1), items))}
    assert soon["2"].kind == "due_soon"
    owners = {d.id: d.owner for d in deadlines(ctx(cfg, today, items))}
    assert owners["1"] == "张三"


def test_category_names_become_codes_and_unknown_text_is_kept() -> None:
    def make(category: str) -> PublicationItem:
        return PublicationItem.from_input(
            {"title": "x", "formed": "2026-11-02", "category": category}
        )

    assert make("社会救助").category == "social_assistance"
    assert make("低保名单").category == "social_assistance"
    assert make("义务教育").category == "education"
    assert make("education").category == "education"
    assert make("民族宗教").category == "民族宗教"
