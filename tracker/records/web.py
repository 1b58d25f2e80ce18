"""What the website poller keeps: each item seen once, and per watched column its fetch state.

These live in a second data file, ``web.json`` beside the main one (see ``open_web_store``):
the morning poll writes every day, and that must never make a user's edit of the main file slower
or fill its change history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records.base import Record
from tracker.store import Store

WEB_FILE = "web.json"
STATE_KEY = "source_state:"
PENDING_MATCHES_KEY = "pending_matches"


@dataclass(kw_only=True)
class WebItem(Record):
    """One article link seen in a watched column; stored once, on the poll that first saw it."""

    TABLE: ClassVar[str] = "web_items"

    source: str
    url: str
    title: str
    date: dt.date | None = None
    """The date the page shows (or the article URL carries); None = no visible date."""
    first_seen: dt.datetime
    baseline: bool = False
    """Seen on the first successful poll of its column: already there before gongkai watched."""
    formed: dt.date | None = None
    """生成日期 from the detail page, when the column is polled with ``detail = true``."""
    detail_published: dt.date | None = None
    """发布日期 from the detail page."""
    index_no: str = ""
    """索引号."""
    publisher: str = ""
    """发布机构."""

    def check(self) -> None:
        super().check()
        if not self.url:
            raise ValidationError("url", tr("网址不能为空", "url must not be empty"))

    def to_snapshot(self) -> dict[str, Any]:
        """The plain dict rules see (``Snapshot.web_items``)."""
        doc = self.to_doc()
        doc["id"] = self.id
        return doc


@dataclass(kw_only=True)
class SourceState(Record):
    """Per watched column: validators for conditional GET, failures in a row, last good result.

    Kept as a value (``Store.set_value``), not a table row: it changes on every poll, and a row
    update would log a change-history entry each time.
    """

    TABLE: ClassVar[str] = "source_states"

    source: str
    validators: dict[str, Any] = field(default_factory=dict)
    """Per page URL: ``{"etag", "last_modified", "hash"}``."""
    watching_since: dt.datetime | None = None
    """First successful poll: items seen then are the baseline, not new publications."""
    last_poll: dt.datetime | None = None
    last_ok: dt.datetime | None = None
    consecutive_failures: int = 0
    failing_since: dt.datetime | None = None
    last_status: int | None = None
    last_error: str = ""
    last_message: str = ""
    last_new_items: int = 0
    last_good: dict[str, Any] = field(default_factory=dict)
    """``{"at": ISO datetime, "pages": n, "items": [{"title", "url", "date"}]}``."""


def web_store_path(main_data_path: Path) -> Path:
    return main_data_path.parent / WEB_FILE


def open_web_store(main_store: Store) -> Store:
    """The poller's file beside the main data file, with the same safety (atomic, locked)."""
    return Store(
        web_store_path(main_store.path),
        backups=main_store.backups,
        today=main_store.today,
        now=main_store.now,
        user=main_store.user,
    )


def load_state(store: Store, source: str) -> SourceState:
    doc = store.get_value(STATE_KEY + source)
    if isinstance(doc, dict):
        try:
            return SourceState.from_doc({**doc, "source": source})
        except ValidationError:
            pass  # an unreadable state only costs one unconditional fetch
    return SourceState(source=source)


def save_state(store: Store, state: SourceState) -> None:
    state.check()
    store.set_value(STATE_KEY + state.source, state.to_doc())


def all_states(store: Store) -> dict[str, SourceState]:
    found: dict[str, SourceState] = {}
    for key, doc in store.raw("_values").items():
        if key.startswith(STATE_KEY) and isinstance(doc.get("value"), dict):
            source = key[len(STATE_KEY) :]
            try:
                found[source] = SourceState.from_doc({**doc["value"], "source": source})
            except ValidationError:
                continue
    return found
