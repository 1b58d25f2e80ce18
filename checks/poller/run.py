"""One poll of the watched columns: fetch, parse, keep what is new, record the outcome.

Every source ends in a SourceResult, whatever happened: errors are results. One failure policy
for every error class: "pending" after the first failure, "failing" after ``[poll]
failing_after`` in a row; the last good result is kept (with its time) until a poll succeeds.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from checks.poller import errors
from checks.poller.decode import decode
from checks.poller.errors import PollError, unreadable
from checks.poller.fetch import Fetcher, Page, make_client
from checks.poller.match import match_items
from checks.poller.parse import (
    Item,
    links_to_next_page,
    page_url,
    pagination,
    parse_detail,
    parse_list,
)
from checks.rules.website import is_stale, newest_date
from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.web import STATE_KEY, SourceState, WebItem, all_states, open_web_store
from tracker.store import VALUES_TABLE, Store
from tracker.workspace import Workspace

Progress = Callable[[str, str], None]
"""Called with (source id, plain words) as a poll goes along."""

CHALLENGE_MAX_CHARS = 4096
"""An answer this small with a script and no list is taken for an anti-bot challenge page."""
MAX_DETAILS = 20
"""Detail pages read per source per poll, to stay polite on a first poll of a long column."""
STATES = ("ok", "pending", "failing", "stale")


@dataclass
class SourceResult:
    source: str
    ok: bool
    status: int | None
    error: str | None
    message: str
    pages: int = 0
    items: list[dict[str, Any]] = field(default_factory=list)
    new_items: int = 0
    state: str = "ok"
    duration_ms: int = 0
    bytes: int = 0

    def to_json(self) -> dict[str, Any]:
        """The shape ``gongkai poll --json`` prints (DESIGN.md)."""
        return {
            "source": self.source,
            "ok": self.ok,
            "status": self.status,
            "error": self.error,
            "pages": self.pages,
            "items": self.items,
            "new_items": self.new_items,
        }


def _looks_like_html(page: Page, text: str) -> bool:
    kind = page.content_type.split(";")[0].strip().lower()
    if kind and ("html" in kind or "xml" in kind):
        return True
    head = text[:1000].lstrip().lower()
    return (not kind or kind == "text/plain") and head.startswith(("<!doctype", "<html", "<"))


class SourcePoll:
    """Polls one source; owns the per-source steps so poll_sources stays a loop."""

    def __init__(
        self,
        ws: Workspace,
        fetcher: Fetcher,
        source: Any,
        now: dt.datetime,
        progress: Progress | None,
    ) -> None:
        self.ws = ws
        self.fetcher = fetcher
        self.source = source
        self.now = now
        self.today = now.date()
        self.progress = progress
        self.bytes = 0
        self.status: int | None = None

    def say(self, words: str) -> None:
        if self.progress:
            self.progress(self.source.id, words)

    def parse(self, page: Page) -> tuple[str, list[Item]]:
        text = decode(page.body, page.content_type, self.source.encoding)
        if not _looks_like_html(page, text):
            raise errors.not_html(page.url, page.content_type.split(";")[0] or "?")
        items = parse_list(
            text,
            page.url,
            self.today,
            item=self.source.item,
            title=self.source.title,
            date=self.source.date,
        )
        return text, items

    async def fetch(self, url: str, validators: dict[str, Any] | None = None) -> Page:
        page = await self.fetcher.get(url, validators)
        self.bytes += page.size
        return page

    async def run(
        self, state: SourceState, known: set[str]
    ) -> tuple[SourceResult, SourceState, list[WebItem]]:
        """Poll; the caller stores the state and new items (one write for the whole poll)."""
        started = time.perf_counter()
        self.say(tr("正在读取…", "fetching..."))
        try:
            result, fresh = await self._poll(state, known)
        except PollError as error:
            result, fresh = self._failed(state, error), []
        except Exception as error:  # an odd page must not cost the other columns their poll
            result, fresh = self._failed(state, unreadable(self.source.url, error)), []
        result.duration_ms = int((time.perf_counter() - started) * 1000)
        result.bytes = self.bytes
        state.last_poll = self.now
        state.last_status = result.status
        state.last_new_items = result.new_items
        self.ws.polls.append(
            {
                "at": self.now.isoformat(timespec="seconds"),
                "source": result.source,
                "ok": result.ok,
                "status": result.status,
                "duration_ms": result.duration_ms,
                "bytes": result.bytes,
                "error": result.error,
                "message": result.message or None,
                "pages": result.pages,
                "items": len(result.items),
                "new_items": result.new_items,
            }
        )
        self.say(result.message)
        return result, state, fresh

    def _failed(self, state: SourceState, error: PollError) -> SourceResult:
        state.consecutive_failures += 1
        state.failing_since = state.failing_since or self.now
        state.last_error = error.kind
        state.last_message = error.message
        failing = state.consecutive_failures >= int(self.ws.config.poll.failing_after)
        return SourceResult(
            self.source.id,
            False,
            error.status if error.status is not None else self.status,
            error.kind,
            error.message,
            state="failing" if failing else "pending",
        )

    async def _poll(
        self, state: SourceState, known: set[str]
    ) -> tuple[SourceResult, list[WebItem]]:
        first_url = self.source.url
        first = await self.fetch(first_url, state.validators.get(first_url))
        self.status = first.status
        previous = list((state.last_good or {}).get("items") or [])
        if first.not_modified:
            items = previous
            pages = 1
            fresh: list[WebItem] = []
            message = tr("没有变化", "unchanged")
            if first.status == 200:
                state.validators[first_url] = first.validators()
        else:
            text, found = self.parse(first)
            if not found:
                if len(text) < CHALLENGE_MAX_CHARS and "<script" in text.lower():
                    raise errors.anti_bot(first_url, first.status)
                if previous:
                    raise errors.layout_changed(first_url, len(previous))
            collected = list(found)
            pages = 1
            paging = pagination(text)
            count = paging.count if paging else (2 if links_to_next_page(text) else 1)
            limit = min(int(self.source.max_pages), max(count, 1))
            page_items = found
            partial = ""
            while pages < limit and any(i.url not in known for i in page_items):
                self.say(tr(f"正在读取第 {pages + 1} 页…", f"fetching page {pages + 1}..."))
                try:
                    page = await self.fetch(page_url(first.url, pages, paging))
                    _, page_items = self.parse(page)
                except PollError as error:
                    partial = tr(
                        f"; 第 {pages + 1} 页未能读取: {errors.label(error.kind)}",
                        f"; page {pages + 1} could not be read: {errors.label(error.kind)}",
                    )
                    break
                if not page_items:
                    break
                pages += 1
                seen = {i.url for i in collected}
                collected += [i for i in page_items if i.url not in seen]
            state.validators[first_url] = first.validators()
            items = [i.to_json() for i in collected]
            fresh = self._keep_new(state, collected, known)
            if self.source.detail and fresh:
                await self._details(fresh)
            message = tr(
                f"正常, {len(items)} 条, 新增 {len(fresh)} 条{partial}",
                f"ok, {len(items)} items, {len(fresh)} new{partial}",
            )
        state.consecutive_failures = 0
        state.failing_since = None
        state.last_error = ""
        state.last_message = ""
        state.last_ok = self.now
        state.watching_since = state.watching_since or self.now
        state.last_good = {
            "at": self.now.isoformat(timespec="seconds"),
            "pages": pages,
            "items": items,
        }
        stale = is_stale(
            self.source.category, newest_date(items, self.today), self.today, self.ws.config.rules
        )
        return (
            SourceResult(
                self.source.id,
                True,
                first.status,
                None,
                message,
                pages,
                items,
                len(fresh),
                "stale" if stale and items else "ok",
            ),
            fresh,
        )

    def _keep_new(self, state: SourceState, items: list[Item], known: set[str]) -> list[WebItem]:
        baseline = state.watching_since is None
        fresh = [
            WebItem(
                source=self.source.id,
                url=i.url,
                title=i.title,
                date=i.date,
                first_seen=self.now,
                baseline=baseline,
            )
            for i in items
            if i.url not in known
        ]
        known.update(i.url for i in fresh)
        return fresh

    async def _details(self, fresh: list[WebItem]) -> None:
        """生成日期 / 发布日期 / 索引号 / 发布机构 of new items; a failed page is skipped."""
        for item in fresh[:MAX_DETAILS]:
            self.say(tr("正在读取文章页…", "reading article pages..."))
            try:
                page = await self.fetch(item.url)
            except PollError:
                continue
            found = parse_detail(decode(page.body, page.content_type, self.source.encoding))
            if not found:
                continue
            try:
                checked = item.replace(**found)
            except ValidationError:
                continue
            for key in found:
                setattr(item, key, getattr(checked, key))


def save_poll(web: Store, states: list[SourceState], items: list[WebItem]) -> None:
    """Every source's state and new items in one write. (Store.insert one by one copies the
    TinyDB table each time, which made a first poll of a long column quadratic.)"""
    with web.transaction():
        data = web.storage.read() or {}
        table = data.setdefault(WebItem.TABLE, {})
        next_id = max((int(k) for k in table), default=0) + 1
        # Re-read under the lock: a poll running at the same time (the app's "poll now" and
        # the daemon) may have stored the same items already.
        stored = {(str(d.get("source")), str(d.get("url"))) for d in table.values()}
        for item in items:
            if (item.source, item.url) in stored:
                continue
            stored.add((item.source, item.url))
            item.check()
            table[str(next_id)] = item.to_doc()
            item.id = next_id
            next_id += 1
        values = data.setdefault(VALUES_TABLE, {})
        for state in states:
            state.check()
            values[STATE_KEY + state.source] = {"value": state.to_doc()}
        web.storage.write(data)


async def poll_sources(
    ws: Workspace,
    *,
    client: httpx.AsyncClient | None = None,
    source_ids: list[str] | None = None,
    progress: Progress | None = None,
) -> list[SourceResult]:
    """Poll the configured sources once (all, or ``source_ids``), concurrently but politely."""
    config = ws.config.poll
    sources = [s for s in ws.config.sources if source_ids is None or s.id in source_ids]
    own = client is None
    shared = client or make_client(config.user_agent, config.timeout_seconds, config.per_host)
    fetcher = Fetcher(
        shared,
        user_agent=config.user_agent,
        timeout=float(config.timeout_seconds),
        max_bytes=int(config.max_bytes),
        per_host=int(config.per_host),
        delay=float(config.delay_seconds),
        retries=int(config.retries),
    )
    web = open_web_store(ws.store)
    now = ws.clock.now()
    states = all_states(web)
    known_by_source: dict[str, set[str]] = {}
    for item in web.raw(WebItem.TABLE).values():
        known_by_source.setdefault(str(item.get("source")), set()).add(str(item.get("url")))
    try:
        outcomes = await asyncio.gather(
            *[
                SourcePoll(ws, fetcher, source, now, progress).run(
                    states.get(source.id) or SourceState(source=source.id),
                    known_by_source.setdefault(source.id, set()),
                )
                for source in sources
            ]
        )
    finally:
        if own:
            await shared.aclose()
    save_poll(web, [state for _, state, _ in outcomes], [i for _, _, new in outcomes for i in new])
    new_items = [item for _, _, fresh in outcomes for item in fresh if not item.baseline]
    if new_items:
        match_items(ws.store, web, list(ws.config.publications), new_items)
    return [result for result, _, _ in outcomes]


def poll_sources_sync(ws: Workspace, **kw: Any) -> list[SourceResult]:
    """poll_sources for callers without an event loop (the CLI, a worker thread)."""
    return asyncio.run(poll_sources(ws, **kw))
