"""Web items → the publication register: mark an expected item published, or ask a person.

A web item matches a register item (tracker.records.PublicationItem, not yet published) when its
title matches a ``[[publications]]`` rule (``match``: a regular expression, or keywords separated
by spaces that must all appear) and the register item has that ``rule`` and the period the web
item's date falls in; or, for register items without a rule, when the titles are the same. Only
one-to-one matches are written; anything else is kept as a pending match for a person to confirm.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tracker.errors import ValidationError
from tracker.i18n import tr
from tracker.records import PublicationItem
from tracker.records.web import PENDING_MATCHES_KEY, WebItem
from tracker.store import Store

CLOSED = ("published", "withdrawn")
_NON_WORD = re.compile(r"[\W_]+")


def title_matches(pattern: str, title: str) -> bool:
    try:
        if re.search(pattern, title):
            return True
    except re.error:
        pass
    words = pattern.split()
    return len(words) > 1 and all(word in title for word in words)


def periods(day: dt.date, every: str) -> list[str]:
    """The period ``day`` falls in, written the ways a register may write it (normalised)."""
    if every == "month":
        return [f"{day.year}{day.month:02d}"]
    if every == "quarter":
        q = (day.month - 1) // 3 + 1
        return [f"{day.year}Q{q}"]
    return [str(day.year)]


def previous_day_of_period(day: dt.date, every: str) -> dt.date:
    """A day in the period before ``day``'s (a list for October may appear in early November)."""
    if every == "month":
        return day.replace(day=1) - dt.timedelta(days=1)
    if every == "quarter":
        start = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        return start - dt.timedelta(days=1)
    return dt.date(day.year - 1, 6, 30)


def norm_period(period: str) -> str:
    return _NON_WORD.sub("", period).upper()


def norm_title(title: str) -> str:
    return _NON_WORD.sub("", title)


def shown_day(item: WebItem) -> dt.date:
    return item.date or item.first_seen.date()


def candidates(
    web: WebItem, publications: list[Any], open_items: list[PublicationItem]
) -> tuple[list[PublicationItem], bool]:
    """Register items this web item may be, and whether they are a sure (same-period) match."""
    day = shown_day(web)
    sure: dict[int, PublicationItem] = {}
    maybe: dict[int, PublicationItem] = {}
    for pub in publications:
        if pub.source and pub.source != web.source:
            continue
        if not title_matches(pub.match, web.title):
            continue
        here = periods(day, pub.every)
        before = periods(previous_day_of_period(day, pub.every), pub.every)
        for item in open_items:
            if item.rule != pub.id or item.id is None:
                continue
            if norm_period(item.period) in here:
                sure[item.id] = item
            elif norm_period(item.period) in before:
                maybe[item.id] = item
    wanted = norm_title(web.title)
    for item in open_items:
        if not item.rule and item.id is not None and wanted and norm_title(item.title) == wanted:
            sure[item.id] = item
    if sure:
        return list(sure.values()), True
    return list(maybe.values()), False


def publish(store: Store, item: PublicationItem, web: WebItem) -> PublicationItem:
    """Mark a register item published with the web item's URL and date (raises ValidationError)."""
    return store.update(item.replace(status="published", published=shown_day(web), url=web.url))


def match_items(
    store: Store, web_store: Store, publications: list[Any], new_items: list[WebItem]
) -> tuple[int, list[dict[str, Any]]]:
    """Write the sure one-to-one matches; keep the rest as pending. Returns (written, pending)."""
    open_items = [i for i in store.all(PublicationItem) if i.status not in CLOSED]
    found = {id(w): candidates(w, publications, open_items) for w in new_items}
    claims: dict[int, int] = {}
    for cands, sure in found.values():
        if sure:
            for c in cands:
                assert c.id is not None
                claims[c.id] = claims.get(c.id, 0) + 1
    written = 0
    pending: list[dict[str, Any]] = []
    for web in new_items:
        cands, sure = found[id(web)]
        if not cands:
            continue
        only = cands[0]
        if sure and len(cands) == 1 and only.id is not None and claims.get(only.id) == 1:
            try:
                publish(store, only, web)
                written += 1
                continue
            except ValidationError:
                pass  # e.g. shown date before the formed date: a person decides
        pending.append(
            {
                "url": web.url,
                "title": web.title,
                "source": web.source,
                "date": shown_day(web).isoformat(),
                "candidates": [{"id": c.id, "title": c.title, "period": c.period} for c in cands],
            }
        )
    if pending:
        add_pending(web_store, pending)
    return written, pending


def pending_matches(web_store: Store) -> list[dict[str, Any]]:
    value = web_store.get_value(PENDING_MATCHES_KEY, [])
    return [p for p in value if isinstance(p, dict)] if isinstance(value, list) else []


def add_pending(web_store: Store, entries: list[dict[str, Any]]) -> None:
    with web_store.transaction():
        known = {p["url"]: p for p in pending_matches(web_store)}
        for entry in entries:
            known[entry["url"]] = entry
        web_store.set_value(PENDING_MATCHES_KEY, list(known.values()))


def confirm_match(store: Store, web_store: Store, url: str, item_id: int) -> PublicationItem:
    """A person confirmed that the web item at ``url`` is register item ``item_id``."""
    webs = web_store.find(WebItem, url=url)
    item = store.get(PublicationItem, item_id)
    if not webs or item is None:
        raise ValidationError(
            "match",
            tr("找不到该网页条目或登记事项, 可能已被删除", "the web item or register item is gone"),
        )
    done = publish(store, item, webs[0])
    with web_store.transaction():
        left = []
        for p in pending_matches(web_store):
            if p.get("url") == url:
                continue
            p["candidates"] = [c for c in p.get("candidates", []) if c.get("id") != item_id]
            if p["candidates"]:
                left.append(p)
        web_store.set_value(PENDING_MATCHES_KEY, left)
    return done


def dismiss_match(web_store: Store, url: str) -> None:
    """A person said the web item is none of the candidates."""
    with web_store.transaction():
        left = [p for p in pending_matches(web_store) if p.get("url") != url]
        web_store.set_value(PENDING_MATCHES_KEY, left)
