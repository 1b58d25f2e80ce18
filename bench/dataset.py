"""A five-year data set at the scale the benchmarks name, built in a temp folder.

≈ 12 platforms × 60 months of monthly checks, 2,000 improvement actions, 100,000 poll results,
plus register items and study sessions, so every screen and rule has something to chew on.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import tempfile
from pathlib import Path

import orjson

from tracker.migrations import SCHEMA_VERSION
from tracker.records import Action, MonthlyCheck, PublicationItem, StudySession
from tracker.storage import encode

REPO = Path(__file__).resolve().parent.parent
PLATFORMS = [f"p{n:02d}" for n in range(12)]
CONFIG_TAIL = "".join(
    f'\n[[platforms]]\nid = "{p}"\nkind = "{"wechat" if i % 3 else "board"}"\nname = "平台 {p}"\n'
    for i, p in enumerate(PLATFORMS)
) + "".join(
    f'\n[[sources]]\nid = "s{n}"\nurl = "http://127.0.0.1:9/c{n}/"\ncategory = "news"\n'
    for n in range(4)
)
CONFIG_HEAD = """
[office]
name = "基准测试镇党政办公室"
unit = "基准测试镇人民政府"

[storage]
path = "data/gongkai.json"
"""


def months(n: int, end: dt.date) -> list[str]:
    out, year, month = [], end.year, end.month
    for _ in range(n):
        out.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(out))


def build(folder: Path, n_months: int = 60, actions: int = 2000, polls: int = 100_000) -> Path:
    """Write config.toml and data for ``n_months`` of work; return the config path."""
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "config.toml"
    config.write_text(CONFIG_HEAD + CONFIG_TAIL, encoding="utf-8")
    data = folder / "data"
    data.mkdir(exist_ok=True)
    end = dt.date(2026, 10, 1)
    tables: dict[str, dict[str, dict]] = {"_meta": {"1": {"schema": SCHEMA_VERSION}}}
    checks = tables.setdefault(MonthlyCheck.TABLE, {})
    for month in months(n_months, end):
        for p in PLATFORMS:
            record = MonthlyCheck(
                platform=p,
                month=month,
                volume=rng.randint(0, 40),
                followers=rng.randint(100, 400),
                clicks=rng.randint(0, 5000),
                last_update=dt.date.fromisoformat(month + "-20"),
                maintainer="党政办公室",
                checker="张三",
                checked_on=dt.date.fromisoformat(month + "-28"),
                problems=["not_timely"] if rng.random() < 0.2 else [],
                problem_note="个别信息发布不及时" if rng.random() < 0.2 else "",
            )
            checks[str(len(checks) + 1)] = record.to_doc()
    acts = tables.setdefault(Action.TABLE, {})
    for n in range(actions * n_months // 60):
        due = end - dt.timedelta(days=rng.randint(-60, 1800))
        done = rng.random() < 0.8
        action = Action(
            title=f"整改事项 {n}: 加强信息联络员岗位责任制落实",
            category=rng.choice(["timeliness", "study", "supervision", "standardisation"]),
            owner=rng.choice(["张三", "李四", "王五"]),
            due=due,
            status="done" if done else "in_progress",
            close_note="已完成" if done else "",
            closed_on=due if done else None,
            notes=[{"date": due.isoformat(), "text": "已督促"}],
        )
        acts[str(n + 1)] = action.to_doc()
    items = tables.setdefault(PublicationItem.TABLE, {})
    for n in range(300 * n_months // 60):
        formed = end - dt.timedelta(days=rng.randint(0, 30 * n_months))
        items[str(n + 1)] = PublicationItem(
            title=f"关于公示第 {n} 批低保名单的通知",
            formed=formed,
            category="社会救助",
            unit="民生服务中心",
            liaison="赵六",
            status="published",
            published=formed + dt.timedelta(days=rng.randint(1, 20)),
        ).to_doc()
    study = tables.setdefault(StudySession.TABLE, {})
    for n in range(n_months // 3):
        study[str(n + 1)] = StudySession(
            date=end - dt.timedelta(days=91 * n),
            topic="政府信息公开条例学习",
            attendees=["张三", "李四"],
        ).to_doc()
    (data / "gongkai.json").write_bytes(encode(tables))
    history = data / "polls"
    history.mkdir(exist_ok=True)
    start = dt.datetime(2026, 10, 1, 8, 30) - dt.timedelta(days=30 * n_months)
    step = (dt.datetime(2026, 10, 1, 8, 30) - start) / max(polls, 1)
    handles: dict[str, object] = {}
    for n in range(polls * n_months // 60):
        at = start + step * n
        line = orjson.dumps(
            {
                "at": at.isoformat(),
                "source": f"s{n % 4}",
                "ok": rng.random() > 0.02,
                "status": 200,
                "duration_ms": rng.randint(80, 900),
                "bytes": 20_000,
                "error": None,
                "message": None,
                "pages": 1,
                "items": 20,
                "new_items": 0,
            }
        )
        month = at.strftime("%Y-%m")
        handle = handles.get(month)
        if handle is None:
            handle = handles[month] = open(history / f"{month}.jsonl", "ab")  # noqa: SIM115
        handle.write(line + b"\n")  # type: ignore[attr-defined]
    for handle in handles.values():
        handle.close()  # type: ignore[attr-defined]
    return config


def temp_dataset(n_months: int = 60) -> tuple[Path, Path]:
    """Build in a new temp folder; returns (folder, config). Caller removes the folder."""
    folder = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    return folder, build(folder, n_months=n_months)


def cleanup(folder: Path) -> None:
    if os.environ.get("KEEP_BENCH_DATA"):
        print(f"kept {folder}")
        return
    shutil.rmtree(folder, ignore_errors=True)
