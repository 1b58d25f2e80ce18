"""月度清查 rules: checks recorded on time, update gaps of accounts, drops, boards' cycles.

Column-level gaps of the district website (14/183 days, "5 or more columns") belong to the
website rules; here a platform is judged as a whole, from what the monthly checks recorded and
what the poller saw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from checks.context import DeadlineFn, RuleContext, RuleFn
from checks.flags import Deadline, Flag, Rule
from tracker.config import Config, Section
from tracker.dates import add_months
from tracker.i18n import tr
from tracker.records import MonthlyCheck
from tracker.records.platform_checks import (
    NEW_MEDIA_KINDS,
    month_of,
    previous_month,
    problem_label,
    shift_month,
)

CHECK_DUE = Rule("月度清查按时录入", "2019 年度报告: 党政办每月定期清查各平台")
NEW_MEDIA_UPDATE = Rule("政务新媒体两周未更新", "国办秘函〔2019〕19号; 国办发〔2018〕123号")
WEBSITE_UPDATE = Rule("网站两周未更新", "国办秘函〔2019〕19号")
MEASURE_DUE = Rule("整改措施按期完成", "2019 年度报告: 就不及时、不全面、不丰富等问题提出整改措施")
VOLUME_DROP = Rule("发布量明显下降", "2019 年度报告: 清查信息发布量、关注度")
FOLLOWERS_DROP = Rule("关注人数明显下降", "2019 年度报告: 清查信息发布量、关注度")
BOARD_CYCLE = Rule("村务公开周期", "村民委员会组织法 第三十条")

UPDATE_KINDS = ("website", *NEW_MEDIA_KINDS)
"""Platform kinds whose last update is judged against the 2-week veto."""
CHECK_VETO_WINDOW_MONTHS = 12
"""A check's own veto is shown for the months of the past year, not forever."""
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
FINANCE_WORD = "财务"


def _name(platform: Section) -> str:
    return str(platform.name or platform.id)


def _checks_by_platform(checks: Iterable[MonthlyCheck]) -> dict[str, list[MonthlyCheck]]:
    """Each platform's checks, oldest month first."""
    found: dict[str, list[MonthlyCheck]] = {}
    for check in sorted(checks, key=lambda c: c.month):
        found.setdefault(check.platform, []).append(check)
    return found


def update_limit(config: Config, kind: str) -> tuple[int, Rule]:
    """Days a platform may go without an update, and the rule behind it."""
    if kind == "website":
        return int(config.rules.news_update_days), WEBSITE_UPDATE
    return int(config.rules.new_media_update_days), NEW_MEDIA_UPDATE


def web_item_dates(
    config: Config, web_items: Iterable[dict[str, Any]], today: dt.date | None = None
) -> dict[str, dt.date]:
    """The newest dated item the poller saw per platform (a source belongs to its ``platform``).

    An item without a visible date does not count as an update (2015 普查 table), nor does a
    date after ``today``.
    """
    platform_of = {s.id: s.platform for s in config.sources if s.platform}
    newest: dict[str, dt.date] = {}
    for item in web_items:
        platform = platform_of.get(str(item.get("source", "")))
        text = item.get("date")
        if not platform or not text:
            continue
        try:
            day = dt.date.fromisoformat(str(text))
        except ValueError:
            continue
        if today is not None and day > today:
            continue
        if platform not in newest or day > newest[platform]:
            newest[platform] = day
    return newest


def last_update(
    platform_id: str, checks: Iterable[MonthlyCheck], seen: dict[str, dt.date]
) -> dt.date | None:
    """The newest of what monthly checks recorded and what the poller saw."""
    days = [c.last_update for c in checks if c.platform == platform_id and c.last_update]
    if platform_id in seen:
        days.append(seen[platform_id])
    return max(days) if days else None


def check_is_veto(config: Config, check: MonthlyCheck) -> bool:
    """At the check date the platform had gone more than the limit without an update."""
    platform = config.platform(check.platform)
    if platform is None or platform.kind not in UPDATE_KINDS:
        return False
    if check.last_update is None or check.checked_on is None:
        return False
    limit, _ = update_limit(config, platform.kind)
    return (check.checked_on - check.last_update).days > limit


def drop_pct(current: int | None, previous: list[int]) -> float | None:
    """How far ``current`` fell below the average of ``previous``, in percent (None: unknown)."""
    if current is None or not previous:
        return None
    total = sum(previous)
    if total <= 0:
        return None
    return (total - current * len(previous)) * 100 / total


def _previous_values(
    checks: list[MonthlyCheck], month: str, figure: str, months: int = 3
) -> list[int]:
    wanted = {shift_month(month, -n) for n in range(1, months + 1)}
    values = [getattr(c, figure) for c in checks if c.month in wanted]
    return [v for v in values if v is not None]


def board_cycle(platform: Section, config: Config) -> str:
    """Finances monthly (where a board says 财务), other village affairs quarterly by default."""
    text = f"{platform.name} {platform.note}"
    if FINANCE_WORD in text:
        return str(config.rules.village_finance_every)
    return str(config.rules.village_general_every)


# ---------------------------------------------------------------- flags


def stale_platforms(ctx: RuleContext) -> list[Flag]:
    """A website or new-media account not updated for more than 14 days → 单项否决."""
    seen = web_item_dates(ctx.config, ctx.records.web_items, ctx.today)
    flags = []
    for platform in ctx.config.platforms:
        if platform.kind not in UPDATE_KINDS:
            continue
        newest = last_update(platform.id, ctx.records.checks, seen)
        if newest is None:
            continue
        limit, rule = update_limit(ctx.config, platform.kind)
        gap = (ctx.today - newest).days
        if gap > limit:
            flags.append(
                Flag(
                    "veto",
                    "platforms",
                    platform.id,
                    tr(
                        f"{_name(platform)} 已 {gap} 天未更新 (最近 {newest})",
                        f"{_name(platform)} not updated for {gap} days (last {newest})",
                    ),
                    rule,
                )
            )
    return flags


def stale_at_check(ctx: RuleContext) -> list[Flag]:
    """The latest check of a platform found it more than 14 days without an update → 单项否决.

    Only the latest check counts here, and not when the platform is stale right now (that flag
    says more): older findings are history, kept in the monthly screen and the year-end summary.
    """
    earliest = shift_month(month_of(ctx.today), -CHECK_VETO_WINDOW_MONTHS)
    stale_now = {f.id for f in stale_platforms(ctx)}
    flags = []
    for checks in _checks_by_platform(ctx.records.checks).values():
        check = max(checks, key=lambda c: c.month)
        if check.month < earliest or check.platform in stale_now:
            continue
        if not check_is_veto(ctx.config, check):
            continue
        platform = ctx.config.platform(check.platform)
        assert platform is not None and check.checked_on and check.last_update
        _, rule = update_limit(ctx.config, platform.kind)
        gap = (check.checked_on - check.last_update).days
        flags.append(
            Flag(
                "veto",
                "monthly_checks",
                str(check.id),
                tr(
                    f"{_name(platform)} {check.month} 清查时已 {gap} 天未更新",
                    f"{_name(platform)} {check.month}: {gap} days without an update at the check",
                ),
                rule,
            )
        )
    return flags


def figure_drops(ctx: RuleContext) -> list[Flag]:
    """Volume or followers of the latest check well below the average of the 3 months before."""
    settings = (
        ("volume", float(ctx.rules.volume_drop_pct), VOLUME_DROP, ("发布量", "volume")),
        (
            "followers",
            float(ctx.rules.followers_drop_pct),
            FOLLOWERS_DROP,
            ("关注人数", "followers"),
        ),
    )
    flags = []
    for platform_id, checks in _checks_by_platform(ctx.records.checks).items():
        platform = ctx.config.platform(platform_id)
        if platform is None:
            continue
        latest = checks[-1]
        for figure, limit, rule, (zh, en) in settings:
            pct = drop_pct(getattr(latest, figure), _previous_values(checks, latest.month, figure))
            if pct is None or pct <= limit:
                continue
            flags.append(
                Flag(
                    "warning",
                    "monthly_checks",
                    str(latest.id),
                    tr(
                        f"{_name(platform)} {latest.month} {zh}较前 3 个月平均下降 {pct:.0f}%",
                        f"{_name(platform)} {latest.month}: {en} {pct:.0f}% below the 3-month average",
                    ),
                    rule,
                )
            )
    return flags


def stale_boards(ctx: RuleContext) -> list[Flag]:
    """A board whose last update is older than its cycle (村务 quarterly, 财务 monthly)."""
    seen = web_item_dates(ctx.config, ctx.records.web_items, ctx.today)
    flags = []
    for platform in ctx.config.platforms:
        if platform.kind != "board":
            continue
        newest = last_update(platform.id, ctx.records.checks, seen)
        if newest is None:
            continue
        cycle = board_cycle(platform, ctx.config)
        if newest >= add_months(ctx.today, -PERIOD_MONTHS[cycle]):
            continue
        every = {"month": ("每月", "monthly"), "quarter": ("每季度", "quarterly")}.get(
            cycle, ("每年", "yearly")
        )
        flags.append(
            Flag(
                "warning",
                "platforms",
                platform.id,
                tr(
                    f"{_name(platform)} 最近更新 {newest}, 超过{every[0]}公开周期",
                    f"{_name(platform)} last updated {newest}, beyond its {every[1]} cycle",
                ),
                BOARD_CYCLE,
            )
        )
    return flags


# ---------------------------------------------------------------- deadlines


def missing_checks(ctx: RuleContext) -> list[Deadline]:
    """Last month's check of every platform is due by day ``monthly_check_day`` of this month.

    One deadline for the month, naming how many platforms are missing: one line on the
    dashboard and one reminder, not one per board (the monthly screen lists them).
    """
    missing = _missing_last_month(ctx)
    if missing is None or _before_start(ctx, missing[1]):
        return []  # nothing missing, or its deadline passed before gongkai was in use
    month, due, title = missing
    return [
        Deadline(
            "platforms", f"checks:{month}", title, due, CHECK_DUE, tr("党政办公室", "the office")
        )
    ]


def _missing_last_month(ctx: RuleContext) -> tuple[str, dt.date, str] | None:
    """(month, due day, title) when some platforms have no check for last month."""
    month = previous_month(ctx.today)
    done = {c.platform for c in ctx.records.checks if c.month == month}
    missing = [p for p in ctx.config.platforms if p.id not in done]
    if not missing:
        return None
    due = ctx.today.replace(day=int(ctx.rules.monthly_check_day))
    names = "、".join(_name(p) for p in missing[:2])
    more = tr("等", " and others") if len(missing) > 2 else ""
    title = tr(
        f"{month} 月度清查: {len(missing)} 个平台未录入 ({names}{more})",
        f"{month} monthly check: {len(missing)} platform(s) not recorded ({names}{more})",
    )
    return month, due, title


def _before_start(ctx: RuleContext, due: dt.date) -> bool:
    since = ctx.records.tracking_since
    return since is not None and due < since


def unrecorded_before_start(ctx: RuleContext) -> list[Flag]:
    """Last month's checks, due before gongkai was started: shown, but not counted overdue."""
    missing = _missing_last_month(ctx)
    if missing is None or not _before_start(ctx, missing[1]):
        return []
    month, _, title = missing
    note = tr(
        " (开始使用本程序之前到期, 不计逾期, 可补录)",
        " (due before gongkai was started: not overdue)",
    )
    return [Flag("info", "platforms", f"checks:{month}", title + note, CHECK_DUE)]


def open_measures(ctx: RuleContext) -> list[Deadline]:
    """A rectification measure with a due date, not closed.

    Once the problem was turned into an improvement action (origin ``monthly_checks:<id>``) the
    action carries the deadline, so it is not listed twice.
    """
    handed_over = {a.origin for a in ctx.records.actions}
    deadlines = []
    for check in ctx.records.checks:
        if not check.measure_open or f"monthly_checks:{check.id}" in handed_over:
            continue
        assert check.measure_due is not None
        platform = ctx.config.platform(check.platform)
        name = _name(platform) if platform else check.platform
        what = check.measure or "、".join(problem_label(p) for p in check.problems)
        deadlines.append(
            Deadline(
                "monthly_checks",
                str(check.id),
                tr(
                    f"{name} {check.month} 整改: {what}",
                    f"{name} {check.month} measure: {what}",
                ),
                check.measure_due,
                MEASURE_DUE,
                check.measure_owner,
            )
        )
    return deadlines


# ---------------------------------------------------------------- the month at a glance


@dataclass(frozen=True)
class MonthSummary:
    month: str
    checked: int
    total: int
    problems: int
    vetoes: int


def month_summary(config: Config, checks: Iterable[MonthlyCheck], month: str) -> MonthSummary:
    """What a month's review found: platforms checked, checks with problems, vetoes."""
    platform_ids = {p.id for p in config.platforms}
    of_month = [c for c in checks if c.month == month and c.platform in platform_ids]
    return MonthSummary(
        month,
        len({c.platform for c in of_month}),
        len(platform_ids),
        sum(1 for c in of_month if c.has_problem),
        sum(1 for c in of_month if check_is_veto(config, c)),
    )


RULES: list[RuleFn] = [
    stale_platforms,
    stale_at_check,
    figure_drops,
    stale_boards,
    unrecorded_before_start,
]
"""Rules that raise flags directly (vetoes, warnings)."""

DEADLINES: list[DeadlineFn] = [missing_checks, open_measures]
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
