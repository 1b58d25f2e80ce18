"""Monthly-check rules at their boundaries, each on a fixed "today"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from checks.context import RuleContext, Snapshot
from checks.rules import evaluate
from checks.rules.platform_checks import (
    drop_pct,
    figure_drops,
    missing_checks,
    month_summary,
    open_measures,
    stale_at_check,
    stale_boards,
    stale_platforms,
)
from tracker.config import load_config
from tracker.records import Action, MonthlyCheck
from tracker.records.platform_checks import figures_for, shift_month
from tracker.workdays import WorkCalendar

EXTRA = """
[[platforms]]
id = "board-fin"
kind = "board"
name = "村01 财务公开栏"

[[sources]]
id = "news"
url = "http://127.0.0.1:9/news/"
category = "news"
platform = "website"
"""


@pytest.fixture
def config(write_config):
    return load_config(write_config(extra=EXTRA))


def ctx_for(config, today: dt.date, checks=(), actions=(), web_items=()) -> RuleContext:
    records = Snapshot(checks=list(checks), actions=list(actions), web_items=list(web_items))
    return RuleContext(today, config, WorkCalendar(), records)


def check(platform: str, month: str, id: int = 1, **fields: Any) -> MonthlyCheck:
    record = MonthlyCheck.from_input({"platform": platform, "month": month, **fields})
    record.id = id
    return record


def all_checked(month: str) -> list[MonthlyCheck]:
    ids = ["website", "wechat", "board-01", "board-fin"]
    return [check(p, month, id=n) for n, p in enumerate(ids, 1)]


# ---------------------------------------------------------------- recorded by day 10


def test_missing_check_is_due_on_day_10_and_overdue_on_day_11(config) -> None:
    day10 = ctx_for(config, dt.date(2026, 11, 10))
    [deadline] = missing_checks(day10)
    assert deadline.id == "checks:2026-10" and deadline.due == dt.date(2026, 11, 10)
    assert "4 个平台未录入" in deadline.title  # one line for the month, not one per board
    kinds_day10 = {f.id: f.kind for f in evaluate(day10) if f.subject == "platforms"}
    assert kinds_day10["checks:2026-10"] == "due_soon"
    day11 = ctx_for(config, dt.date(2026, 11, 11))
    flags = [f for f in evaluate(day11) if f.id == "checks:2026-10"]
    assert flags[0].kind == "overdue" and flags[0].days_overdue == 1
    assert "月度清查" in flags[0].rule.name


def test_check_recorded_on_day_10_clears_the_deadline(config) -> None:
    recorded = [check("wechat", "2026-10", checked_on="2026-11-10")]
    ctx = ctx_for(config, dt.date(2026, 11, 11), recorded)
    [deadline] = missing_checks(ctx)
    assert "3 个平台未录入" in deadline.title


def test_everything_checked_means_no_missing_deadline(config) -> None:
    ctx = ctx_for(config, dt.date(2026, 11, 24), all_checked("2026-10"))
    assert missing_checks(ctx) == []


# ---------------------------------------------------------------- 14 days without an update


def test_new_media_14_days_fine_15_days_veto(config) -> None:
    checks = [check("wechat", "2026-10", last_update="2026-10-31")]
    fine = stale_platforms(ctx_for(config, dt.date(2026, 11, 14), checks))
    assert fine == []
    veto = stale_platforms(ctx_for(config, dt.date(2026, 11, 15), checks))
    assert [(f.kind, f.id) for f in veto] == [("veto", "wechat")]
    assert "15 天" in veto[0].title and "国办秘函〔2019〕19号" in veto[0].rule.source


def test_poller_sighting_counts_as_an_update_for_the_website(config) -> None:
    checks = [check("website", "2026-10", last_update="2026-10-01")]
    items = [
        {"source": "news", "url": "u1", "title": "a", "date": "2026-11-10", "first_seen": "x"},
        {"source": "news", "url": "u2", "title": "b", "date": None, "first_seen": "x"},
        {"source": "other", "url": "u3", "title": "c", "date": "2026-11-23", "first_seen": "x"},
    ]
    assert stale_platforms(ctx_for(config, dt.date(2026, 11, 24), checks, web_items=items)) == []
    late = stale_platforms(ctx_for(config, dt.date(2026, 11, 25), checks, web_items=items))
    assert [f.id for f in late] == ["website"] and "2026-11-10" in late[0].title


def test_boards_are_not_judged_by_the_two_week_rule(config) -> None:
    checks = [check("board-01", "2026-10", last_update="2026-10-20")]
    assert stale_platforms(ctx_for(config, dt.date(2026, 11, 24), checks)) == []


def test_the_latest_check_that_found_a_gap_is_a_veto_for_its_month(config) -> None:
    checks = [
        check("wechat", "2026-10", id=7, last_update="2026-10-16", checked_on="2026-10-31"),
        check("wechat", "2026-09", id=8, last_update="2026-09-15", checked_on="2026-09-30"),
    ]
    # checked on 31 Oct, last update 16 Oct: 15 days; today the account is 14 days stale, fine
    flags = stale_at_check(ctx_for(config, dt.date(2026, 10, 30), checks))
    assert [(f.kind, f.subject, f.id) for f in flags] == [("veto", "monthly_checks", "7")]
    assert "2026-10" in flags[0].title and "15 天" in flags[0].title


def test_older_findings_and_platforms_stale_now_are_not_repeated(config) -> None:
    checks = [
        check("wechat", "2026-10", id=7, last_update="2026-10-20", checked_on="2026-10-31"),
        check("wechat", "2026-09", id=8, last_update="2026-09-01", checked_on="2026-09-30"),
    ]
    assert stale_at_check(ctx_for(config, dt.date(2026, 11, 2), checks)) == []  # Sep is history
    stale = [check("wechat", "2026-10", id=7, last_update="2026-10-01", checked_on="2026-10-31")]
    later = ctx_for(config, dt.date(2026, 11, 20), stale)
    assert stale_at_check(later) == [] and [f.id for f in stale_platforms(later)] == ["wechat"]


# ---------------------------------------------------------------- drops


def test_drop_pct_boundary() -> None:
    assert drop_pct(50, [100, 100, 100]) == 50
    assert drop_pct(49, [100, 100, 100]) == 51
    assert drop_pct(5, []) is None and drop_pct(None, [3]) is None and drop_pct(0, [0]) is None


@pytest.mark.parametrize(("volume", "flagged"), [(50, False), (49, True)])
def test_volume_drop_just_under_and_over_50_pct(config, volume: int, flagged: bool) -> None:
    checks = [
        check("wechat", "2026-07", id=1, volume=90),
        check("wechat", "2026-08", id=2, volume=100),
        check("wechat", "2026-09", id=3, volume=110),
        check("wechat", "2026-10", id=4, volume=volume),
    ]
    flags = figure_drops(ctx_for(config, dt.date(2026, 11, 24), checks))
    assert [(f.kind, f.id) for f in flags] == ([("warning", "4")] if flagged else [])


@pytest.mark.parametrize(("followers", "flagged"), [(80, False), (79, True)])
def test_followers_drop_just_under_and_over_20_pct(config, followers: int, flagged: bool) -> None:
    checks = [
        check("wechat", "2026-08", id=1, followers=100),
        check("wechat", "2026-09", id=2, followers=100),
        check("wechat", "2026-10", id=3, followers=followers),
    ]
    flags = figure_drops(ctx_for(config, dt.date(2026, 11, 24), checks))
    assert bool(flags) is flagged
    if flagged:
        assert "关注人数" in flags[0].title and flags[0].rule.name == "关注人数明显下降"


# ---------------------------------------------------------------- boards' cycles


def test_general_board_quarterly(config) -> None:
    checks = [check("board-01", "2026-08", last_update="2026-08-24")]
    assert stale_boards(ctx_for(config, dt.date(2026, 11, 24), checks)) == []
    flags = stale_boards(ctx_for(config, dt.date(2026, 11, 25), checks))
    assert [(f.kind, f.id) for f in flags] == [("warning", "board-01")]
    assert "村民委员会组织法" in flags[0].rule.source


def test_finance_board_monthly(config) -> None:
    checks = [check("board-fin", "2026-10", last_update="2026-10-24")]
    assert stale_boards(ctx_for(config, dt.date(2026, 11, 24), checks)) == []
    flags = stale_boards(ctx_for(config, dt.date(2026, 11, 25), checks))
    assert [f.id for f in flags] == ["board-fin"] and "每月" in flags[0].title


# ---------------------------------------------------------------- measures


def test_open_measure_is_a_deadline_until_closed_or_handed_over(config) -> None:
    open_ = check(
        "wechat",
        "2026-10",
        id=3,
        problems="not_timely",
        measure="每周至少发布 2 条",
        measure_owner="张三",
        measure_due="2026-11-20",
    )
    ctx = ctx_for(config, dt.date(2026, 11, 24), [open_])
    (deadline,) = open_measures(ctx)
    assert (deadline.subject, deadline.id, deadline.owner) == ("monthly_checks", "3", "张三")
    flags = [f for f in evaluate(ctx) if f.subject == "monthly_checks"]
    assert flags[0].kind == "overdue" and flags[0].days_overdue == 4
    closed = open_.replace(measure_closed="2026-11-19")
    assert open_measures(ctx_for(config, dt.date(2026, 11, 24), [closed])) == []
    action = Action(title="x", origin="monthly_checks:3")
    assert open_measures(ctx_for(config, dt.date(2026, 11, 24), [open_], [action])) == []


# ---------------------------------------------------------------- helpers


def test_month_summary_counts_checked_problems_and_vetoes(config) -> None:
    checks = [
        check("wechat", "2026-10", id=1, problems="not_rich"),
        check("website", "2026-10", id=2, last_update="2026-10-01", checked_on="2026-11-02"),
        check("wechat", "2026-09", id=3),
    ]
    summary = month_summary(config, checks, "2026-10")
    assert (summary.checked, summary.total, summary.problems, summary.vetoes) == (2, 4, 1, 1)


def test_figures_per_kind_and_month_shift() -> None:
    assert figures_for("board") == ("volume",)
    assert figures_for("website") == ("volume", "clicks")
    assert figures_for("wechat") == ("volume", "followers", "clicks")
    assert shift_month("2026-01", -1) == "2025-12" and shift_month("2026-11", 2) == "2027-01"
