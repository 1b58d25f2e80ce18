"""Year-end export at five years of data: writing the xlsx ÷ openpyxl writing as many cells bare.

Data: 12 platforms × 60 months of checks, 2,000 improvement actions, 1,000 publication items,
100,000 poll results (jsonl). The export is the summary for 2021-01-01 … 2025-12-31.
Target ≤ 2× (issue: year-end export). Prints the medians, the cell count and the ratios; also the
whole export (computing the summary + writing) against the same bare write.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import orjson
from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.summary import Period, build_summary, summary_document
from tracker.clock import Clock
from tracker.formats.document import Table
from tracker.formats.xlsx import write_xlsx
from tracker.records import Action, MonthlyCheck, PublicationItem
from tracker.workspace import Workspace, open_workspace

ROUNDS = 5
PLATFORMS = [f"p{n:02d}" for n in range(12)]
CONFIG = (
    """
[office]
name = "基准镇党政办公室"
unit = "基准镇人民政府"

[storage]
path = "data/gongkai.json"
"""
    + "".join(
        f'\n[[platforms]]\nid = "{p}"\nkind = "{"website" if i == 0 else "wechat" if i == 1 else "board"}"\nname = "平台 {p}"\n'
        for i, p in enumerate(PLATFORMS)
    )
    + """
[[sources]]
id = "news"
url = "http://127.0.0.1:9/news/"
category = "news"

[[sources]]
id = "notice"
url = "http://127.0.0.1:9/notice/"
category = "notice"
"""
)


def build(folder: Path) -> Workspace:
    (folder / "config.toml").write_text(CONFIG, encoding="utf-8")
    ws = open_workspace(folder / "config.toml", Clock.on(dt.date(2026, 2, 1)))
    months = [f"{y}-{m:02d}" for y in range(2021, 2026) for m in range(1, 13)]
    with ws.store.transaction():
        for i, month in enumerate(months):
            for j, p in enumerate(PLATFORMS):
                y, m = int(month[:4]), int(month[5:])
                checked = dt.date(y + (m == 12), 1 if m == 12 else m + 1, 5 + (i + j) % 10)
                problems = ["not_timely"] if (i + j) % 7 == 0 else []
                ws.store.insert(MonthlyCheck(
                    platform=p, month=month, volume=10 + j, checked_on=checked, problems=problems,
                    problem_note="=更新不及时" if problems else "", measure="整改" if problems else "",
                    measure_due=checked + dt.timedelta(days=20) if problems else None,
                    measure_closed=checked + dt.timedelta(days=15 + (i % 10)) if problems else None,
                ))  # fmt: skip
        for n in range(2000):
            created = dt.date(2021, 1, 1) + dt.timedelta(days=n * 912 // 1000)
            done = n % 3 != 0
            ws.store.insert(Action(
                title=f"整改事项 {n}", category=("timeliness", "study", "supervision", "other")[n % 4],
                owner=f"责任人{n % 9}", created_on=created, due=created + dt.timedelta(days=30),
                status="done" if done else "in_progress", closed_on=created + dt.timedelta(days=20 + n % 20) if done else None,
                close_note="完成" if done else "",
            ))  # fmt: skip
        for n in range(1000):
            formed = dt.date(2021, 1, 4) + dt.timedelta(days=n * 1820 // 1000)
            ws.store.insert(PublicationItem(
                title=f"信息 {n}", formed=formed, category=("other", "低保", "财务")[n % 3],
                unit=f"单位{n % 6}", liaison=f"联络员{n % 8}", status="published",
                published=formed + dt.timedelta(days=5 + n % 30),
            ))  # fmt: skip
    polls = folder / "data" / "polls"
    polls.mkdir(parents=True, exist_ok=True)
    per_month: dict[str, list[bytes]] = {}
    start = dt.datetime(2021, 1, 1, 0, 0)
    for n in range(100_000):
        at = start + dt.timedelta(minutes=n * 26)  # ≈ 55 a day over five years
        line = {"at": at.isoformat() + "+08:00", "source": ("news", "notice")[n % 2],
                "ok": n % 97 != 0, "status": 200, "duration_ms": 300 + n % 500,
                "new_items": int(n % 50 == 0)}  # fmt: skip
        per_month.setdefault(at.strftime("%Y-%m"), []).append(orjson.dumps(line) + b"\n")
    for month, lines in per_month.items():
        (polls / f"{month}.jsonl").write_bytes(b"".join(lines))
    return ws


def bare_write(tables: list[Table], path: Path) -> None:
    """The same cells, written with openpyxl and nothing else (no styles, widths or checks)."""
    wb = Workbook()
    ws = wb.active
    for table in tables:
        for header in table.header:
            ws.append(header)
        for row in table.rows:
            ws.append(row)
    wb.save(path)


def median_time(fn) -> float:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="gongkai-bench-export-"))
    try:
        ws = build(folder)
        period = Period(dt.date(2021, 1, 1), dt.date(2025, 12, 31))
        summary = build_summary(ws, period)
        doc = summary_document(summary)
        tables = [b for part in doc.parts for b in part.blocks if isinstance(b, Table)]
        cells = sum(len(r) for t in tables for r in [*t.header, *t.rows])
        out = folder / "out.xlsx"
        bare = median_time(lambda: bare_write(tables, folder / "bare.xlsx"))
        ours = median_time(lambda: write_xlsx(doc, out))
        whole = median_time(lambda: write_xlsx(summary_document(build_summary(ws, period)), out))
        print(f"cells written: {cells} in {len(doc.parts)} sheets")
        print(f"openpyxl bare:            {bare * 1000:8.1f} ms")
        print(
            f"gongkai xlsx writer:      {ours * 1000:8.1f} ms   ratio {ours / bare:.2f}x (target <= 2x)"
        )
        print(f"summary + xlsx (whole):   {whole * 1000:8.1f} ms   ratio {whole / bare:.2f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
