"""Publication dates in the forms Chinese government list pages show them.

2019-12-05, 2019/12/05, 2019.12.05, 2019年12月5日, and a bare [12-05] (year inferred from the
day the page was read: the latest such date not after it). Failing that, the CMS puts the date
in the article URL: ``…/201912/t20191205_123.html``.
"""

from __future__ import annotations

import datetime as dt
import re

_FULL = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日?)(?!\d)"
)
_SHORT = re.compile(
    r"(?<![\d\-/.])(?:(?P<m>[01]\d)[-/.](?P<d>[0-3]\d)|(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日)"
    r"(?![\d\-/.])"
)
_URL = re.compile(r"/t(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})_\d+")

SLACK_DAYS = 1
"""A page may show tomorrow's date (time zones, scheduled posts): still this year's."""


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def full_date(text: str) -> dt.date | None:
    """The first date with a year in ``text``."""
    for m in _FULL.finditer(text):
        month = m.group("m") or m.group("m2")
        day = m.group("d") or m.group("d2")
        found = _make(int(m.group("y")), int(month), int(day))
        if found:
            return found
    return None


def infer_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The latest date with this month and day not after ``reference`` (+1 day of slack)."""
    limit = reference + dt.timedelta(days=SLACK_DAYS)
    for year in (limit.year, limit.year - 1, limit.year - 2, limit.year - 3, limit.year - 4):
        found = _make(year, month, day)  # 02-29 needs a leap year: look further back
        if found and found <= limit:
            return found
    return None


def short_date(text: str, reference: dt.date, hint: dt.date | None = None) -> dt.date | None:
    """A month-day date such as ``[12-05]`` or ``12月5日``; ``hint`` (from the URL) picks the year."""
    for m in _SHORT.finditer(text):
        month = int(m.group("m") or m.group("m2"))
        day = int(m.group("d") or m.group("d2"))
        if hint and (hint.month, hint.day) == (month, day):
            return hint
        found = infer_year(month, day, reference)
        if found:
            return found
    return None


def url_date(url: str) -> dt.date | None:
    """``…/201912/t20191205_123.html`` → 2019-12-05."""
    m = _URL.search(url)
    if m:
        return _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return None


def find_date(text: str, reference: dt.date, url: str = "") -> dt.date | None:
    """The date shown in ``text`` (full form first, then month-day), else the URL's date."""
    from_url = url_date(url) if url else None
    return full_date(text) or short_date(text, reference, from_url) or from_url
