"""The year-end summary on a small fixed data set: the figures a district assessor would read."""

from __future__ import annotations

import datetime as dt

import pytest

import checks.summary as summary_module
from checks.context import Snapshot
from checks.flags import Flag, Rule
from checks.summary import Period, build_summary, gaps_part
from tests.export_data import SOURCES, fill_summary_data, seed_ws


@pytest.fixture
def summary(write_config):
    ws = seed_ws(write_config(extra=SOURCES))
    fill_summary_data(ws)
    return build_summary(ws, Period.year(2025))


def test_every_figure_names_its_rule(summary) -> None:
    assert summary.figures
    for figure in summary.figures:
        assert "(" in figure.rule and figure.rule.strip()
    for part in summary.parts:
        assert part.rule


def test_platform_checks_per_month(summary) -> None:
    part = summary.part("checks")
    rows = {r["platform"]: r for r in part.rows}
    assert rows["website"]["ratio"] == "12/12"
    assert rows["wechat"]["ratio"] == "10/12"
    assert rows["wechat"]["missing"] == "2025-03, 2025-07"
    assert rows["wechat"]["on_time"] == 9  # May was recorded on 15 June, after day 10
    assert rows["board-01"]["ratio"] == "0/12"
    assert part.totals["done"] == 22 and part.totals["expected"] == 36
    assert summary.figure("checks_done") == "22/36"


def test_findings_and_how_they_were_closed(summary) -> None:
    t = summary.part("findings").totals
    assert t == {"found": 3, "closed": 2, "closed_on_time": 1, "open": 1, "overdue": 1}


def test_timeliness_on_time_late_missing_and_median(summary) -> None:
    part = summary.part("timeliness")
    t = part.totals
    assert (t["items"], t["on_time"], t["late"], t["missing"], t["pending"]) == (5, 2, 1, 1, 1)
    assert t["median_workdays"] == 9  # 5 (A), 21 (B), 9 (C: 低保, 10-day limit)
    assert t["on_time_pct"] == 50.0
    by_unit = {r["group"]: r for r in part.rows if r["dimension"] == "单位"}
    assert by_unit["民政办"]["on_time"] == 1
    assert (by_unit["党政办"]["late"], by_unit["党政办"]["missing"]) == (1, 1)
    by_liaison = {r["group"]: r for r in part.rows if r["dimension"] == "信息联络员"}
    assert by_liaison["张三"]["items"] == 4


def test_actions_opened_closed_overdue_verified(summary) -> None:
    t = summary.part("actions").totals
    assert t["opened"] == 4
    assert (t["closed"], t["closed_on_time"], t["closed_late"]) == (2, 1, 1)
    assert (t["verified"], t["open"], t["overdue"]) == (1, 2, 1)
    overdue = summary.part("actions_overdue").rows
    assert [r["title"] for r in overdue] == ["a3"]
    assert overdue[0]["days_overdue"] == (dt.date(2025, 12, 31) - dt.date(2025, 10, 1)).days


def test_study_per_quarter_with_attendance(summary) -> None:
    rows = {r["quarter"]: r for r in summary.part("study").rows}
    assert (rows["2025Q1"]["sessions"], rows["2025Q1"]["attendance"]) == (2, 18)
    assert rows["2025Q2"]["attendance"] == 3
    assert rows["2025Q3"]["met"] == "否"
    assert summary.part("study").totals["quarters_met"] == 3


def test_assessments_reminders_availability(summary) -> None:
    assert [r["unit"] for r in summary.part("assessments").rows] == ["村01"]
    reminders = {r["subject"]: r for r in summary.part("reminders").rows}
    assert reminders["整改事项"]["sent"] == 2 and reminders["整改事项"]["acknowledged"] == 1
    assert summary.figure("reminders_sent") == 3
    months = {r["month"]: r for r in summary.part("availability").rows}
    assert (
        months["2025-03"]["probes"],
        months["2025-03"]["failed"],
        months["2025-03"]["slow"],
    ) == (
        20,
        1,
        1,
    )
    assert months["2025-03"]["failure_pct"] == 10.0 and months["2025-03"]["over_limit"] == "是"
    assert months["2025-04"]["failure_pct"] == 0.0


def test_vetoes_evaluated_on_every_month_end(write_config, monkeypatch) -> None:
    ws = seed_ws(write_config(extra=SOURCES))
    seen: list[dt.date] = []

    def fake_evaluate(ctx):
        seen.append(ctx.today)
        if ctx.today.month in (3, 4):
            return [
                Flag(
                    "veto",
                    "website",
                    "news",
                    "首页两周未更新",
                    Rule("两周未更新", "国办秘函〔2019〕19号"),
                )
            ]
        return [Flag("warning", "x", "1", "not a veto", Rule("r", "s"))]

    monkeypatch.setattr(summary_module, "evaluate", fake_evaluate)
    result = build_summary(ws, Period.year(2025))
    part = result.part("vetoes")
    assert len(seen) == 12 and seen[0] == dt.date(2025, 1, 31) and seen[-1] == dt.date(2025, 12, 31)
    assert part.totals["vetoes"] == 2 and part.totals["veto_days"] == 2
    assert part.totals["by_rule"] == {"两周未更新": 2}
    assert "国办秘函" in part.rows[0]["rule"]


def test_column_gaps_from_item_dates(write_config) -> None:
    ws = seed_ws(write_config(extra=SOURCES))
    items = [
        {"source": "news", "url": f"u{d}", "date": d}
        for d in ("2024-12-28", "2025-01-05", "2025-01-30", "2025-03-01")
    ]
    part = gaps_part(ws, Snapshot(web_items=items), [], Period.year(2025), dt.date(2025, 12, 31))
    row = part.rows[0]
    assert row["items"] == 3 and row["limit"] == 14
    assert row["longest_gap"] == (dt.date(2025, 12, 31) - dt.date(2025, 3, 1)).days
    assert row["gaps_over"] == 3  # 25 days, 30 days, and March to the end of the year


def test_a_date_range_counts_only_inside(write_config) -> None:
    ws = seed_ws(write_config(extra=SOURCES))
    fill_summary_data(ws)
    result = build_summary(ws, Period(dt.date(2025, 3, 1), dt.date(2025, 6, 30)))
    assert result.part("timeliness").totals["items"] == 3
    assert [r["quarter"] for r in result.part("study").rows] == ["2025Q1", "2025Q2"]
    assert result.part("study").rows[0]["sessions"] == 1  # the January session is outside
