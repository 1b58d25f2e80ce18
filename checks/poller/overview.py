"""What the 网站监测 screen shows per watched column, worked out here so tui/ holds no rules.

Status: ok (正常), pending (待观察: failed once or a few times), failing (连续失败: N in a row),
stale (超期未更新: reachable, but its newest item is older than its category allows), or never
(not polled yet). Each comes with the moment it began.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checks.rules.website import is_stale, newest_date
from tracker.dates import maybe_datetime
from tracker.records.web import SourceState, WebItem, all_states, open_web_store, web_store_path
from tracker.workspace import Workspace


@dataclass
class SourceView:
    id: str
    name: str
    category: str
    url: str
    state: str
    since: dt.datetime | None
    last_poll: dt.datetime | None
    newest: dt.date | None
    age_days: int | None
    error: str
    message: str
    new_items: int
    last_good_at: dt.datetime | None
    items: list[WebItem] = field(default_factory=list)
    new_urls: set[str] = field(default_factory=set)


def _state(state: SourceState, stale: bool, failing_after: int) -> tuple[str, dt.datetime | None]:
    if state.last_poll is None:
        return "never", None
    if state.consecutive_failures >= failing_after:
        return "failing", state.failing_since
    if state.consecutive_failures > 0:
        return "pending", state.failing_since
    if stale:
        return "stale", None
    return "ok", state.watching_since


def overview(ws: Workspace, today: dt.date) -> list[SourceView]:
    """One view per configured source, in config order; items newest first."""
    states: dict[str, SourceState] = {}
    items: list[WebItem] = []
    if web_store_path(ws.store.path).exists():
        web = open_web_store(ws.store)
        states = all_states(web)
        items = web.all(WebItem)
    views = []
    failing_after = int(ws.config.poll.failing_after)
    for source in ws.config.sources:
        state = states.get(source.id) or SourceState(source=source.id)
        own = [i for i in items if i.source == source.id]
        own.sort(key=lambda i: (i.date or dt.date.min, i.first_seen), reverse=True)
        newest = newest_date([{"date": i.date} for i in own], today)
        good = state.last_good or {}
        stale = bool(good.get("items")) and is_stale(
            source.category, newest, today, ws.config.rules
        )
        status, since = _state(state, stale, failing_after)
        if status == "stale" and newest is not None:
            since = dt.datetime.combine(newest, dt.time())
        new_urls = {
            i.url for i in own if not i.baseline and state.last_ok and i.first_seen == state.last_ok
        }
        views.append(
            SourceView(
                id=source.id,
                name=str(source.name or source.id),
                category=str(source.category),
                url=str(source.url),
                state=status,
                since=since,
                last_poll=state.last_poll,
                newest=newest,
                age_days=(today - newest).days if newest else None,
                error=state.last_error,
                message=state.last_message,
                new_items=state.last_new_items,
                last_good_at=maybe_datetime(good.get("at")),
                items=own,
                new_urls=new_urls,
            )
        )
    return views
