"""The 网站监测 screen: statuses in words, items with 新, polling with progress, opening a page,
confirming a match, and page titles that look like markup shown exactly as written."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import ContentSwitcher, DataTable, Static

from checks.poller import poll_sources
from tests.poll_helpers import sources_config, workspace_at
from tests.web_fixtures import LocalSite, list_page
from tracker.records import PublicationItem
from tui.app import GongkaiApp
from tui.sections.website import WebsiteSection

DAY = dt.date(2026, 11, 24)
MARKUP_TITLE = "沙政发[2019]12号 [/x] [bold]通知"


@pytest.fixture
def site():
    with LocalSite() as running:
        yield running


def cells(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]


def text(widget: Static) -> str:
    return str(widget.render())


async def open_website(app: GongkaiApp, pilot) -> WebsiteSection:
    await pilot.press("6")  # a number key opens the section with the keyboard in its first table
    await pilot.pause()
    assert app.screen.query_one("#main", ContentSwitcher).current == "website"
    section = app.screen.query_one(WebsiteSection)
    assert app.focused is section.query_one("#sources", DataTable)
    return section


def two_sources(write_config, site, extra: str = ""):
    return write_config(
        extra=sources_config(
            [
                {"id": "news", "name": "工作动态", "url": site.url("/news/"), "category": "news"},
                {"id": "gone", "name": "通知公告", "url": site.url("/gone/"), "category": "notice"},
            ],
            failing_after=2,
            extra=extra,
        )
    )


async def test_poll_key_shows_statuses_items_and_literal_titles(write_config, site) -> None:
    site.add("/news/", list_page([("a.html", "旧的一条", "2026-11-02")]))
    config = two_sources(write_config, site)
    await poll_sources(workspace_at(config, DAY - dt.timedelta(days=1)))
    site.add(
        "/news/",
        list_page([("b.html", MARKUP_TITLE, "2026-11-20"), ("a.html", "旧的一条", "2026-11-02")]),
    )
    app = GongkaiApp(workspace_at(config, DAY))
    async with app.run_test(size=(80, 24)) as pilot:
        section = await open_website(app, pilot)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "抓取完成: 2 个栏目, 1 个失败, 新增 1 条" in text(
            app.screen.query_one("#poll-progress", Static)
        )
        rows = cells(app.screen.query_one("#sources", DataTable))
        assert rows[0][:6] == ["工作动态", "正常", "", "2026-11-20", "4", "1"]
        assert rows[1][1:3] == ["连续失败", "页面不存在或拒绝访问"]
        items = cells(app.screen.query_one("#web-items", DataTable))
        assert items[0] == ["新", "2026-11-20", MARKUP_TITLE, "2026-11-24"]
        assert items[1][0] == "" and items[1][2] == "旧的一条"
        opened: list[str] = []
        WebsiteSection.opener = staticmethod(opened.append)  # type: ignore[assignment]
        try:
            section.query_one("#web-items", DataTable).focus()
            await pilot.press("o")
        finally:
            del WebsiteSection.opener
        assert opened == [site.url("/news/b.html")]
        section.query_one("#sources", DataTable).focus()
        await pilot.press("down")  # to the failing column: its plain-words error
        await pilot.pause()
        detail = text(app.screen.query_one("#source-detail", Static))
        assert "通知公告: 连续失败" in detail and "404" in detail


async def test_without_network_everything_is_unreachable_and_nothing_crashes(
    write_config,
) -> None:
    config = write_config(
        extra=sources_config(
            [
                {
                    "id": "zl",
                    "name": "镇罗镇 工作动态",
                    "url": "http://127.0.0.1:9/x/",
                    "category": "news",
                }
            ]
        )
    )
    app = GongkaiApp(workspace_at(config, DAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_website(app, pilot)
        assert cells(app.screen.query_one("#sources", DataTable))[0][1] == "尚未抓取"
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = cells(app.screen.query_one("#sources", DataTable))[0]
        assert row[1:3] == ["待观察", "无法访问"]
        assert "无法连接到网站" in text(app.screen.query_one("#source-detail", Static))


async def test_ambiguous_match_is_confirmed_with_c(write_config, site) -> None:
    publications = (
        '\n[[publications]]\nid = "dibao"\ntitle = "低保"\nmatch = "低保"\nevery = "month"\n'
        "due_day = 10\n"
    )
    site.add("/news/", list_page([("a.html", "旧的一条", "2026-11-02")]))
    site.add("/gone/", list_page([("z.html", "通知", "2026-11-02")]))
    config = two_sources(write_config, site, extra=publications)
    ws = workspace_at(config, DAY)
    await poll_sources(workspace_at(config, DAY - dt.timedelta(days=1)))
    for village in ("甲村", "乙村"):
        ws.store.insert(
            PublicationItem(
                title=f"{village}低保", formed=dt.date(2026, 11, 1), rule="dibao", period="2026-11"
            )
        )
    site.add("/news/", list_page([("d.html", "11月低保名单", "2026-11-23")]))
    await poll_sources(ws)
    app = GongkaiApp(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        section = await open_website(app, pilot)
        matches = app.screen.query_one("#matches", DataTable)
        assert matches.display and [r[2] for r in cells(matches)] == [
            "甲村低保 2026-11",
            "乙村低保 2026-11",
        ]
        matches.focus()
        await pilot.press("down", "c")
        await pilot.pause()
        assert not section.query_one("#matches", DataTable).display
    published = [i.title for i in ws.store.all(PublicationItem) if i.status == "published"]
    assert published == ["乙村低保"]
