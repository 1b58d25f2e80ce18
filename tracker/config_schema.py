"""Field types for config.toml: each parses one value or says what is wrong and how to fix it.

Kept apart from tracker/config.py so the section layout there reads like the file it describes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.i18n import tr

REQUIRED: Any = object()


class FieldProblem(ValueError):
    """A value is wrong; ``fix`` tells the user what to write instead."""

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Field:
    """One key of a section: how to parse it and what it defaults to."""

    parse: Callable[[Any], Any]
    default: Any = REQUIRED
    doc: str = ""
    aliases: tuple[str, ...] = field(default=())

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


def _type_name(value: Any) -> str:
    return {
        str: tr("文字", "text"),
        int: tr("整数", "integer"),
        float: tr("数字", "number"),
        bool: tr("true/false", "true/false"),
        list: tr("列表", "list"),
        dict: tr("表", "table"),
    }.get(type(value), type(value).__name__)


def text(*, nonempty: bool = True) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if not isinstance(value, str):
            raise FieldProblem(
                tr(f"应为文字, 实为{_type_name(value)}", f"must be text, got {_type_name(value)}"),
                tr('用双引号括起来, 例如 "镇罗镇"', 'put it in double quotes, e.g. "Zhenluo"'),
            )
        if nonempty and not value.strip():
            raise FieldProblem(tr("不能为空", "must not be empty"), tr("填写内容", "fill it in"))
        return value.strip()

    return parse


def integer(minimum: int | None = None, maximum: int | None = None) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldProblem(
                tr(
                    f"应为整数, 实为{_type_name(value)} {value!r}",
                    f"must be a whole number, got {value!r}",
                ),
                tr("写一个不带引号的整数, 例如 20", "write a number without quotes, e.g. 20"),
            )
        if minimum is not None and value < minimum:
            raise FieldProblem(
                tr(
                    f"不能小于 {minimum} (现为 {value})", f"must be at least {minimum} (is {value})"
                ),
                tr(f"改为不小于 {minimum} 的数", f"use a number >= {minimum}"),
            )
        if maximum is not None and value > maximum:
            raise FieldProblem(
                tr(f"不能大于 {maximum} (现为 {value})", f"must be at most {maximum} (is {value})"),
                tr(f"改为不大于 {maximum} 的数", f"use a number <= {maximum}"),
            )
        return value

    return parse


def number(minimum: float | None = None, maximum: float | None = None) -> Callable[[Any], float]:
    def parse(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldProblem(
                tr(
                    f"应为数字, 实为{_type_name(value)} {value!r}",
                    f"must be a number, got {value!r}",
                ),
                tr(
                    "写一个不带引号的数字, 例如 5 或 0.5",
                    "write a number without quotes, e.g. 5 or 0.5",
                ),
            )
        if minimum is not None and value < minimum:
            raise FieldProblem(
                tr(
                    f"不能小于 {minimum} (现为 {value})", f"must be at least {minimum} (is {value})"
                ),
                tr(f"改为不小于 {minimum} 的数", f"use a number >= {minimum}"),
            )
        if maximum is not None and value > maximum:
            raise FieldProblem(
                tr(f"不能大于 {maximum} (现为 {value})", f"must be at most {maximum} (is {value})"),
                tr(f"改为不大于 {maximum} 的数", f"use a number <= {maximum}"),
            )
        return float(value)

    return parse


def boolean() -> Callable[[Any], bool]:
    def parse(value: Any) -> bool:
        if not isinstance(value, bool):
            raise FieldProblem(
                tr(f"应为 true 或 false, 实为 {value!r}", f"must be true or false, got {value!r}"),
                tr(
                    "写 true 或 false (小写, 不带引号)",
                    "write true or false (lower case, no quotes)",
                ),
            )
        return value

    return parse


def choice(*options: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if value not in options:
            raise FieldProblem(
                tr(f"{value!r} 不是可选值之一", f"{value!r} is not one of the allowed values"),
                tr(f"改为 {' | '.join(options)} 之一", f"use one of {' | '.join(options)}"),
            )
        return str(value)

    return parse


def url() -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        value = text()(value)
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            raise FieldProblem(
                tr(f"{value!r} 不是有效的网址", f"{value!r} is not a valid web address"),
                tr(
                    "写完整网址, 以 http:// 或 https:// 开头, 例如 http://www.spt.gov.cn/",
                    "write the full address starting with http:// or https://",
                ),
            )
        return value

    return parse


def a_date() -> Callable[[Any], dt.date]:
    def parse(value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise FieldProblem(
            tr(f"{value!r} 不是有效日期", f"{value!r} is not a valid date"),
            tr("按 YYYY-MM-DD 书写, 例如 2026-10-01", "write it as YYYY-MM-DD, e.g. 2026-10-01"),
        )

    return parse


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def clock_time() -> Callable[[Any], dt.time]:
    def parse(value: Any) -> dt.time:
        if isinstance(value, dt.time):
            return value
        m = _TIME.match(value) if isinstance(value, str) else None
        if not m:
            raise FieldProblem(
                tr(f"{value!r} 不是有效时刻", f"{value!r} is not a valid time of day"),
                tr('按 "HH:MM" 书写, 例如 "08:30"', 'write it as "HH:MM", e.g. "08:30"'),
            )
        return dt.time(int(m.group(1)), int(m.group(2)))

    return parse


_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


def month_day() -> Callable[[Any], tuple[int, int]]:
    def parse(value: Any) -> tuple[int, int]:
        m = _MONTH_DAY.match(value) if isinstance(value, str) else None
        if m:
            month, day = int(m.group(1)), int(m.group(2))
            try:
                dt.date(2000, month, day)  # a leap year accepts 02-29
                return month, day
            except ValueError:
                pass
        raise FieldProblem(
            tr(f"{value!r} 不是有效的月-日", f"{value!r} is not a valid month-day"),
            tr('按 "MM-DD" 书写, 例如 "01-31"', 'write it as "MM-DD", e.g. "01-31"'),
        )

    return parse


def timezone() -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        value = text()(value)
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise FieldProblem(
                tr(f"未知时区 {value!r}", f"unknown time zone {value!r}"),
                tr(
                    '写 IANA 时区名, 例如 "Asia/Shanghai"', 'use an IANA name, e.g. "Asia/Shanghai"'
                ),
            ) from None
        return value

    return parse


_ID = re.compile(r"^[A-Za-z0-9_\-\u4e00-\u9fff]+$")


def identifier() -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        value = text()(value)
        if not _ID.match(value):
            raise FieldProblem(
                tr(f"编号 {value!r} 含有空格或符号", f"id {value!r} contains spaces or symbols"),
                tr(
                    "只用字母、数字、汉字、- 和 _, 例如 wechat 或 village-01",
                    "use only letters, digits, Chinese characters, - and _",
                ),
            )
        return value

    return parse


def list_of(inner: Callable[[Any], Any], *, nonempty: bool = False) -> Callable[[Any], list[Any]]:
    def parse(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise FieldProblem(
                tr(
                    f"应为列表, 实为{_type_name(value)}", f"must be a list, got {_type_name(value)}"
                ),
                tr("用方括号, 例如 [7, 3, 1]", "use square brackets, e.g. [7, 3, 1]"),
            )
        if nonempty and not value:
            raise FieldProblem(tr("列表不能为空", "the list must not be empty"), "")
        out = []
        for i, item in enumerate(value, 1):
            try:
                out.append(inner(item))
            except FieldProblem as e:
                raise FieldProblem(
                    tr(f"第 {i} 项: {e.message}", f"item {i}: {e.message}"), e.fix
                ) from None
        return out

    return parse
