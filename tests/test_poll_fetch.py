"""The poller against a real HTTP server on 127.0.0.1: encodings, dates, pagination, 304s and
every error class a user may meet, each with its plain message."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from checks.poller import poll_sources_sync
from checks.poller.errors import classify
from tests.poll_helpers import sources_config, workspace_at
from tests.web_fixtures import LocalSite, Route, list_page
from tracker.records.web import WebItem, load_state, open_web_store

DAY = dt.date(2019, 12, 10)


@pytest.fixture
def site():
    with LocalSite() as running:
        yield running


def one_source(write_config, site, path="/col/", **options):
    source = {"id": "news", "name": "工作动态", "url": site.url(path), "category": "news"}
    source.update(options.pop("source", {}))
    return write_config(extra=sources_config([source], **options))


def test_gbk_page_with_charset_only_in_meta(write_config, site) -> None:
    html = list_page(
        [("./201912/t20191205_1.html", "朱镕基同志视察镇罗镇 (gb2312 页面)", "2019-12-05")],
        charset_meta="gb2312",
    )
    site.add("/col/", Route(html.encode("gb18030"), headers={"Content-Type": "text/html"}))
    [result] = poll_sources_sync(workspace_at(one_source(write_config, site), DAY))
    assert result.ok, result.message
    assert result.items[0]["title"] == "朱镕基同志视察镇罗镇 (gb2312 页面)"


def test_every_date_form_and_relative_links(write_config, site) -> None:
    rows = [
        ("./201912/t20191205_1.html", "横线日期", "2019-12-05"),
        ("../other/a.html", "斜线日期", "2019/12/04"),
        ("/abs/b.html", "点号日期", "2019.12.03"),
        ("c.html", "中文日期", "2019年12月2日"),
        ("d.html", "只有月日", "[12-01]"),
        ("./201911/t20191130_6.html", "网址里的日期", ""),
        ("e.html", "没有日期", ""),
    ]
    site.add("/site/col/", list_page(rows))
    [result] = poll_sources_sync(workspace_at(one_source(write_config, site, "/site/col/"), DAY))
    got = {i["title"]: (i["url"], i["date"]) for i in result.items}
    base = site.url("")
    assert got == {
        "横线日期": (f"{base}/site/col/201912/t20191205_1.html", "2019-12-05"),
        "斜线日期": (f"{base}/site/other/a.html", "2019-12-04"),
        "点号日期": (f"{base}/abs/b.html", "2019-12-03"),
        "中文日期": (f"{base}/site/col/c.html", "2019-12-02"),
        "只有月日": (f"{base}/site/col/d.html", "2019-12-01"),
        "网址里的日期": (f"{base}/site/col/201911/t20191130_6.html", "2019-11-30"),
        "没有日期": (f"{base}/site/col/e.html", None),
    }
    assert "首页" not in got and "关于我们" not in got  # navigation is not an item


def test_month_day_without_year_takes_the_latest_past_year(write_config, site) -> None:
    site.add("/col/", list_page([("a.html", "跨年", "[12-28]"), ("b.html", "年初", "[01-03]")]))
    [result] = poll_sources_sync(workspace_at(one_source(write_config, site), dt.date(2020, 1, 5)))
    assert {i["title"]: i["date"] for i in result.items} == {
        "跨年": "2019-12-28",
        "年初": "2020-01-03",
    }


def pages_site(site, pages: dict[int, list[tuple[str, str, str]]], count: int) -> None:
    for number, rows in pages.items():
        path = "/col/" if number == 0 else f"/col/index_{number}.html"
        site.add(path, list_page(rows, pages=count, current=number))


def test_pagination_reads_createpagehtml_and_stops_at_nothing_new(write_config, site) -> None:
    pages = {
        n: [
            (f"./201912/t201912{20 - n * 3 - k:02d}_{n}{k}.html", f"第{n}页第{k}条", "")
            for k in range(3)
        ]
        for n in range(3)
    }
    pages_site(site, pages, count=3)
    config = one_source(write_config, site, source={"max_pages": 5})
    [result] = poll_sources_sync(workspace_at(config, DAY))
    assert result.ok and result.pages == 3 and len(result.items) == 9
    assert not site.hits("/col/index_3.html")  # createPageHTML said 3 pages

    # Next morning one item is new on page 1: page 2 repeats what is known, page 3 is skipped.
    pages[0] = [("./201912/t20191211_99.html", "新的一条", "2019-12-11"), *pages[0][:2]]
    pages[1] = [pages[0][2], *pages[1]][:3]
    pages_site(site, pages, count=3)
    site.requests.clear()
    [second] = poll_sources_sync(workspace_at(config, DAY + dt.timedelta(days=1)))
    assert second.new_items == 1 and second.pages == 2
    assert not site.hits("/col/index_2.html")


def test_unchanged_page_sends_if_none_match_and_costs_nothing(write_config, site) -> None:
    site.add("/col/", Route(list_page([("a.html", "一", "2019-12-05")]).encode(), etag='"v1"'))
    config = one_source(write_config, site)
    [first] = poll_sources_sync(workspace_at(config, DAY))
    assert first.ok and first.new_items == 1
    site.requests.clear()
    [second] = poll_sources_sync(workspace_at(config, DAY + dt.timedelta(days=1)))
    [request] = site.requests
    assert request.headers.get("if-none-match") == '"v1"'
    assert second.ok and second.status == 304 and second.new_items == 0
    assert second.items == first.items  # the last good list, not an empty one


def test_same_content_without_validators_is_recognised_by_its_hash(write_config, site) -> None:
    site.add("/col/", list_page([("a.html", "一", "2019-12-05")]))
    config = one_source(write_config, site)
    poll_sources_sync(workspace_at(config, DAY))
    [second] = poll_sources_sync(workspace_at(config, DAY + dt.timedelta(days=1)))
    assert second.ok and second.new_items == 0 and second.message == "没有变化"


def test_412_challenge_page_says_check_in_a_browser(write_config, site) -> None:
    challenge = "<html><head><script>var _0x1=['x'];document.cookie='a=1';location.reload()</script></head></html>"
    site.add("/col/", challenge, status=412)
    [result] = poll_sources_sync(workspace_at(one_source(write_config, site), DAY))
    assert not result.ok and result.error == "anti_bot" and result.status == 412
    assert "浏览器" in result.message


def test_tiny_page_without_the_list_is_a_challenge(write_config, site) -> None:
    site.add("/col/", "<html><script>eval(atob('eA=='))</script></html>")
    [result] = poll_sources_sync(workspace_at(one_source(write_config, site), DAY))
    assert result.error == "anti_bot"


def test_slow_page_times_out(write_config, site) -> None:
    site.add("/col/", Route(list_page([]).encode(), delay=1.6))
    [result] = poll_sources_sync(workspace_at(one_source(write_config, site, timeout=1.0), DAY))
    assert not result.ok and result.error == "timeout"
    assert "超时" in result.message


@pytest.mark.parametrize("with_length", [True, False])
def test_huge_page_stops_at_max_bytes(write_config, site, with_length) -> None:
    body = list_page([("a.html", "大" * 100_000, "2019-12-05")]).encode()
    site.add("/col/", Route(body, length=with_length))
    [result] = poll_sources_sync(
        workspace_at(one_source(write_config, site, max_bytes=20_000), DAY)
    )
    assert not result.ok and result.error == "too_large"
    assert result.bytes <= 20_000 + 65_536  # stopped reading, did not download it all


def test_redirect_loop(write_config, site) -> None:
    site.add("/col/", Route(status=302, headers={"Location": "/loop/"}))
    site.add("/loop/", Route(status=302, headers={"Location": "/col/"}))
    [result] = poll_sources_sync(workspace_at(one_source(write_config, site), DAY))
    assert result.error == "redirect_loop" and "跳转" in result.message


def test_http_404_and_not_html(write_config, site) -> None:
    site.add("/pdf/", Route(b"%PDF-1.4", headers={"Content-Type": "application/pdf"}))
    config = write_config(
        extra=sources_config(
            [
                {"id": "gone", "url": site.url("/missing/"), "category": "news"},
                {"id": "pdf", "url": site.url("/pdf/"), "category": "news"},
            ]
        )
    )
    results = {r.source: r for r in poll_sources_sync(workspace_at(config, DAY))}
    assert results["gone"].error == "http_4xx" and results["gone"].status == 404
    assert results["pdf"].error == "not_html" and "不是网页" in results["pdf"].message


def test_5xx_is_retried(write_config, site) -> None:
    answers = iter(
        [Route(b"busy", 503), Route(list_page([("a.html", "一", "2019-12-05")]).encode())]
    )
    site.add("/col/", lambda request: next(answers))
    [result] = poll_sources_sync(workspace_at(one_source(write_config, site, retries=1), DAY))
    assert result.ok and len(site.hits("/col/")) == 2


def test_unreachable_and_dns_are_plain_words(write_config) -> None:
    config = write_config(
        extra=sources_config([{"id": "off", "url": "http://127.0.0.1:9/col/", "category": "news"}])
    )
    [result] = poll_sources_sync(workspace_at(config, DAY))
    assert result.error == "unreachable" and "无法连接" in result.message
    dns = classify(httpx.ConnectError("[Errno -2] Name or service not known"), "http://x.invalid/")
    assert dns.kind == "dns" and "域名" in dns.message


def test_layout_change_keeps_the_last_good_result(write_config, site) -> None:
    site.add("/col/", list_page([("a.html", "一", "2019-12-05"), ("b.html", "二", "2019-12-04")]))
    config = one_source(write_config, site, failing_after=2)
    poll_sources_sync(workspace_at(config, DAY))
    redesigned = "<html><body>" + "<p>网站改版, 新栏目在建设中。</p>" * 200 + "</body></html>"
    site.add("/col/", redesigned)
    later = workspace_at(config, DAY + dt.timedelta(days=1))
    [result] = poll_sources_sync(later)
    assert not result.ok and result.error == "layout_changed" and result.state == "pending"
    assert "上次有 2 条" in result.message
    state = load_state(open_web_store(later.store), "news")
    assert len(state.last_good["items"]) == 2
    assert state.last_good["at"].startswith(DAY.isoformat())  # its age shows on the screen
    [again] = poll_sources_sync(workspace_at(config, DAY + dt.timedelta(days=2)))
    assert again.state == "failing"


def test_items_are_stored_once_and_history_has_one_line_per_poll(write_config, site) -> None:
    site.add("/col/", list_page([("a.html", "一", "2019-12-05")]))
    config = one_source(write_config, site)
    ws = workspace_at(config, DAY)
    poll_sources_sync(ws)
    site.add("/col/", list_page([("b.html", "二", "2019-12-10"), ("a.html", "一", "2019-12-05")]))
    ws2 = workspace_at(config, DAY + dt.timedelta(days=1))
    [result] = poll_sources_sync(ws2)
    assert result.new_items == 1
    items = {i.title: i for i in open_web_store(ws2.store).all(WebItem)}
    assert set(items) == {"一", "二"}
    assert items["一"].baseline and not items["二"].baseline
    assert items["二"].first_seen.date() == DAY + dt.timedelta(days=1)
    lines = list(ws2.polls.read())
    assert len(lines) == 2
    assert set(lines[0]) == {
        "at", "source", "ok", "status", "duration_ms", "bytes", "error", "message", "pages",
        "items", "new_items",
    }  # fmt: skip


def test_detail_pages_give_formed_date_and_index_number(write_config, site) -> None:
    site.add("/col/", list_page([("./201912/t20191205_1.html", "低保公示", "2019-12-05")]))
    site.add(
        "/col/201912/t20191205_1.html",
        "<html><body><table><tr><td>索引号：640502/2019-00012</td><td>发布机构：镇罗镇人民政府</td>"
        "</tr><tr><td>生成日期：2019年11月20日</td><td>发布日期：2019-12-05</td></tr></table>"
        "<p>正文</p></body></html>",
    )
    ws = workspace_at(one_source(write_config, site, source={"detail": True}), DAY)
    poll_sources_sync(ws)
    [item] = open_web_store(ws.store).all(WebItem)
    assert item.formed == dt.date(2019, 11, 20)
    assert item.detail_published == dt.date(2019, 12, 5)
    assert item.index_no == "640502/2019-00012" and item.publisher == "镇罗镇人民政府"


def test_progress_is_reported(write_config, site) -> None:
    site.add("/col/", list_page([("a.html", "一", "2019-12-05")]))
    seen: list[tuple[str, str]] = []
    poll_sources_sync(
        workspace_at(one_source(write_config, site), DAY),
        progress=lambda source, words: seen.append((source, words)),
    )
    assert seen[0][0] == "news" and seen[-1][1].startswith("正常")


def test_a_malformed_link_does_not_cost_the_poll() -> None:
    import datetime as dt

    from selectolax.lexbor import LexborHTMLParser

    from checks.poller.parse import find_items

    html = (
        '<ul><li><a href="http://[::1/bad">坏链接</a> 2026-11-02</li>'
        '<li><a href="./202611/t20261103_1.html">好链接</a> 2026-11-03</li></ul>'
    )
    items = find_items(LexborHTMLParser(html), "http://127.0.0.1/c/", dt.date(2026, 11, 24))
    assert [i.title for i in items] == ["好链接"]
