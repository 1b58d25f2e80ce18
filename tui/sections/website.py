"""网站监测 (Website): the watched columns of the district site, their items, and polling now.

Everything read from web pages (titles, URLs, error text) is shown literally: a title such as
``沙政发[2019]12号 [/x]`` is text, never markup.
"""

from __future__ import annotations

import datetime as dt
import webbrowser
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from checks.poller import SourceResult, poll_sources_sync
from checks.poller.errors import label
from checks.poller.match import confirm_match, pending_matches
from checks.poller.overview import SourceView, overview
from tracker.errors import GongkaiError
from tracker.i18n import tr
from tracker.records.web import open_web_store
from tui.safe import literal
from tui.sections.base import Section

STATE_STYLE = {
    "ok": "green",
    "pending": "yellow",
    "failing": "bold red",
    "stale": "bold magenta",
    "never": "dim",
}


def state_label(state: str) -> str:
    return {
        "ok": tr("正常", "OK"),
        "pending": tr("待观察", "pending"),
        "failing": tr("连续失败", "failing"),
        "stale": tr("超期未更新", "stale"),
        "never": tr("尚未抓取", "not polled"),
    }.get(state, state)


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%m-%d %H:%M") if value else ""


class WebsiteSection(Section):
    SECTION_ID = "website"
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("r", "poll", tr("立即抓取", "Poll now"), id="website-poll"),
        Binding("o", "open_item", tr("打开网页", "Open page"), id="website-open"),
        Binding("c", "confirm_match", tr("确认匹配", "Confirm match"), id="website-confirm"),
    ]
    DEFAULT_CSS = """
    WebsiteSection #sources { height: auto; max-height: 8; }
    WebsiteSection #web-items { height: 1fr; }
    WebsiteSection #matches { height: auto; max-height: 6; }
    """
    opener: ClassVar[Callable[[str], Any]] = staticmethod(webbrowser.open)
    """Opens a URL in the browser; tests put a fake here."""

    @classmethod
    def title(cls) -> str:
        return tr("网站监测", "Website")

    @classmethod
    def help_text(cls) -> str:
        return tr(
            "区政府网站上各栏目的状态: 正常 / 待观察 (偶尔失败) / 连续失败 / 超期未更新, "
            "最新一条的日期和距今天数, 以及出错原因。选中栏目后下方列出其条目, 标“新”的是最近一次"
            "抓取新发现的。按 r 立即抓取, o 在浏览器中打开选中的条目。网页条目与公开事项的匹配"
            "不确定时列在最下方, 选中一行按 c 确认。",
            "Each watched column of the district site: OK / pending (failed once) / failing / "
            "stale, the newest item's date and age, and what went wrong. Select a column to list "
            "its items; 新 marks items the last poll found. r polls now, o opens the selected "
            "item in the browser. Uncertain matches to the publication register are listed at "
            "the bottom: select one and press c to confirm it.",
        )

    def compose(self) -> ComposeResult:
        yield Static(self.title(), classes="section-title")
        yield Static("", id="poll-progress")
        sources: DataTable[Any] = DataTable(id="sources", cursor_type="row")
        yield sources
        yield Static("", id="source-detail", classes="note")
        yield DataTable(id="web-items", cursor_type="row", zebra_stripes=True)
        yield Static("", id="matches-title")
        yield DataTable(id="matches", cursor_type="row")
        yield Static("", id="web-empty", classes="empty")

    def on_mount(self) -> None:
        self._views: list[SourceView] = []
        self._pending: list[tuple[str, int]] = []
        self._polling = False
        sources = self.query_one("#sources", DataTable)
        for key, zh, en in (
            ("name", "栏目", "Column"),
            ("state", "状态", "Status"),
            ("error", "问题", "Problem"),
            ("newest", "最新", "Newest"),
            ("age", "天数", "Days"),
            ("new", "新增", "New"),
            ("since", "自", "Since"),
            ("poll", "上次抓取", "Last poll"),
        ):
            sources.add_column(tr(zh, en), key=key)
        items = self.query_one("#web-items", DataTable)
        for key, zh, en in (
            ("new", "新", "New"),
            ("date", "日期", "Date"),
            ("title", "标题", "Title"),
            ("seen", "首次发现", "First seen"),
        ):
            items.add_column(tr(zh, en), key=key)
        matches = self.query_one("#matches", DataTable)
        for key, zh, en in (
            ("web", "网页条目", "Web item"),
            ("date", "日期", "Date"),
            ("item", "可能是登记的事项", "Could be register item"),
        ):
            matches.add_column(tr(zh, en), key=key)
        self.reload()

    # ------------------------------------------------------------ showing

    def reload(self) -> None:
        try:
            today = self.ws.clock.today()
            self._views = overview(self.ws, today)
            pending = (
                pending_matches(open_web_store(self.ws.store)) if self.ws.config.sources else []
            )
        except GongkaiError as error:
            self.query_one("#source-detail", Static).update(literal(str(error), "bold red"))
            return
        self._show_sources()
        self._show_matches(pending)

    def _show_sources(self) -> None:
        table = self.query_one("#sources", DataTable)
        row = table.cursor_row
        with self.app.batch_update():
            table.clear()
            for view in self._views:
                table.add_row(
                    literal(view.name),
                    literal(state_label(view.state), STATE_STYLE.get(view.state, "")),
                    literal(label(view.error) if view.error else ""),
                    literal(view.newest.isoformat() if view.newest else ""),
                    literal("" if view.age_days is None else str(view.age_days)),
                    literal(str(view.new_items) if view.last_poll else ""),
                    literal(_time(view.since)),
                    literal(_time(view.last_poll)),
                    key=view.id,
                )
        if self._views:
            table.move_cursor(row=min(max(row, 0), len(self._views) - 1))
        empty = self.query_one("#web-empty", Static)
        empty.update(
            tr(
                "config.toml 中还没有 [[sources]] 栏目。加上区政府网站上本镇栏目的地址后, 按 r 抓取。",
                "No [[sources]] in config.toml yet. Add the town's columns on the district site, "
                "then press r.",
            )
        )
        empty.display = not self._views
        table.display = bool(self._views)
        self._show_selected()

    def _selected(self) -> SourceView | None:
        table = self.query_one("#sources", DataTable)
        if not self._views or table.cursor_row < 0:
            return None
        return self._views[min(table.cursor_row, len(self._views) - 1)]

    def _show_selected(self) -> None:
        view = self._selected()
        detail = self.query_one("#source-detail", Static)
        items = self.query_one("#web-items", DataTable)
        items.clear()
        if view is None:
            detail.update("")
            items.display = False
            return
        detail.update(literal(self._describe(view)))
        items.display = bool(view.items)
        with self.app.batch_update():
            for item in view.items:
                items.add_row(
                    literal(tr("新", "new") if item.url in view.new_urls else ""),
                    literal(item.date.isoformat() if item.date else tr("无日期", "no date")),
                    literal(item.title),
                    literal(item.first_seen.strftime("%Y-%m-%d")),
                    key=item.url,
                )

    def _describe(self, view: SourceView) -> str:
        today = self.ws.clock.today()
        parts = [f"{view.name}: {state_label(view.state)}"]
        if view.since and view.state in ("pending", "failing"):
            parts.append(
                tr(f"自 {view.since:%Y-%m-%d %H:%M} 起", f"since {view.since:%Y-%m-%d %H:%M}")
            )
        if view.newest:
            parts.append(
                tr(
                    f"最新一条 {view.newest} ({view.age_days} 天前)",
                    f"newest item {view.newest} ({view.age_days} days ago)",
                )
            )
        if view.message:
            parts.append(view.message)
        if view.state in ("pending", "failing") and view.last_good_at:
            age = (today - view.last_good_at.date()).days
            parts.append(
                tr(
                    f"下面是 {view.last_good_at:%Y-%m-%d %H:%M} ({age} 天前) 最后一次成功抓取的结果",
                    f"below: the last good result, from {view.last_good_at:%Y-%m-%d %H:%M} "
                    f"({age} days ago)",
                )
            )
        if view.state == "never":
            parts.append(tr("按 r 抓取", "press r to poll"))
        return "; ".join(parts)

    def _show_matches(self, pending: list[dict[str, Any]]) -> None:
        table = self.query_one("#matches", DataTable)
        title = self.query_one("#matches-title", Static)
        self._pending = []
        table.clear()
        for entry in pending:
            for candidate in entry.get("candidates", []):
                self._pending.append((str(entry.get("url")), int(candidate["id"])))
                table.add_row(
                    literal(entry.get("title", "")),
                    literal(entry.get("date", "")),
                    literal(f"{candidate.get('title', '')} {candidate.get('period', '')}".strip()),
                    key=str(len(self._pending) - 1),
                )
        title.update(
            literal(
                tr(
                    f"待确认的匹配 {len(self._pending)} 项 (选中一行按 c 确认为已发布)",
                    f"{len(self._pending)} match(es) to confirm (select one, press c)",
                ),
                "bold",
            )
            if self._pending
            else ""
        )
        title.display = table.display = bool(self._pending)

    @on(DataTable.RowHighlighted, "#sources")
    def _source_moved(self, event: DataTable.RowHighlighted) -> None:
        self._show_selected()

    # ------------------------------------------------------------ actions

    def action_poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        self.query_one("#poll-progress", Static).update(literal(tr("正在抓取…", "Polling...")))
        self._poll()

    @work(thread=True, exclusive=True, exit_on_error=False, group="website-poll")
    def _poll(self) -> list[SourceResult]:
        return poll_sources_sync(self.ws, progress=self._progress_from_thread)

    def _progress_from_thread(self, source: str, words: str) -> None:
        self.app.call_from_thread(self._progress, source, words)

    def _progress(self, source: str, words: str) -> None:
        self.query_one("#poll-progress", Static).update(literal(f"{source}: {words}"))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "website-poll":
            return
        progress = self.query_one("#poll-progress", Static)
        if event.state == WorkerState.SUCCESS:
            self._polling = False
            results: list[SourceResult] = event.worker.result or []
            failed = sum(1 for r in results if not r.ok)
            new = sum(r.new_items for r in results)
            progress.update(
                literal(
                    tr(
                        f"抓取完成: {len(results)} 个栏目, {failed} 个失败, 新增 {new} 条",
                        f"Poll done: {len(results)} columns, {failed} failed, {new} new items",
                    )
                )
            )
            self.gongkai.data_changed()
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._polling = False
            error = event.worker.error
            progress.update(
                literal(
                    tr(f"抓取没有完成: {error}", f"The poll did not finish: {error}"), "bold red"
                )
            )

    def action_open_item(self) -> None:
        table = self.query_one("#web-items", DataTable)
        view = self._selected()
        if view is None or not view.items or table.cursor_row < 0:
            self.query_one("#poll-progress", Static).update(
                literal(
                    tr(
                        "这个栏目还没有条目可打开; 先按 r 抓取",
                        "No item to open yet; press r to poll",
                    )
                )
            )
            return
        url = view.items[min(table.cursor_row, len(view.items) - 1)].url
        type(self).opener(url)
        self.query_one("#poll-progress", Static).update(
            literal(tr(f"已打开 {url}", f"Opened {url}"))
        )

    def action_confirm_match(self) -> None:
        table = self.query_one("#matches", DataTable)
        if not self._pending or table.cursor_row < 0:
            self.query_one("#poll-progress", Static).update(
                literal(tr("没有待确认的匹配", "No match is waiting to be confirmed"))
            )
            return
        url, item_id = self._pending[min(table.cursor_row, len(self._pending) - 1)]
        try:
            confirm_match(self.ws.store, open_web_store(self.ws.store), url, item_id)
        except GongkaiError as error:
            self.query_one("#poll-progress", Static).update(literal(str(error), "bold red"))
            return
        self.query_one("#poll-progress", Static).update(
            literal(tr("已确认, 事项标为已发布", "Confirmed: the item is marked published"))
        )
        self.gongkai.data_changed()
