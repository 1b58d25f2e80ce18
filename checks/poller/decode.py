"""Bytes to text: header charset, else ``<meta charset>``, else detection.

httpx ignores ``<meta charset>``, and the district CMS often declares gb2312 only there. Pages
labelled gb2312 or gbk are decoded as gb18030, their superset, so no character (e.g. 镕) is lost.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "iso-8859-1": "cp1252",  # what browsers do
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}
META_SCAN_BYTES = 4096


def normalise(name: str) -> str | None:
    """A codec Python knows, widened (gb2312 → gb18030); None if unknown."""
    name = name.strip().lower()
    name = WIDER.get(name, name)
    try:
        return WIDER.get(codecs.lookup(name).name, codecs.lookup(name).name)
    except LookupError:
        return None


def header_charset(content_type: str) -> str | None:
    m = _HEADER_CHARSET.search(content_type or "")
    return normalise(m.group(1)) if m else None


def meta_charset(body: bytes) -> str | None:
    m = _META_CHARSET.search(body[:META_SCAN_BYTES])
    return normalise(m.group(1).decode("ascii", "replace")) if m else None


def detect(body: bytes) -> str:
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body[:200_000]).best()
    found = normalise(best.encoding) if best is not None else None
    return found or "gb18030"


def choose_encoding(body: bytes, content_type: str = "", configured: str = "auto") -> str:
    """The encoding to use: config override, header, meta, then detection."""
    if configured and configured != "auto":
        forced = normalise(configured)
        if forced:
            return forced
    return header_charset(content_type) or meta_charset(body) or detect(body)


def decode(body: bytes, content_type: str = "", configured: str = "auto") -> str:
    return body.decode(choose_encoding(body, content_type, configured), errors="replace")
