"""List pages to items: with the column's CSS selectors when set, otherwise by finding dated links.

A "dated link" is an anchor whose row (its parent, climbing while the element holds no other
link) shows a date, or whose URL carries one. Undated anchors in the same lists are kept as
items with no visible date, which supervisors count as not updated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from checks.poller.dates import find_date, full_date, short_date, url_date

_PAGES = re.compile(
    r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([^'\"]*)['\"]\s*,"
    r"\s*['\"]([^'\"]*)['\"]"
)
_SPACE = re.compile(r"\s+")
_SKIP_HREF = ("javascript:", "mailto:", "tel:", "#")
ROW_CLIMB = 3
MAX_PAGES_SEEN = 1000


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    date: dt.date | None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass(frozen=True)
class Pagination:
    """From ``createPageHTML(count, current, "index", "html")``."""

    count: int
    prefix: str
    suffix: str


def clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _title(anchor: LexborNode) -> str:
    text = clean(anchor.text(deep=True))
    attr = clean(anchor.attributes.get("title") or "")
    # Lists often cut long titles ("关于…的通知..."): the title attribute holds the full one.
    return attr if len(attr) > len(text.rstrip(".…")) else text


_SIMPLE_HREF = re.compile(r"^(?:\./)?[\w\-]+(?:/[\w\-]+)*\.s?html?$")


def _join(base: str, href: str) -> str:
    """urljoin, with a fast path for the plain relative links list pages are made of."""
    if _SIMPLE_HREF.match(href) and "?" not in base and "#" not in base:
        return base[: base.rfind("/") + 1] + (href[2:] if href.startswith("./") else href)
    return urljoin(base, href)


def _href(anchor: LexborNode, base: str) -> str | None:
    href = (anchor.attributes.get("href") or "").strip()
    if not href or href.lower().startswith(_SKIP_HREF):
        return None
    try:
        url, _ = urldefrag(_join(base, href))
    except ValueError:  # e.g. href="http://[::1/bad": not a link anyone can follow
        return None
    return url if url.startswith(("http://", "https://")) else None


def _without(row: LexborNode, anchor: LexborNode) -> str:
    """The row's text minus the link's own text (a title may mention another date)."""
    own = clean(anchor.text(deep=True, separator=" "))
    text = clean(row.text(deep=True, separator=" "))
    return text.replace(own, " ", 1) if own else text


def _row_date(
    anchor: LexborNode, url: str, today: dt.date
) -> tuple[dt.date | None, LexborNode | None]:
    """The date shown next to a link (not in its title), and the row element that shows it."""
    node = anchor.parent
    for _ in range(ROW_CLIMB):
        if node is None or node.tag in ("body", "html") or len(node.css("a")) > 1:
            break
        text = _without(node, anchor)
        shown = full_date(text) or short_date(text, today, url_date(url))
        if shown:
            return shown, node
        node = node.parent
    return None, None


def _row_of(anchor: LexborNode) -> LexborNode:
    node = anchor
    while node.parent is not None and node.parent.tag not in ("body", "html"):
        if len(node.parent.css("a")) > 1:
            return node
        node = node.parent
    return node


def find_items(tree: LexborHTMLParser, base: str, today: dt.date) -> list[Item]:
    """Dated links, and the undated links that sit in the same lists."""
    anchors = tree.css("a[href]")
    dated: list[tuple[LexborNode, Item]] = []
    containers: set[int] = set()
    undated: list[tuple[LexborNode, str, str]] = []
    for anchor in anchors:
        url = _href(anchor, base)
        title = _title(anchor)
        if not url or not title:
            continue
        shown, row = _row_date(anchor, url, today)
        if shown is not None and row is not None:
            dated.append((anchor, Item(title, url, shown)))
            if row.parent is not None:
                containers.add(row.parent.mem_id)
        elif url_date(url) is not None:
            row = _row_of(anchor)
            dated.append((anchor, Item(title, url, url_date(url))))
            if row.parent is not None:
                containers.add(row.parent.mem_id)
        else:
            undated.append((anchor, title, url))
    found = {a.mem_id: item for a, item in dated}
    for anchor, title, url in undated:
        row = _row_of(anchor)
        if row.parent is not None and row.parent.mem_id in containers:
            found[anchor.mem_id] = Item(title, url, None)
    ordered = [found[a.mem_id] for a in anchors if a.mem_id in found]
    return merge(ordered)


def select_items(
    tree: LexborHTMLParser,
    base: str,
    today: dt.date,
    item: str,
    title: str = "",
    date: str = "",
) -> list[Item]:
    """Items by the column's CSS selectors: ``item`` rows, the link by ``title``, the date by ``date``."""
    items: list[Item] = []
    for row in tree.css(item):
        anchor = row.css_first(title or "a") if (title or row.tag != "a") else row
        if anchor is None and row.tag == "a":
            anchor = row
        if anchor is None:
            continue
        link = anchor if anchor.tag == "a" else (anchor.css_first("a") or anchor)
        url = _href(link, base)
        if not url:
            continue
        text_title = _title(anchor)
        if not text_title:
            continue
        if date:
            cell = row.css_first(date)
            shown_text = clean(cell.text(deep=True, separator=" ")) if cell else ""
        else:
            shown_text = _without(row, anchor) if anchor is not row else ""
        items.append(Item(text_title, url, find_date(shown_text, today, url)))
    return merge(items)


def merge(items: list[Item]) -> list[Item]:
    """One item per URL (the first, with a date if any copy had one)."""
    by_url: dict[str, Item] = {}
    for item in items:
        known = by_url.get(item.url)
        if known is None:
            by_url[item.url] = item
        elif known.date is None and item.date is not None:
            by_url[item.url] = Item(known.title, known.url, item.date)
    return list(by_url.values())


def parse_list(
    html: str,
    base: str,
    today: dt.date,
    *,
    item: str = "",
    title: str = "",
    date: str = "",
) -> list[Item]:
    tree = LexborHTMLParser(html)
    if item:
        return select_items(tree, base, today, item, title, date)
    return find_items(tree, base, today)


def pagination(html: str) -> Pagination | None:
    m = _PAGES.search(html)
    if not m:
        return None
    count = min(int(m.group(1)), MAX_PAGES_SEEN)
    return Pagination(count, m.group(3) or "index", m.group(4) or "html")


def page_url(first: str, number: int, pages: Pagination | None) -> str:
    """Page ``number`` (0 = the first page) of a list: ``index.html``, ``index_1.html``, …"""
    if number == 0:
        return first
    prefix, suffix = (pages.prefix, pages.suffix) if pages else ("index", "html")
    return urljoin(first, f"{prefix}_{number}.{suffix}")


def links_to_next_page(html: str) -> bool:
    """Without createPageHTML: is there a link to ``index_1.html``?"""
    return "index_1." in html


DETAIL_FIELDS = {
    "formed": r"生成日期",
    "detail_published": r"发布日期",
    "index_no": r"索引号",
    "publisher": r"发布机构",
}
_LABEL_VALUE = (
    r"{label}\s*[:：]?\s*(?P<v>[^\s:：|]{{1,80}}(?:\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)?)"
)


def parse_detail(html: str) -> dict[str, Any]:
    """生成日期 / 发布日期 / 索引号 / 发布机构 from an article page, when present."""
    tree = LexborHTMLParser(html)
    body = tree.body
    text = clean(body.text(deep=True, separator=" ")) if body is not None else clean(html)
    found: dict[str, Any] = {}
    for key, label in DETAIL_FIELDS.items():
        m = re.search(_LABEL_VALUE.format(label=label), text)
        if not m:
            continue
        value = m.group("v").strip()
        if key in ("formed", "detail_published"):
            day = full_date(text[m.start("v") : m.start("v") + 30])
            if day:
                found[key] = day
        else:
            found[key] = value
    return found
