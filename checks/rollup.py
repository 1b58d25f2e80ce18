"""District roll-up: many towns' json exports side by side (timeliness, vetoes, checks, actions).

A district office supervises many towns without a shared server: each town exports its summary
as json, the district combines the files into one comparison.
"""

from __future__ import annotations

from typing import Any

from checks.summary import SUMMARY_FORMAT
from tracker.formats.document import Cell, Document, Paragraph, Part, Table
from tracker.i18n import tr

COLUMNS = (
    ("town", ("单位", "Town")),
    ("period", ("统计期间", "Period")),
    ("checks", ("月度清查 已做/应做", "Checks done/due")),
    ("checks_pct", ("清查完成率%", "Checks %")),
    ("on_time", ("按时公开", "On time")),
    ("late", ("超期公开", "Late")),
    ("missing", ("逾期未公开", "Missing")),
    ("on_time_pct", ("按时率%", "On time %")),
    ("median_workdays", ("中位工作日", "Median working days")),
    ("vetoes", ("单项否决", "Vetoes")),
    ("veto_days", ("有否决的评估日", "Days with a veto")),
    ("actions_overdue", ("整改逾期", "Actions overdue")),
)


class NotASummary(ValueError):
    """The file is json but not a gongkai summary export."""


def town_row(data: dict[str, Any]) -> dict[str, Any]:
    """One town's comparison figures, read from its summary export."""
    if data.get("format") != SUMMARY_FORMAT or not isinstance(data.get("parts"), dict):
        raise NotASummary(str(data.get("format")))
    parts = data["parts"]

    def totals(key: str) -> dict[str, Any]:
        part = parts.get(key) or {}
        found = part.get("totals") if isinstance(part, dict) else None
        return found if isinstance(found, dict) else {}

    checks, timeliness = totals("checks"), totals("timeliness")
    vetoes, actions = totals("vetoes"), totals("actions")
    done, due = int(checks.get("done") or 0), int(checks.get("expected") or 0)
    return {
        "town": " ".join(str(data.get(k) or "") for k in ("unit", "office")).strip(),
        "period": f"{data.get('from')} ~ {data.get('to')}",
        "checks": f"{done}/{due}",
        "checks_pct": round(100.0 * done / due, 1) if due else None,
        "on_time": timeliness.get("on_time"),
        "late": timeliness.get("late"),
        "missing": timeliness.get("missing"),
        "on_time_pct": timeliness.get("on_time_pct"),
        "median_workdays": timeliness.get("median_workdays"),
        "vetoes": vetoes.get("vetoes"),
        "veto_days": vetoes.get("veto_days"),
        "actions_overdue": actions.get("overdue"),
    }


def rollup_document(towns: list[dict[str, Any]]) -> Document:
    """The comparison: one row per town, in the order given."""
    rows: list[list[Cell]] = [[town.get(k) for k, _ in COLUMNS] for town in towns]
    return Document(
        tr("各镇政务公开工作对比", "Towns compared"),
        [
            Part(
                tr("对比", "Comparison"),
                [
                    Paragraph(
                        tr(
                            "数据来自各镇 gongkai export --format json 导出的年终汇总; 各项计算依据见各镇汇总",
                            "from each town's `gongkai export --format json`; how each figure "
                            "was counted is stated in the town's summary",
                        )
                    ),
                    Table([[tr(*text) for _, text in COLUMNS]], rows),
                ],
                sheet=tr("对比", "Comparison"),
            )
        ],
    )
