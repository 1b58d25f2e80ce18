"""网站监测 rules (国办秘函〔2019〕19号): column update gaps, blank columns, availability,
columns failing to poll, and back-dated items.

Pure functions of RuleContext. The poller's results reach them as ``Snapshot.web_items`` (each
item once, with its first-seen time), ``Snapshot.web_states`` (per column: failures in a row,
last good result) and ``Snapshot.polls`` (poll history lines).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from checks.context import DeadlineFn, RuleContext, RuleFn
from checks.flags import Flag, Rule
from tracker.dates import maybe_date, maybe_datetime
from tracker.i18n import tr

SOURCE = "国办秘函〔2019〕19号"
NEWS_RULE = Rule("动态要闻栏目更新", SOURCE)
NOTICE_RULE = Rule("通知公告/政策文件栏目更新", SOURCE)
BLANK_RULE = Rule("空白栏目", SOURCE)
AVAILABILITY_RULE = Rule("网站可用性", SOURCE)
FAILING_RULE = Rule("栏目抓取连续失败", SOURCE)
BACKDATE_RULE = Rule("发布日期倒填核查", SOURCE)

AVAILABILITY_FAILURES = frozenset({"unreachable", "dns", "tls", "timeout", "http_5xx"})
"""Failures a visitor would see as "the site is down"; a changed layout or 404 is not."""
AVAILABILITY_WINDOW_DAYS = 7
BACKDATE_WINDOW_DAYS = 30
"""A back-dated item is shown for this long after it first appeared, for a person to check."""


def update_limit(category: str, rules: Any) -> int | None:
    """Days a column of this category may go without a new item (None: no rule applies)."""
    if category == "news":
        return int(rules.news_update_days)
    if category in ("notice", "policy"):
        return int(rules.notice_policy_update_days)
    return None


def newest_date(items: list[dict[str, Any]], today: dt.date | None = None) -> dt.date | None:
    """The newest shown date; items with no visible date never count as an update, and
    neither does a date after ``today`` (a typo on the site must not hide a stale column)."""
    dates = [maybe_date(i.get("date")) for i in items]
    found = [d for d in dates if d is not None and (today is None or d <= today)]
    return max(found) if found else None


def is_stale(category: str, newest: dt.date | None, today: dt.date, rules: Any) -> bool:
    """Not updated: today − newest > limit (the limit day itself is still fine)."""
    limit = update_limit(category, rules)
    if limit is None:
        return False
    return newest is None or (today - newest).days > limit


def _name(source: Any) -> str:
    return str(source.name or source.id)


def _watched(ctx: RuleContext) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Sources polled successfully at least once, with their items of the last good result."""
    found = []
    for source in ctx.config.sources:
        state = ctx.records.web_states.get(source.id)
        if not state or not state.get("last_ok"):
            continue
        good = state.get("last_good") or {}
        found.append((source, list(good.get("items") or [])))
    return found


def update_gaps(ctx: RuleContext) -> list[Flag]:
    flags: list[Flag] = []
    stale_notice: list[tuple[Any, dt.date | None]] = []
    for source, _ in _watched(ctx):
        items = [i for i in ctx.records.web_items if i.get("source") == source.id]
        if not items:
            continue  # blank columns have their own rule
        newest = newest_date(items, ctx.today)
        if not is_stale(source.category, newest, ctx.today, ctx.rules):
            continue
        if source.category == "news":
            flags.append(
                Flag(
                    "veto",
                    "sources",
                    source.id,
                    _gap_title(source, newest, ctx.today, int(ctx.rules.news_update_days)),
                    NEWS_RULE,
                    _due(newest, int(ctx.rules.news_update_days)),
                    _late(newest, ctx.today, int(ctx.rules.news_update_days)),
                )
            )
        else:
            stale_notice.append((source, newest))
    limit = int(ctx.rules.notice_policy_update_days)
    veto = len(stale_notice) >= int(ctx.rules.stale_columns_veto)
    for source, newest in stale_notice:
        count = tr(
            f" (共 {len(stale_notice)} 个栏目未更新, 达到 {ctx.rules.stale_columns_veto} 个即单项否决)",
            f" ({len(stale_notice)} columns not updated; {ctx.rules.stale_columns_veto} is a veto)",
        )
        flags.append(
            Flag(
                "veto" if veto else "warning",
                "sources",
                source.id,
                _gap_title(source, newest, ctx.today, limit) + count,
                NOTICE_RULE,
                _due(newest, limit),
                _late(newest, ctx.today, limit),
            )
        )
    return flags


def _due(newest: dt.date | None, limit: int) -> dt.date | None:
    return newest + dt.timedelta(days=limit) if newest else None


def _late(newest: dt.date | None, today: dt.date, limit: int) -> int | None:
    return (today - newest).days - limit if newest else None


def _gap_title(source: Any, newest: dt.date | None, today: dt.date, limit: int) -> str:
    if newest is None:
        return tr(
            f"{_name(source)}: 条目都没有可见的发布日期, 视为未更新",
            f"{_name(source)}: no item shows a publication date; counts as not updated",
        )
    days = (today - newest).days
    return tr(
        f"{_name(source)}: 最新一条是 {newest} ({days} 天前), 超过 {limit} 天未更新",
        f"{_name(source)}: newest item {newest} ({days} days ago), not updated for over {limit} days",
    )


def blank_columns(ctx: RuleContext) -> list[Flag]:
    blank = [source for source, items in _watched(ctx) if not items]
    veto = len(blank) >= int(ctx.rules.blank_columns_veto)
    return [
        Flag(
            "veto" if veto else "warning",
            "sources",
            source.id,
            tr(
                f"{_name(source)}: 空白栏目 (没有任何内容; 共 {len(blank)} 个, "
                f"达到 {ctx.rules.blank_columns_veto} 个即单项否决)",
                f"{_name(source)}: blank column ({len(blank)} blank; "
                f"{ctx.rules.blank_columns_veto} is a veto)",
            ),
            BLANK_RULE,
        )
        for source in blank
    ]


def availability(ctx: RuleContext) -> list[Flag]:
    """Failed or slow probes over the last 7 days ≥ the threshold → veto (info if too few probes)."""
    since = ctx.today - dt.timedelta(days=AVAILABILITY_WINDOW_DAYS - 1)
    slow_ms = float(ctx.rules.availability_slow_seconds) * 1000
    needed = int(ctx.rules.availability_probes_per_day) * AVAILABILITY_WINDOW_DAYS
    flags: list[Flag] = []
    for source in ctx.config.sources:
        probes = [
            p
            for p in ctx.records.polls
            if p.get("source") == source.id
            and (at := maybe_datetime(p.get("at"))) is not None
            and since <= at.date() <= ctx.today
        ]
        if not probes:
            continue
        bad = sum(
            1
            for p in probes
            if (not p.get("ok") and p.get("error") in AVAILABILITY_FAILURES)
            or float(p.get("duration_ms") or 0) > slow_ms
        )
        pct = 100.0 * bad / len(probes)
        if bad == 0 or pct < float(ctx.rules.availability_failure_pct):
            continue
        enough = len(probes) >= needed
        flags.append(
            Flag(
                "veto" if enough else "info",
                "sources",
                source.id,
                tr(
                    f"{_name(source)}: 近 7 天 {len(probes)} 次访问中 {bad} 次失败或慢于 "
                    f"{ctx.rules.availability_slow_seconds:g} 秒 ({pct:.1f}%)"
                    + ("" if enough else f"; 访问次数不足 {needed} 次, 仅供参考"),
                    f"{_name(source)}: {bad} of {len(probes)} probes in 7 days failed or took over "
                    f"{ctx.rules.availability_slow_seconds:g} s ({pct:.1f}%)"
                    + ("" if enough else f"; fewer than {needed} probes, for information only"),
                ),
                AVAILABILITY_RULE,
            )
        )
    return flags


def failing_sources(ctx: RuleContext) -> list[Flag]:
    """Failing N polls in a row → warning; pending after the first failure → info only."""
    after = int(ctx.config.poll.failing_after)
    flags: list[Flag] = []
    for source in ctx.config.sources:
        state = ctx.records.web_states.get(source.id) or {}
        failures = int(state.get("consecutive_failures") or 0)
        if failures <= 0:
            continue
        since = maybe_datetime(state.get("failing_since"))
        when = since.strftime("%Y-%m-%d %H:%M") if since else "?"
        message = state.get("last_message") or ""
        if failures >= after:
            kind = "warning"
            title = tr(
                f"{_name(source)}: 自 {when} 起连续 {failures} 次抓取失败。{message}",
                f"{_name(source)}: failing since {when} ({failures} polls in a row). {message}",
            )
        else:
            kind = "info"
            title = tr(
                f"{_name(source)}: 待观察, 自 {when} 起抓取失败 {failures} 次。{message}",
                f"{_name(source)}: pending, {failures} failed poll(s) since {when}. {message}",
            )
        flags.append(Flag(kind, "sources", source.id, title.strip(), FAILING_RULE))
    return flags


def backdated_items(ctx: RuleContext) -> list[Flag]:
    """New items whose shown date is well before gongkai first saw them: a person checks."""
    tolerance = int(ctx.rules.backdate_tolerance_days)
    flags: list[Flag] = []
    for item in ctx.records.web_items:
        if item.get("baseline"):
            continue
        shown = maybe_date(item.get("date"))
        seen = maybe_datetime(item.get("first_seen"))
        if shown is None or seen is None:
            continue
        if (ctx.today - seen.date()).days > BACKDATE_WINDOW_DAYS:
            continue
        gap = (seen.date() - shown).days
        if gap <= tolerance:
            continue
        flags.append(
            Flag(
                "warning",
                "web_items",
                str(item.get("url", "")),
                tr(
                    f"请核查: 《{item.get('title', '')}》 网页日期 {shown}, "
                    f"但 {seen.date()} 才首次出现 (早 {gap} 天)",
                    f"Please check: '{item.get('title', '')}' shows {shown} but first appeared "
                    f"on {seen.date()} ({gap} days earlier)",
                ),
                BACKDATE_RULE,
            )
        )
    return flags


RULES: list[RuleFn] = [update_gaps, blank_columns, availability, failing_sources, backdated_items]
"""Rules that raise flags directly (vetoes, warnings)."""

DEADLINES: list[DeadlineFn] = []
"""Open things with a due date; they become overdue/due-soon flags and reminders."""
