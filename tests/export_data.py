"""A small fixed data set for the export tests (year 2025, counted on 2026-02-01)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.clock import Clock
from tracker.records import (
    Action,
    AnnualFigures,
    Assessment,
    MonthlyCheck,
    PublicationItem,
    ReminderLog,
    StudySession,
)
from tracker.workspace import Workspace, open_workspace

D = dt.date
SOURCES = """
[[sources]]
id = "news"
url = "http://127.0.0.1:9/news/"
name = "镇罗镇动态"
category = "news"
"""
COUNTED_ON = D(2026, 2, 1)


def seed_ws(config_path: Path, day: dt.date = COUNTED_ON) -> Workspace:
    """The office has used gongkai since the start of 2025; counted on ``day``."""
    open_workspace(config_path, Clock.on(D(2025, 1, 1)))
    return open_workspace(config_path, Clock.on(day))


def fill_summary_data(ws: Workspace) -> None:
    s = ws.store
    for m in range(1, 13):
        nxt = D(2026, 1, 5) if m == 12 else D(2025, m + 1, 5)
        extra = {}
        if m == 6:
            extra = {"problems": ["incomplete"], "measure": "补全栏目", "measure_due": D(2025, 7, 31),
                     "measure_closed": D(2025, 8, 10)}  # fmt: skip
        if m == 11:
            extra = {"problem_note": '=HYPERLINK("http://x")', "measure_due": D(2025, 12, 15)}
        s.insert(
            MonthlyCheck(
                platform="website", month=f"2025-{m:02d}", volume=9, checked_on=nxt, **extra
            )
        )
    for m in range(1, 13):
        if m in (3, 7):
            continue
        checked = D(2025, 6, 15) if m == 5 else (D(2026, 1, 5) if m == 12 else D(2025, m + 1, 5))
        extra = {}
        if m == 2:
            extra = {"problems": ["not_timely"], "measure_due": D(2025, 3, 31),
                     "measure_closed": D(2025, 3, 20)}  # fmt: skip
        s.insert(
            MonthlyCheck(
                platform="wechat", month=f"2025-{m:02d}", volume=15, checked_on=checked, **extra
            )
        )
    items = [
        PublicationItem(title="A", formed=D(2025, 3, 3), unit="党政办", liaison="张三",
                        status="published", published=D(2025, 3, 10)),
        PublicationItem(title="B", formed=D(2025, 3, 3), unit="党政办", liaison="张三",
                        status="published", published=D(2025, 4, 1)),
        PublicationItem(title="C", formed=D(2025, 6, 9), category="低保", unit="民政办",
                        liaison="李四", status="published", published=D(2025, 6, 20)),
        PublicationItem(title="D", formed=D(2025, 11, 3), unit="党政办", liaison="张三"),
        PublicationItem(title="E", formed=D(2025, 12, 22), unit="党政办", liaison="张三"),
        PublicationItem(title="F", formed=D(2025, 5, 6), status="withdrawn"),
    ]  # fmt: skip
    for item in items:
        s.insert(item)
    actions = [
        Action(title="a1", category="timeliness", created_on=D(2025, 2, 1), due=D(2025, 3, 1),
               status="done", closed_on=D(2025, 2, 20), close_note="ok"),
        Action(title="a2", category="study", created_on=D(2025, 4, 1), due=D(2025, 5, 1),
               status="verified", closed_on=D(2025, 5, 10), close_note="ok",
               verified_on=D(2025, 5, 12), verified_by="镇纪委"),
        Action(title="a3", category="timeliness", created_on=D(2025, 9, 1), due=D(2025, 10, 1),
               status="in_progress"),
        Action(title="a4", category="other", created_on=D(2025, 10, 1), due=D(2026, 3, 1)),
        Action(title="a5", created_on=D(2025, 10, 1), status="cancelled"),
    ]  # fmt: skip
    for a in actions:
        s.insert(a)
    for day, count in ((D(2025, 1, 10), 10), (D(2025, 3, 12), 8), (D(2025, 12, 2), 5)):
        s.insert(StudySession(date=day, topic=f"学习条例 {day}", attendee_count=count))
    s.insert(StudySession(date=D(2025, 5, 20), topic="业务培训", attendees=["甲", "乙", "丙"]))
    s.insert(Assessment(unit="村01", period="2025", date=D(2025, 12, 20), score=90))
    s.insert(Assessment(unit="村02", period="2024", date=D(2024, 12, 20), score=70))
    for i, (subject, state) in enumerate((("actions", "acknowledged"), ("actions", "sent"),
                                          ("publications", "sent"))):  # fmt: skip
        s.insert(ReminderLog(key=f"{subject}:{i}", threshold="3", subject=subject, state=state,
                             sent_at=dt.datetime(2025, 6, 1 + i, 9)))  # fmt: skip
    s.insert(
        ReminderLog(key="x:1", threshold="3", subject="actions", sent_at=dt.datetime(2024, 6, 1))
    )
    for i in range(20):
        ok = i != 0
        ws.polls.append({"at": f"2025-03-{i + 1:02d}T08:30:00+08:00", "source": "news", "ok": ok,
                         "duration_ms": 20000 if i == 1 else 300, "new_items": 0})  # fmt: skip
    for i in range(10):
        ws.polls.append({"at": f"2025-04-{i + 1:02d}T08:30:00+08:00", "source": "news", "ok": True,
                         "duration_ms": 100, "new_items": 1 if i == 0 else 0})  # fmt: skip


def seed_2019_figures() -> AnnualFigures:
    """The 2019 report's own numbers (/work/shared/seed/000_4ecd57e04841b2f1.txt)."""
    return AnnualFigures.from_input(
        {
            "year": 2019,
            "services_prev": 63,
            "penalties_prev": 6,
            "coercion_prev": 7,
            "fees_prev": 1,
            "procurement_projects": 1,
            "procurement_amount": 1368000,
            "website_count": 103,
            "weibo_count": 179,
            "wechat_count": 183,
            "boards": "项目建设及危房改造: 47, 扶贫: 32, 镇村财务: 58, 民生救助: 67",
        }
    )
