"""gongkai checks list [--month YYYY-MM] [--json]: one month's checks of every platform."""

from __future__ import annotations

import argparse
from typing import Any

from checks.rules.platform_checks import check_is_veto, month_summary
from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records import MonthlyCheck
from tracker.records.base import parse_month, record_fields
from tracker.records.platform_checks import figures_for, kind_label, previous_month
from tui.commands.common import add_json, add_today, print_json, workspace
from tui.monthly_form import problems_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action", choices=["list"], help=tr("列出某月的清查", "list a month's checks")
    )
    parser.add_argument(
        "--month",
        metavar="YYYY-MM",
        help=tr("所查月份 (默认上个月)", "the month checked (default: last month)"),
    )
    add_today(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    ws = workspace(args)
    if args.month:
        try:
            month = parse_month(args.month, "--month")
        except ValidationError as e:
            raise ValidationError("--month", e.message) from None
    else:
        month = previous_month(ws.clock.today())
    checks = ws.store.find(MonthlyCheck, month=month)
    by_platform = {c.platform: c for c in checks}
    rows: list[dict[str, Any]] = []
    for p in ws.config.platforms:
        check = by_platform.pop(p.id, None)
        rows.append(_row(p.id, p.name, p.kind, p.group, month, check, ws))
    for platform_id, check in by_platform.items():  # platforms since removed from config.toml
        rows.append(_row(platform_id, platform_id, "", "", month, check, ws))
    if args.json:
        print_json(
            {
                "month": month,
                "checks": rows,
                "missing": [r["platform"] for r in rows if not r["recorded"]],
            }
        )
        return 0
    summary = month_summary(ws.config, checks, month)
    print(
        tr(
            f"{month} 月度清查: 已查 {summary.checked}/{summary.total}, 发现问题 {summary.problems}, 单项否决 {summary.vetoes}",
            f"{month} checks: {summary.checked} of {summary.total} checked, "
            f"{summary.problems} with problems, {summary.vetoes} veto(es)",
        )
    )
    for r in rows:
        status = tr("已录入", "recorded") if r["recorded"] else tr("未录入", "missing")
        parts = [r["platform"], r["name"], status]
        if r["recorded"]:
            names = {
                "volume": tr("发布", "volume"),
                "followers": tr("关注", "followers"),
                "clicks": tr("点击", "clicks"),
            }
            for figure in figures_for(r["kind"]):
                value = r[figure]
                parts.append(f"{names[figure]} {'-' if value is None else value}")
            if r["last_update"]:
                parts.append(tr(f"最近更新 {r['last_update']}", f"last update {r['last_update']}"))
            if r["problems_text"]:
                parts.append(tr(f"问题: {r['problems_text']}", f"problems: {r['problems_text']}"))
            if r["veto"]:
                parts.append(tr("单项否决", "veto"))
        print("  ".join(parts))
    return 0


def _row(
    platform_id: str,
    name: str,
    kind: str,
    group: str,
    month: str,
    check: MonthlyCheck | None,
    ws: Any,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "platform": platform_id,
        "name": name,
        "kind": kind,
        "kind_label": kind_label(kind) if kind else "",
        "group": group,
        "recorded": check is not None,
        "id": check.id if check else None,
    }
    doc = check.to_doc() if check else {f: None for f in record_fields(MonthlyCheck)}
    doc.pop("platform", None)
    row.update(doc)
    row["month"] = month
    if check is None:
        row["problems"] = []
    row["problems_text"] = problems_text(check) if check else ""
    row["veto"] = bool(check and check_is_veto(ws.config, check))
    return row
