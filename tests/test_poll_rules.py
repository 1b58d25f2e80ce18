"""网站监测 rules on a fixed day: the boundaries of 国办秘函〔2019〕19号 as DESIGN.md counts them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from checks.context import RuleContext, Snapshot
from checks.rules import website
from tests.poll_helpers import sources_config
from tracker.config import load_config
from tracker.workspace import calendar_for

TODAY = dt.date(2026, 11, 24)


def ctx_for(write_config, categories: dict[str, str], **snapshot: Any) -> RuleContext:
    config = load_config(
        write_config(
            extra=sources_config(
                [
                    {"id": sid, "url": f"http://127.0.0.1:9/{sid}/", "category": cat}
                    for sid, cat in categories.items()
                ],
                failing_after=3,
            )
        )
    )
    return RuleContext(TODAY, config, calendar_for(config), Snapshot(**snapshot))


def watched(*ids: str, items: int = 1) -> dict[str, dict[str, Any]]:
    return {
        sid: {"last_ok": "2026-11-24T09:00:00+08:00", "last_good": {"items": [{}] * items}}
        for sid in ids
    }


def item(source: str, date: str | None, **more: Any) -> dict[str, Any]:
    return {
        "source": source,
        "url": f"http://x/{source}/{date}.html",
        "title": f"{source} {date}",
        "date": date,
        "first_seen": "2026-01-01T09:00:00+08:00",
        "baseline": True,
        **more,
    }


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


def flags(rule, ctx):
    return [(f.kind, f.id) for f in rule(ctx)]


def test_news_column_14_days_is_fine_15_is_a_veto(write_config) -> None:
    ctx = ctx_for(
        write_config,
        {"a": "news", "b": "news"},
        web_items=[item("a", days_ago(14)), item("b", days_ago(15))],
        web_states=watched("a", "b"),
    )
    found = website.update_gaps(ctx)
    assert [(f.kind, f.id) for f in found] == [("veto", "b")]
    assert found[0].rule.source == "国办秘函〔2019〕19号"
    assert found[0].days_overdue == 1


def test_item_without_visible_date_counts_as_not_updated(write_config) -> None:
    ctx = ctx_for(write_config, {"a": "news"}, web_items=[item("a", None)], web_states=watched("a"))
    [flag] = website.update_gaps(ctx)
    assert flag.kind == "veto" and "没有可见的发布日期" in flag.title


def test_notice_policy_183_days_and_five_columns(write_config) -> None:
    cats = {f"n{i}": ("notice" if i % 2 else "policy") for i in range(6)}
    old = [item(f"n{i}", days_ago(184)) for i in range(4)] + [item("n4", days_ago(183))]
    ctx = ctx_for(write_config, cats, web_items=old, web_states=watched(*cats))
    assert flags(website.update_gaps, ctx) == [("warning", f"n{i}") for i in range(4)]
    five = [*old, item("n5", days_ago(400))]
    ctx = ctx_for(write_config, cats, web_items=five, web_states=watched(*cats))
    assert sorted(flags(website.update_gaps, ctx)) == sorted(
        [("veto", f"n{i}") for i in (0, 1, 2, 3, 5)]
    )


def test_blank_columns_five_is_a_veto(write_config) -> None:
    cats = {f"b{i}": "other" for i in range(5)}
    four = {**watched("b0", "b1", "b2", "b3", items=0), **watched("b4", items=1)}
    assert {
        k for k, _ in flags(website.blank_columns, ctx_for(write_config, cats, web_states=four))
    } == {"warning"}
    five = watched(*cats, items=0)
    got = flags(website.blank_columns, ctx_for(write_config, cats, web_states=five))
    assert len(got) == 5 and {k for k, _ in got} == {"veto"}


def probes(source: str, total: int, bad: int, slow: int = 0) -> list[dict[str, Any]]:
    lines = []
    for n in range(total):
        at = dt.datetime(2026, 11, 18 + n % 7, 8, n % 60, tzinfo=dt.UTC).isoformat()
        failed = n < bad
        lines.append(
            {
                "at": at,
                "source": source,
                "ok": not failed,
                "error": "timeout" if failed else None,
                "duration_ms": 16_000 if bad <= n < bad + slow else 300,
            }
        )
    return lines


def test_availability_five_percent_over_a_week(write_config) -> None:
    cats = {"a": "news"}
    ctx = ctx_for(write_config, cats, polls=probes("a", 140, 6))  # 4.3 %
    assert website.availability(ctx) == []
    ctx = ctx_for(write_config, cats, polls=probes("a", 140, 4, slow=3))  # 7 of 140 = 5 %
    assert flags(website.availability, ctx) == [("veto", "a")]
    ctx = ctx_for(write_config, cats, polls=probes("a", 7, 1))  # one poll a day: too few
    assert flags(website.availability, ctx) == [("info", "a")]


def test_failing_source_warns_after_n_in_a_row_and_pending_is_info(write_config) -> None:
    states = {
        "a": {"consecutive_failures": 1, "failing_since": "2026-11-24T08:30:00+08:00"},
        "b": {
            "consecutive_failures": 3,
            "failing_since": "2026-11-20T08:30:00+08:00",
            "last_message": "无法连接到网站",
        },
    }
    found = website.failing_sources(
        ctx_for(write_config, {"a": "news", "b": "news"}, web_states=states)
    )
    assert [(f.kind, f.id) for f in found] == [("info", "a"), ("warning", "b")]
    assert "2026-11-20 08:30" in found[1].title and "无法连接到网站" in found[1].title


def test_backdated_item_is_flagged_for_a_person(write_config) -> None:
    seen = "2026-11-20T08:30:00+08:00"
    items = [
        item("a", "2026-11-17", baseline=False, first_seen=seen),  # 3 days: within tolerance
        item("a", "2026-11-16", baseline=False, first_seen=seen),  # 4 days: check it
        item("a", "2026-10-01", baseline=True, first_seen=seen),  # there before watching began
    ]
    found = website.backdated_items(ctx_for(write_config, {"a": "news"}, web_items=items))
    assert [(f.kind, f.subject) for f in found] == [("warning", "web_items")]
    assert "2026-11-16" in found[0].title


def test_a_future_date_on_the_site_does_not_hide_a_stale_column() -> None:
    import datetime as dt

    from checks.rules.website import newest_date

    items = [{"date": "2099-01-01"}, {"date": "2026-11-01"}]
    assert newest_date(items, dt.date(2026, 11, 24)) == dt.date(2026, 11, 1)
