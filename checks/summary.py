"""The year-end status summary for the district's assessment: plain data for a year or any range.

Every figure carries the rule it was counted by, so a reader of the spreadsheet can check it.
Parts: platform checks per month, findings and how they were closed, column update gaps, vetoes
(``checks.rules.evaluate`` on the last day of every month), publication timeliness, improvement
actions, study sessions per quarter, assessments, website availability per month (poll history)
and reminders sent. ``summary_document`` lays it out for the xlsx/docx/md writers; ``to_json``
is the same data for machines and ``gongkai rollup``.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from checks.context import RuleContext, Snapshot, load_snapshot, snapshot_as_of
from checks.deadlines import workdays_for
from checks.flags import Rule
from checks.rules import evaluate
from tracker.dates import add_months, clamped_date, maybe_date
from tracker.formats.document import Document, Paragraph, Part, Table
from tracker.i18n import tr
from tracker.records import Action, MonthlyCheck, PublicationItem
from tracker.records.actions import ACTION_CATEGORY_LABELS
from tracker.records.platform_checks import PROBLEM_LABELS
from tracker.records.publications import ITEM_CATEGORIES
from tracker.workspace import Workspace

SUMMARY_FORMAT = "gongkai-summary/1"

CHECK_RULE = Rule("月度清查", "2019年度报告 三: 每月清查各平台; 次月第N日前记录")
FINDING_RULE = Rule("清查问题整改", "2019年度报告 三: 就存在的问题提出整改措施")
VETO_RULE = Rule("单项否决", "国办秘函〔2019〕19号")
GAP_RULE = Rule("栏目更新间隔", "国办秘函〔2019〕19号: 动态要闻2周, 通知公告/政策文件6个月")
TIMELINESS_RULE = Rule("主动公开时限", "政府信息公开条例 第二十六条; 民政部 民办函〔2019〕52号")
ACTION_RULE = Rule("整改事项", "整改台账: 按期完成并核实")
STUDY_RULE = Rule("每季度学习", "2019年度报告 五: 按季度组织干部学习; 条例 第四十八条")
ASSESSMENT_RULE = Rule("监督考核", "2019年度报告 一(二): 纳入年终效能考核")
AVAILABILITY_RULE = Rule("网站可用性", "国办秘函〔2019〕19号: 失败或超时比例 ≥5% 否决")
REMINDER_RULE = Rule("提醒记录", "提醒日志: 每项每个提醒点发送一次")

KIND_LABELS = {
    "website": ("政府网站", "website"),
    "wechat": ("政务微信", "WeChat"),
    "weibo": ("政务微博", "Weibo"),
    "village_platform": ("村廉通平台", "village platform"),
    "board": ("公开栏/公开牌", "board"),
    "reading_point": ("查阅点", "reading point"),
    "qq": ("QQ群", "QQ group"),
    "other": ("其他", "other"),
}


SOURCE_CATEGORY_LABELS = {
    "news": ("动态要闻", "news"),
    "notice": ("通知公告", "notices"),
    "policy": ("政策文件", "policy"),
    "other": ("其他", "other"),
}
SUBJECT_LABELS = {
    "platforms": ("平台", "platform"),
    "monthly_checks": ("月度清查", "monthly check"),
    "actions": ("整改事项", "action"),
    "publication_items": ("公开事项", "publication"),
    "publications": ("公开事项", "publication"),
    "study_sessions": ("学习培训", "study"),
    "assessments": ("考核", "assessment"),
    "sources": ("网站栏目", "website column"),
    "web_items": ("网站条目", "web item"),
    "applications": ("依申请公开", "application"),
    "annual_report": ("年度报告", "annual report"),
}


def label(table: dict[str, tuple[str, str]], code: str) -> str:
    zh, en = table.get(code, (code, code))
    return tr(zh, en)


# ---------------------------------------------------------------- the period


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= _day(day) <= self.end

    @property
    def label(self) -> str:
        if self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(
            self.start.year, 12, 31
        ):
            return tr(f"{self.start.year} 年", str(self.start.year))
        return f"{self.start.isoformat()} ~ {self.end.isoformat()}"

    def months(self) -> list[str]:
        found, y, m = [], self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            found.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return found

    def quarters(self) -> list[tuple[int, int]]:
        seen: list[tuple[int, int]] = []
        for month in self.months():
            q = (int(month[:4]), (int(month[5:]) - 1) // 3 + 1)
            if q not in seen:
                seen.append(q)
        return seen


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def month_end(month: str) -> dt.date:
    y, m = int(month[:4]), int(month[5:])
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def next_month_day(month: str, day: int) -> dt.date:
    """Day ``day`` of the month after ``month`` (YYYY-MM), clamped to its length."""
    return add_months(clamped_date(int(month[:4]), int(month[5:]), day), 1)


def median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


# ---------------------------------------------------------------- the summary's shape


@dataclass
class Figure:
    """One headline number and the rule it was counted by."""

    key: str
    label: str
    value: Any
    rule: str


@dataclass
class SummaryPart:
    key: str
    title: str
    rule: str
    """How the part's figures were counted (shown above its table)."""
    columns: list[tuple[str, str]]
    """(key, Chinese/English header) of each column of ``rows``."""
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "rule": self.rule,
            "columns": [{"key": k, "label": v} for k, v in self.columns],
            "rows": self.rows,
            "totals": self.totals,
        }


@dataclass
class Summary:
    office: str
    unit: str
    period: Period
    as_of: dt.date
    generated: dt.datetime
    figures: list[Figure] = field(default_factory=list)
    parts: list[SummaryPart] = field(default_factory=list)

    def part(self, key: str) -> SummaryPart:
        return next(p for p in self.parts if p.key == key)

    def figure(self, key: str) -> Any:
        return next(f.value for f in self.figures if f.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SUMMARY_FORMAT,
            "office": self.office,
            "unit": self.unit,
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "generated": self.generated.isoformat(timespec="seconds"),
            "figures": [dataclasses.asdict(f) for f in self.figures],
            "parts": {p.key: p.to_json() for p in self.parts},
        }


# ---------------------------------------------------------------- the parts


def _platforms(ws: Workspace, checks: list[MonthlyCheck]) -> list[tuple[str, str, str]]:
    """(id, name, kind) of every configured platform, plus any checked one no longer configured."""
    found = [(p.id, p.name, p.kind) for p in ws.config.platforms]
    known = {p[0] for p in found}
    for c in checks:
        if c.platform not in known:
            found.append((c.platform, c.platform, "other"))
            known.add(c.platform)
    return found


def checks_part(ws: Workspace, snap: Snapshot, period: Period, today: dt.date) -> SummaryPart:
    """Per platform: months checked of the months whose check was due by ``today``."""
    day_n = int(ws.config.rules.monthly_check_day)
    months = period.months()
    due_months = [m for m in months if next_month_day(m, day_n) <= today]
    by_platform: dict[str, dict[str, MonthlyCheck]] = defaultdict(dict)
    for c in snap.checks:
        if c.month in months:
            by_platform[c.platform][c.month] = c
    rows: list[dict[str, Any]] = []
    done_total = on_time_total = expected_total = 0
    for pid, name, kind in _platforms(ws, snap.checks):
        done = by_platform.get(pid, {})
        expected = len(set(due_months) | set(done))
        on_time = sum(
            1 for m, c in done.items() if c.checked_on and c.checked_on <= next_month_day(m, day_n)
        )
        missing = [m for m in due_months if m not in done]
        done_total += len(done)
        on_time_total += on_time
        expected_total += expected
        rows.append(
            {
                "platform": pid,
                "name": name,
                "kind": label(KIND_LABELS, kind),
                "done": len(done),
                "expected": expected,
                "ratio": f"{len(done)}/{expected}",
                "on_time": on_time,
                "missing": ", ".join(missing),
            }
        )
    return SummaryPart(
        "checks",
        tr("平台月度清查", "Monthly platform checks"),
        str(CHECK_RULE)
        + tr(
            f"; 应清查 = 截止日 (次月 {day_n} 日) 已到的月份; 按时 = 截止日前记录",
            f"; due = months whose deadline (day {day_n} of the next month) has come; "
            "on time = recorded by then",
        ),
        [
            ("platform", tr("平台编号", "Platform id")),
            ("name", tr("平台", "Platform")),
            ("kind", tr("类型", "Kind")),
            ("done", tr("已清查月数", "Months checked")),
            ("expected", tr("应清查月数", "Months due")),
            ("ratio", tr("完成", "Done")),
            ("on_time", tr("按时记录", "On time")),
            ("missing", tr("缺少的月份", "Months missing")),
        ],
        rows,
        {
            "done": done_total,
            "expected": expected_total,
            "on_time": on_time_total,
            "months": len(due_months),
            "platforms_complete": sum(1 for r in rows if r["done"] == r["expected"]),
            "platforms": len(rows),
        },
    )


def findings_part(ws: Workspace, snap: Snapshot, period: Period, as_of: dt.date) -> SummaryPart:
    names = {p.id: p.name for p in ws.config.platforms}
    months = set(period.months())
    rows: list[dict[str, Any]] = []
    counts = {"found": 0, "closed": 0, "closed_on_time": 0, "open": 0, "overdue": 0}
    for c in sorted(snap.checks, key=lambda c: (c.month, c.platform)):
        if c.month not in months or not (c.problems or c.problem_note):
            continue
        counts["found"] += 1
        if c.measure_closed:
            on_time = c.measure_due is None or c.measure_closed <= c.measure_due
            status = tr("按期整改", "closed on time") if on_time else tr("逾期整改", "closed late")
            counts["closed"] += 1
            counts["closed_on_time"] += int(on_time)
        elif c.measure_due and c.measure_due < as_of:
            status = tr("逾期未整改", "overdue")
            counts["open"] += 1
            counts["overdue"] += 1
        else:
            status = tr("整改中", "open")
            counts["open"] += 1
        rows.append(
            {
                "month": c.month,
                "platform": names.get(c.platform, c.platform),
                "problems": "、".join(label(PROBLEM_LABELS, p) for p in c.problems),
                "note": c.problem_note,
                "measure": c.measure,
                "owner": c.measure_owner,
                "due": c.measure_due,
                "closed": c.measure_closed,
                "status": status,
            }
        )
    return SummaryPart(
        "findings",
        tr("清查发现的问题及整改", "Findings and how they were closed"),
        str(FINDING_RULE)
        + tr("; 按期 = 整改完成日不晚于整改期限", "; on time = closed by the measure's due date"),
        [
            ("month", tr("月份", "Month")),
            ("platform", tr("平台", "Platform")),
            ("problems", tr("问题", "Problems")),
            ("note", tr("问题说明", "Note")),
            ("measure", tr("整改措施", "Measure")),
            ("owner", tr("责任人", "Owner")),
            ("due", tr("整改期限", "Due")),
            ("closed", tr("完成日期", "Closed")),
            ("status", tr("状态", "Status")),
        ],
        rows,
        counts,
    )


def evaluation_days(period: Period, as_of: dt.date, since: dt.date | None = None) -> list[dt.date]:
    """The last day of every month of the period, up to ``as_of`` (which counts if mid-month),
    from the day gongkai was started (``since``): days before it were never watched."""
    days = sorted(
        {min(month_end(m), as_of) for m in period.months() if month_end(m) >= period.start}
    )
    first = max(period.start, since) if since else period.start
    return [d for d in days if first <= d <= min(period.end, as_of)]


def vetoes_part(
    ws: Workspace, snap: Snapshot, polls: list[dict[str, Any]], days: list[dt.date]
) -> SummaryPart:
    from checks.context import POLL_WINDOW_DAYS

    rows: list[dict[str, Any]] = []
    by_rule: dict[str, int] = defaultdict(int)
    veto_days = 0
    polls = sorted(polls, key=lambda p: str(p.get("at", "")))
    stamps = [str(p.get("at", "")) for p in polls]
    for day in days:
        lo = (day - dt.timedelta(days=POLL_WINDOW_DAYS)).isoformat()
        hi = (day + dt.timedelta(days=1)).isoformat()
        window = polls[bisect.bisect_left(stamps, lo) : bisect.bisect_left(stamps, hi)]
        then = dataclasses.replace(snapshot_as_of(snap, day), polls=window)
        ctx = RuleContext(day, ws.config, ws.calendar, then)
        vetoes = [f for f in evaluate(ctx) if f.kind == "veto"]
        veto_days += bool(vetoes)
        for f in vetoes:
            by_rule[f.rule.name] += 1
            rows.append(
                {
                    "day": day,
                    "subject": label(SUBJECT_LABELS, f.subject),
                    "title": f.title,
                    "rule": str(f.rule),
                }
            )
    return SummaryPart(
        "vetoes",
        tr("单项否决", "Vetoes"),
        str(VETO_RULE)
        + tr(
            "; 在每月最后一天按当时的数据逐项评估",
            "; every rule evaluated on the last day of each month with the data of that day",
        ),
        [
            ("day", tr("评估日", "Day")),
            ("subject", tr("对象", "Subject")),
            ("title", tr("事项", "Item")),
            ("rule", tr("依据", "Rule")),
        ],
        rows,
        {
            "days": len(days),
            "veto_days": veto_days,
            "vetoes": len(rows),
            "by_rule": dict(by_rule),
        },
    )


def gaps_part(
    ws: Workspace, snap: Snapshot, polls: list[dict[str, Any]], period: Period, as_of: dt.date
) -> SummaryPart:
    rules = ws.config.rules
    end = min(period.end, as_of)
    item_days: dict[str, set[dt.date]] = defaultdict(set)
    for item in snap.web_items:
        day = maybe_date(item.get("date"))
        if day and day <= end:
            item_days[str(item.get("source", ""))].add(day)
    poll_days: dict[str, set[dt.date]] = defaultdict(set)
    for p in polls:
        day = maybe_date(p.get("at"))
        if day and p.get("new_items"):
            poll_days[str(p.get("source", ""))].add(day)
    rows: list[dict[str, Any]] = []
    over_total = 0
    for source in ws.config.sources:
        limit = None
        if source.category == "news":
            limit = int(rules.news_update_days)
        elif source.category in ("notice", "policy"):
            limit = int(rules.notice_policy_update_days)
        days = item_days.get(source.id) or poll_days.get(source.id) or set()
        basis = (
            tr("栏目条目的发布日期", "items' publication dates")
            if item_days.get(source.id)
            else tr("监测发现新条目的日期", "days the poller saw new items")
        )
        before = [d for d in days if d < period.start]
        inside = sorted(d for d in days if period.start <= d <= end)
        # Without an earlier update, the first gap starts when the column began to be watched
        # (its first poll, or the day gongkai was started), not on 1 January.
        watched = [maybe_date(p.get("at")) for p in polls if p.get("source") == source.id]
        starts = [d for d in (*watched, snap.tracking_since) if d is not None]
        start = max(period.start, min(starts)) if starts else period.start
        anchors = ([max(before)] if before else [min(start, end)]) + inside + [end]
        gaps = [(b - a).days for a, b in itertools.pairwise(anchors)]
        longest = max(gaps, default=0)
        over = sum(1 for g in gaps if limit is not None and g > limit)
        over_total += over
        rows.append(
            {
                "source": source.id,
                "name": source.name or source.id,
                "category": label(SOURCE_CATEGORY_LABELS, source.category),
                "items": len(inside),
                "last": inside[-1] if inside else (max(before) if before else None),
                "longest_gap": longest,
                "limit": limit,
                "gaps_over": over,
                "basis": basis,
            }
        )
    return SummaryPart(
        "gaps",
        tr("栏目更新间隔", "Column update gaps"),
        str(GAP_RULE)
        + tr(
            "; 间隔 = 相邻两次更新之间的天数 (含期初和期末)",
            "; gap = days between consecutive updates (period start and end included)",
        ),
        [
            ("source", tr("栏目编号", "Column id")),
            ("name", tr("栏目", "Column")),
            ("category", tr("类别", "Category")),
            ("items", tr("期内条目数", "Items")),
            ("last", tr("最近更新", "Last update")),
            ("longest_gap", tr("最长间隔(天)", "Longest gap (days)")),
            ("limit", tr("限值(天)", "Limit (days)")),
            ("gaps_over", tr("超限次数", "Gaps over limit")),
            ("basis", tr("统计依据", "Counted from")),
        ],
        rows,
        {"columns": len(rows), "gaps_over": over_total},
    )


def _timeliness_rows(
    groups: dict[str, list[dict[str, Any]]], dimension: str
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for key in sorted(groups):
        items = groups[key]
        counts = {s: sum(1 for i in items if i["status"] == s) for s in STATUSES}
        judged = counts["on_time"] + counts["late"] + counts["missing"]
        rows.append(
            {
                "dimension": dimension,
                "group": key or tr("(未填)", "(blank)"),
                "items": len(items),
                **counts,
                "on_time_pct": pct(counts["on_time"], judged),
                "median_workdays": median(
                    [i["workdays"] for i in items if i["workdays"] is not None]
                ),
            }
        )
    return rows


STATUSES = ("on_time", "late", "missing", "pending")


def timeliness_part(
    ws: Workspace, items: Iterable[PublicationItem], period: Period, as_of: dt.date
) -> SummaryPart:
    cal = ws.calendar
    judged_items: list[dict[str, Any]] = []
    for item in items:
        if item.status == "withdrawn" or item.formed not in period:
            continue
        limit, _rule = workdays_for(item.category, ws.config.rules)
        limit = item.workdays or limit
        due = cal.add_workdays(item.formed, limit).date
        if item.published:
            status = "on_time" if item.published <= due else "late"
            workdays: int | None = cal.workdays_between(item.formed, item.published)
        else:
            status = "missing" if due < as_of else "pending"
            workdays = None
        judged_items.append(
            {
                "category": item.category,
                "unit": item.unit,
                "liaison": item.liaison,
                "status": status,
                "workdays": workdays,
            }
        )
    rows = _timeliness_rows({"": judged_items}, tr("全部", "all"))
    rows[0]["group"] = tr("合计", "total")
    for dimension, key in (
        (tr("类别", "category"), "category"),
        (tr("单位", "unit"), "unit"),
        (tr("信息联络员", "liaison"), "liaison"),
    ):
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for i in judged_items:
            # categories are stored as codes; the sheet shows the names an office uses
            groups[ITEM_CATEGORIES.get(i[key], i[key]) if key == "category" else i[key]].append(i)
        rows += _timeliness_rows(groups, dimension)
    total = rows[0]
    return SummaryPart(
        "timeliness",
        tr("公开时效", "Publication timeliness"),
        str(TIMELINESS_RULE)
        + tr(
            f"; 形成后 {ws.config.rules.disclosure_workdays} 个工作日内公开 (社会救助 "
            f"{ws.config.rules.social_assistance_workdays} 个); 未发布且已过期限 = 缺失; "
            "工作日数 = 形成日次日起算至发布日",
            f"; published within {ws.config.rules.disclosure_workdays} working days of being "
            f"formed (social assistance {ws.config.rules.social_assistance_workdays}); not "
            "published after the deadline = missing; working days counted from the day after",
        ),
        [
            ("dimension", tr("维度", "By")),
            ("group", tr("分组", "Group")),
            ("items", tr("条目", "Items")),
            ("on_time", tr("按时", "On time")),
            ("late", tr("超期", "Late")),
            ("missing", tr("缺失", "Missing")),
            ("pending", tr("未到期", "Not yet due")),
            ("on_time_pct", tr("按时率%", "On time %")),
            ("median_workdays", tr("中位工作日", "Median working days")),
        ],
        rows,
        {k: total[k] for k in ("items", *STATUSES, "on_time_pct", "median_workdays")},
    )


def _opened_on(a: Action) -> dt.date | None:
    return a.created_on or a.due


def actions_parts(
    snap: Snapshot, period: Period, as_of: dt.date
) -> tuple[SummaryPart, SummaryPart]:
    groups: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    overdue_rows: list[dict[str, Any]] = []
    for a in snap.actions:
        if a.status == "cancelled":
            continue
        opened = _opened_on(a)
        if opened is not None and opened > period.end:
            continue
        closed = a.status in ("done", "verified") and a.closed_on is not None
        if closed and a.closed_on is not None and a.closed_on < period.start:
            continue
        g = groups[a.category]
        g["opened"] += int(opened is not None and opened in period)
        if closed and a.closed_on is not None and a.closed_on in period:
            on_time = a.due is None or a.closed_on <= a.due
            g["closed"] += 1
            g["closed_on_time"] += int(on_time)
            g["closed_late"] += int(not on_time)
            g["verified"] += int(a.status == "verified")
        if a.is_open and a.due and a.due < as_of:
            g["overdue"] += 1
            overdue_rows.append(
                {
                    "title": a.title,
                    "category": label(ACTION_CATEGORY_LABELS, a.category),
                    "owner": a.owner,
                    "unit": a.unit,
                    "due": a.due,
                    "days_overdue": (as_of - a.due).days,
                }
            )
        if a.is_open:
            g["open"] += 1
    keys = ("opened", "closed", "closed_on_time", "closed_late", "verified", "open", "overdue")
    rows: list[dict[str, Any]] = [
        {"category": label(ACTION_CATEGORY_LABELS, cat), **{k: groups[cat][k] for k in keys}}
        for cat in sorted(groups)
    ]
    totals: dict[str, Any] = {k: sum(int(r[k]) for r in rows) for k in keys}
    rows.append({"category": tr("合计", "total"), **totals})
    summary = SummaryPart(
        "actions",
        tr("整改事项", "Improvement actions"),
        str(ACTION_RULE)
        + tr(
            "; 新增 = 期内创建; 按期 = 完成日不晚于期限; 逾期 = 截至统计日未完成且已过期限",
            "; opened = created in the period; on time = closed by the due date; overdue = "
            "still open after the due date on the day counted",
        ),
        [
            ("category", tr("类别", "Category")),
            ("opened", tr("新增", "Opened")),
            ("closed", tr("完成", "Closed")),
            ("closed_on_time", tr("按期完成", "Closed on time")),
            ("closed_late", tr("逾期完成", "Closed late")),
            ("verified", tr("已核实", "Verified")),
            ("open", tr("未完成", "Open")),
            ("overdue", tr("逾期未完成", "Overdue")),
        ],
        rows,
        totals,
    )
    overdue_rows.sort(key=lambda r: -int(r["days_overdue"]))
    overdue = SummaryPart(
        "actions_overdue",
        tr("逾期未完成的整改事项", "Overdue improvement actions"),
        str(ACTION_RULE) + tr(f"; 截至 {as_of}", f"; as of {as_of}"),
        [
            ("title", tr("事项", "Action")),
            ("category", tr("类别", "Category")),
            ("owner", tr("责任人", "Owner")),
            ("unit", tr("单位", "Unit")),
            ("due", tr("期限", "Due")),
            ("days_overdue", tr("逾期天数", "Days overdue")),
        ],
        overdue_rows,
        {"overdue": len(overdue_rows)},
    )
    return summary, overdue


def study_part(ws: Workspace, snap: Snapshot, period: Period) -> SummaryPart:
    required = int(ws.config.rules.study_sessions_per_quarter)
    rows: list[dict[str, Any]] = []
    for year, q in period.quarters():
        sessions = [
            s
            for s in snap.study_sessions
            if s.date in period and s.date.year == year and (s.date.month - 1) // 3 + 1 == q
        ]
        rows.append(
            {
                "quarter": f"{year}Q{q}",
                "sessions": len(sessions),
                "attendance": sum(s.headcount for s in sessions),
                "required": required,
                "met": tr("是", "yes") if len(sessions) >= required else tr("否", "no"),
                "topics": "; ".join(s.topic for s in sorted(sessions, key=lambda s: s.date)),
            }
        )
    return SummaryPart(
        "study",
        tr("学习培训", "Study sessions"),
        str(STUDY_RULE) + tr(f"; 每季度至少 {required} 次", f"; at least {required} a quarter"),
        [
            ("quarter", tr("季度", "Quarter")),
            ("sessions", tr("次数", "Sessions")),
            ("attendance", tr("参加人次", "Attendance")),
            ("required", tr("应有次数", "Required")),
            ("met", tr("达标", "Met")),
            ("topics", tr("主题", "Topics")),
        ],
        rows,
        {
            "sessions": sum(r["sessions"] for r in rows),
            "attendance": sum(r["attendance"] for r in rows),
            "quarters_met": sum(1 for r in rows if r["sessions"] >= required),
            "quarters": len(rows),
        },
    )


def assessments_part(snap: Snapshot, period: Period) -> SummaryPart:
    rows: list[dict[str, Any]] = []
    for a in sorted(snap.assessments, key=lambda a: (a.date or dt.date.min, a.unit)):
        inside = a.date in period if a.date else a.period.startswith(str(period.start.year))
        if not inside:
            continue
        rows.append(
            {
                "unit": a.unit,
                "period": a.period,
                "liaison": a.liaison,
                "date": a.date,
                "score": a.score,
                "findings": a.findings,
                "consequence": a.consequence,
            }
        )
    scores = [r["score"] for r in rows if r["score"] is not None]
    return SummaryPart(
        "assessments",
        tr("监督考核", "Assessments"),
        str(ASSESSMENT_RULE),
        [
            ("unit", tr("单位", "Unit")),
            ("period", tr("考核期", "Period")),
            ("liaison", tr("信息联络员", "Liaison")),
            ("date", tr("考核日期", "Date")),
            ("score", tr("得分", "Score")),
            ("findings", tr("发现的问题", "Findings")),
            ("consequence", tr("处理", "Consequence")),
        ],
        rows,
        {
            "assessments": len(rows),
            "mean_score": round(statistics.fmean(scores), 1) if scores else None,
        },
    )


def availability_part(ws: Workspace, polls: list[dict[str, Any]], period: Period) -> SummaryPart:
    slow_ms = float(ws.config.rules.availability_slow_seconds) * 1000
    limit = float(ws.config.rules.availability_failure_pct)
    cells: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for p in polls:
        at = str(p.get("at", ""))
        cells[(at[:7], str(p.get("source", "")))].append(p)
    rows: list[dict[str, Any]] = []
    for (month, source), results in sorted(cells.items()):
        failed = sum(1 for r in results if not r.get("ok"))
        slow = sum(1 for r in results if r.get("ok") and float(r.get("duration_ms") or 0) > slow_ms)
        durations = [int(r.get("duration_ms") or 0) for r in results if r.get("ok")]
        share = pct(failed + slow, len(results)) or 0.0
        rows.append(
            {
                "month": month,
                "source": source,
                "probes": len(results),
                "failed": failed,
                "slow": slow,
                "failure_pct": share,
                "median_ms": median(durations),
                "over_limit": tr("是", "yes") if share >= limit else tr("否", "no"),
            }
        )
    probes = sum(r["probes"] for r in rows)
    bad = sum(r["failed"] + r["slow"] for r in rows)
    return SummaryPart(
        "availability",
        tr("网站可用性", "Website availability"),
        str(AVAILABILITY_RULE)
        + tr(
            f"; 失败或慢于 {ws.config.rules.availability_slow_seconds:g} 秒的比例, 按月按栏目统计 "
            "(否决按连续一周判断, 此处为月度概况)",
            f"; share of failed probes or answers slower than "
            f"{ws.config.rules.availability_slow_seconds:g} s, per month and column (the veto "
            "itself is judged over a week; this is the monthly picture)",
        ),
        [
            ("month", tr("月份", "Month")),
            ("source", tr("栏目", "Column")),
            ("probes", tr("探测次数", "Probes")),
            ("failed", tr("失败", "Failed")),
            ("slow", tr("超时", "Slow")),
            ("failure_pct", tr("失败率%", "Failure %")),
            ("median_ms", tr("中位响应(毫秒)", "Median (ms)")),
            ("over_limit", tr(f"≥{limit:g}%", f">={limit:g}%")),
        ],
        rows,
        {
            "probes": probes,
            "failed_or_slow": bad,
            "failure_pct": pct(bad, probes),
            "months_over_limit": sum(1 for r in rows if r["failure_pct"] >= limit),
        },
    )


def reminders_part(snap: Snapshot, period: Period) -> SummaryPart:
    groups: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in snap.reminders:
        if r.sent_at.date() not in period:
            continue
        g = groups[r.subject or "other"]
        g["total"] += 1
        g[f"state:{r.state}"] += 1
    rows = [
        {
            "subject": label(SUBJECT_LABELS, subject),
            "sent": g["total"],
            "acknowledged": g["state:acknowledged"],
            "snoozed": g["state:snoozed"],
        }
        for subject, g in sorted(groups.items())
    ]
    return SummaryPart(
        "reminders",
        tr("提醒发送", "Reminders sent"),
        str(REMINDER_RULE),
        [
            ("subject", tr("对象", "Subject")),
            ("sent", tr("发送", "Sent")),
            ("acknowledged", tr("已确认", "Acknowledged")),
            ("snoozed", tr("已推迟", "Snoozed")),
        ],
        rows,
        {"sent": sum(r["sent"] for r in rows)},
    )


# ---------------------------------------------------------------- the whole summary


def read_polls(ws: Workspace, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    return list(ws.polls.read(since=start, until=end))


def build_summary(
    ws: Workspace,
    period: Period,
    today: dt.date | None = None,
    days: list[dt.date] | None = None,
) -> Summary:
    """The summary of ``period`` as it stands on ``today`` (default: the workspace's clock)."""
    from checks.context import POLL_WINDOW_DAYS

    today = today or ws.clock.today()
    as_of = min(period.end, today)
    snap = load_snapshot(ws, as_of)
    polls = read_polls(ws, period.start - dt.timedelta(days=POLL_WINDOW_DAYS), as_of)
    polls_inside = [p for p in polls if maybe_date(p.get("at")) in period]
    checks = checks_part(ws, snap, period, today)
    findings = findings_part(ws, snap, period, as_of)
    vetoes = vetoes_part(
        ws,
        snap,
        polls,
        days if days is not None else evaluation_days(period, as_of, snap.tracking_since),
    )
    gaps = gaps_part(ws, snap, polls_inside, period, as_of)
    timeliness = timeliness_part(ws, snap.items, period, as_of)
    actions, overdue = actions_parts(snap, period, as_of)
    study = study_part(ws, snap, period)
    assessments = assessments_part(snap, period)
    availability = availability_part(ws, polls_inside, period)
    reminders = reminders_part(snap, period)
    t, c, a = timeliness.totals, checks.totals, actions.totals
    figures = [
        Figure("checks_done", tr("平台月度清查 (已做/应做)", "Platform checks (done/due)"),
               f"{c['done']}/{c['expected']}", str(CHECK_RULE)),
        Figure("findings", tr("清查发现问题 / 已整改", "Findings / closed"),
               f"{findings.totals['found']}/{findings.totals['closed']}", str(FINDING_RULE)),
        Figure("vetoes", tr("单项否决 (月末评估)", "Vetoes (month-end evaluations)"),
               vetoes.totals["vetoes"], str(VETO_RULE)),
        Figure("gaps_over", tr("栏目更新超限次数", "Column gaps over the limit"),
               gaps.totals["gaps_over"], str(GAP_RULE)),
        Figure("published_on_time", tr("按时公开", "Published on time"), t["on_time"],
               str(TIMELINESS_RULE)),
        Figure("published_late", tr("超期公开", "Published late"), t["late"], str(TIMELINESS_RULE)),
        Figure("missing", tr("逾期未公开", "Missing"), t["missing"], str(TIMELINESS_RULE)),
        Figure("median_workdays", tr("形成至公开中位工作日", "Median working days formed to published"),
               t["median_workdays"], str(TIMELINESS_RULE)),
        Figure("actions_opened", tr("整改事项新增", "Actions opened"), a["opened"], str(ACTION_RULE)),
        Figure("actions_closed_on_time", tr("整改按期完成", "Actions closed on time"),
               a["closed_on_time"], str(ACTION_RULE)),
        Figure("actions_overdue", tr("整改逾期未完成", "Actions overdue"), a["overdue"],
               str(ACTION_RULE)),
        Figure("actions_verified", tr("整改已核实", "Actions verified"), a["verified"],
               str(ACTION_RULE)),
        Figure("study_sessions", tr("学习培训次数 (达标季度)", "Study sessions (quarters met)"),
               f"{study.totals['sessions']} ({study.totals['quarters_met']}/{study.totals['quarters']})",
               str(STUDY_RULE)),
        Figure("assessments", tr("考核次数", "Assessments"), assessments.totals["assessments"],
               str(ASSESSMENT_RULE)),
        Figure("availability_pct", tr("网站失败或超时比例%", "Website failed or slow %"),
               availability.totals["failure_pct"], str(AVAILABILITY_RULE)),
        Figure("reminders_sent", tr("提醒发送次数", "Reminders sent"), reminders.totals["sent"],
               str(REMINDER_RULE)),
    ]  # fmt: skip
    return Summary(
        office=ws.config.office.name,
        unit=ws.config.office.unit,
        period=period,
        as_of=as_of,
        generated=ws.clock.now(),
        figures=figures,
        parts=[checks, findings, vetoes, gaps, timeliness, actions, overdue, study,
               assessments, availability, reminders],
    )  # fmt: skip


def summary_document(summary: Summary) -> Document:
    """The summary laid out for the writers: an overview, then one part (sheet) per section."""
    overview = Part(
        tr("总览", "Overview"),
        [
            Paragraph(
                tr(
                    f"{summary.unit} {summary.office}  统计期间 {summary.period.label} "
                    f"(截至 {summary.as_of})  生成于 {summary.generated:%Y-%m-%d %H:%M}",
                    f"{summary.unit} {summary.office}  period {summary.period.label} "
                    f"(as of {summary.as_of})  made {summary.generated:%Y-%m-%d %H:%M}",
                )
            ),
            Table(
                [[tr("指标", "Figure"), tr("数值", "Value"), tr("计算依据", "Counted by")]],
                [[f.label, f.value, f.rule] for f in summary.figures],
            ),
        ],
        sheet=tr("总览", "Overview"),
    )
    parts = [overview]
    for p in summary.parts:
        keys = [k for k, _ in p.columns]
        rows = [[row.get(k) for k in keys] for row in p.rows]
        blocks: list[Paragraph | Table] = [
            Paragraph(tr(f"计算依据: {p.rule}", f"Counted by: {p.rule}")),
            Table([[v for _, v in p.columns]], rows),
        ]
        if not rows:
            blocks.append(Paragraph(tr("(本期无记录)", "(nothing in this period)")))
        parts.append(Part(p.title, blocks, sheet=p.title))
    return Document(
        tr(
            f"{summary.unit} 政务公开工作年终情况汇总 ({summary.period.label})",
            f"{summary.unit} disclosure work summary ({summary.period.label})",
        ),
        parts,
    )
