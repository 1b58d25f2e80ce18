"""Accountability: units and liaisons ranked worst first by missing, late and overdue work."""

from __future__ import annotations

import datetime as dt

from checks.accountability import ranked
from checks.context import RuleContext, Snapshot
from tracker.config import load_config
from tracker.records import Action, Assessment, PublicationItem
from tracker.workspace import calendar_for

D = dt.date
TODAY = D(2026, 11, 24)


def item(title: str, unit: str, liaison: str, formed: str, published: str | None = None):
    data = {"title": title, "unit": unit, "liaison": liaison, "formed": formed}
    if published:
        data |= {"status": "published", "published": published}
    return PublicationItem.from_input(data)


def test_ranking_puts_missing_and_late_work_first(write_config) -> None:
    config = load_config(
        write_config(
            extra='\n[[publications]]\nid = "dibao"\ntitle = "低保名单"\nmatch = "低保"\n'
            'every = "month"\ndue_day = 10\ncategory = "社会救助"\nunit = "民生服务中心"\n'
            'liaison = "马丽"\n'
        )
    )
    items = [
        # 村01: one on time (due Nov 2, published Oct 30), one late by 2 working days.
        item("村01 公告", "村01", "张三", "2026-09-29", "2026-10-30"),
        item("村01 方案", "村01", "张三", "2026-09-29", "2026-11-04"),
        # 村02: one missing (formed Oct 1 → due long past), one not yet due (does not count).
        item("村02 补偿", "村02", "李四", "2026-10-09"),
        item("村02 新", "村02", "李四", "2026-11-20"),
        # 村03: on time.
        item("村03 公告", "村03", "王五", "2026-11-02", "2026-11-03"),
    ]
    actions = [
        Action.from_input({"title": "整改", "unit": "村03", "owner": "王五", "due": "2026-11-01"}),
        Action.from_input({"title": "整改2", "unit": "村01", "owner": "张三", "due": "2026-12-30"}),
    ]
    assessments = [
        Assessment.from_input(
            {
                "unit": "村01",
                "liaison": "张三",
                "period": "2026",
                "score": 80,
                "consequence": "通报",
            }
        )
    ]
    ctx = RuleContext(
        TODAY,
        config,
        calendar_for(config),
        Snapshot(items=items, actions=actions, assessments=assessments),
    )
    units = ranked(ctx, "unit")
    # The monthly 低保 lists of Oct and Nov were never registered: 2 missing for 民生服务中心.
    assert [u.name for u in units] == ["民生服务中心", "村02", "村01", "村03"]
    by = {u.name: u for u in units}
    assert (by["民生服务中心"].missing, by["民生服务中心"].penalty) == (2, 4)
    assert (by["村02"].missing, by["村02"].published) == (1, 0)
    assert (by["村01"].on_time, by["村01"].late, by["村01"].late_workdays) == (1, 1, 2)
    assert by["村01"].open_actions == 1 and by["村01"].overdue_actions == 0
    assert by["村01"].average_score == 80 and by["村01"].consequence == "通报"
    assert (by["村03"].on_time, by["村03"].overdue_actions, by["村03"].penalty) == (1, 1, 1)
    liaisons = [s.name for s in ranked(ctx, "liaison")]
    assert liaisons == ["马丽", "李四", "张三", "王五"]
    # Counting only 2025 leaves nobody behind.
    assert all(s.penalty == 0 for s in ranked(ctx, "unit", year=2025))
