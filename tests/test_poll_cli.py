"""``gongkai poll [--json]`` against a local copy of a district-site column."""

from __future__ import annotations

import json

import pytest

from tests.poll_helpers import sources_config
from tests.web_fixtures import LocalSite, list_page
from tui.cli import main


@pytest.fixture
def site():
    with LocalSite() as running:
        yield running


ROWS = [
    ("./202611/t20261120_301.html", "镇罗镇召开政务公开工作推进会", "2026-11-20"),
    ("./202611/t20261118_300.html", "关于开展冬季安全生产检查的通知", "2026/11/18"),
    ("./202611/t20261102_299.html", "沙政发[2026]12号 [/x] 转发文件", "[11-02]"),
    ("./202610/t20261030_298.html", "十月低保名单公示", ""),
]


def test_poll_json_returns_every_item_with_its_date(write_config, site, capsys) -> None:
    site.add("/zlz/gzdt/", list_page(ROWS[:2], pages=2))
    site.add("/zlz/gzdt/index_1.html", list_page(ROWS[2:], pages=2, current=1))
    config = write_config(
        extra=sources_config(
            [{"id": "zl-news", "url": site.url("/zlz/gzdt/"), "category": "news", "max_pages": 3}]
        )
    )
    code = main(["--config", str(config), "poll", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    [source] = out["sources"]
    assert set(source) == {"source", "ok", "status", "error", "pages", "items", "new_items"}
    assert source["ok"] and source["status"] == 200 and source["error"] is None
    assert source["pages"] == 2 and source["new_items"] == 4
    assert [(i["title"], i["date"]) for i in source["items"]] == [
        ("镇罗镇召开政务公开工作推进会", "2026-11-20"),
        ("关于开展冬季安全生产检查的通知", "2026-11-18"),
        ("沙政发[2026]12号 [/x] 转发文件", "2026-11-02"),
        ("十月低保名单公示", "2026-10-30"),
    ]
    assert source["items"][0]["url"] == site.url("/zlz/gzdt/202611/t20261120_301.html")


def test_poll_exits_1_and_names_the_failure(write_config, site, capsys) -> None:
    site.add("/ok/", list_page(ROWS[:1]))
    config = write_config(
        extra=sources_config(
            [
                {"id": "ok", "url": site.url("/ok/"), "category": "news"},
                {"id": "gone", "url": site.url("/gone/"), "category": "notice"},
            ]
        )
    )
    assert main(["--config", str(config), "poll"]) == 1
    out = capsys.readouterr().out
    assert "ok: 正常" in out and "gone: [页面不存在或拒绝访问]" in out
    assert main(["--config", str(config), "poll", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [s["error"] for s in data["sources"]] == [None, "http_4xx"]


def test_status_after_a_poll_flags_a_stale_news_column(write_config, site, capsys) -> None:
    site.add("/news/", list_page([("a.html", "一个月前的动态", "2026-10-20")]))
    config = write_config(
        extra=sources_config(
            [{"id": "zl-news", "name": "工作动态", "url": site.url("/news/"), "category": "news"}]
        )
    )
    assert main(["--config", str(config), "poll", "--json"]) == 0
    capsys.readouterr()
    assert main(["--config", str(config), "status", "--today", "2026-11-24", "--json"]) == 1
    flags = json.loads(capsys.readouterr().out)["flags"]
    [flag] = [f for f in flags if f["subject"] == "sources"]
    assert flag["kind"] == "veto" and flag["id"] == "zl-news" and flag["days_overdue"] == 21
    assert "国办秘函〔2019〕19号" in flag["rule"]
