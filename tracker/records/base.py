"""The common shape of every record: typed fields, validated on the way in, stored as plain JSON.

A record class is a dataclass whose annotations say how each field is parsed. ``from_input``
takes what a person or an import file gave (strings included) and raises ValidationError naming
the field; ``to_doc``/``from_doc`` convert to and from what the store keeps.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import math
import re
import types
from typing import Annotated, Any, ClassVar, Self, Union, get_args, get_origin, get_type_hints

from tracker.errors import ValidationError
from tracker.i18n import tr

MONTH_FORMAT = "month"
Month = Annotated[str, MONTH_FORMAT]
"""A calendar month written ``YYYY-MM``."""

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


YEARS = range(1900, 2201)
"""Dates outside these years are typing mistakes (and would make day-by-day counting crawl)."""


def parse_date(value: Any, name: str) -> dt.date:
    day = _parse_date(value, name)
    if day.year not in YEARS:
        raise ValidationError(
            name,
            tr(
                f"{day.isoformat()} 的年份不合理, 应在 {YEARS[0]}–{YEARS[-1]} 之间",
                f"{day.isoformat()}: the year must be between {YEARS[0]} and {YEARS[-1]}",
            ),
        )
    return day


def _parse_date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip().replace("/", "-").replace(".", "-")
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            parts = text.split("-")
            if len(parts) == 3 and all(p.isdigit() for p in parts):
                try:
                    return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
                except ValueError:
                    pass
    raise ValidationError(
        name,
        tr(
            f"{value!r} 不是有效日期, 应写成 YYYY-MM-DD (例如 2026-11-02)",
            f"{value!r} is not a valid date; write YYYY-MM-DD (e.g. 2026-11-02)",
        ),
    )


def parse_datetime(value: Any, name: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(
        name,
        tr(f"{value!r} 不是有效时间", f"{value!r} is not a valid date and time"),
    )


def parse_month(value: Any, name: str) -> str:
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    m = _MONTH.match(value.strip()) if isinstance(value, str) else None
    if m and 1 <= int(m.group(2)) <= 12 and int(m.group(1)) in YEARS:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    raise ValidationError(
        name,
        tr(
            f"{value!r} 不是有效月份, 应写成 YYYY-MM (例如 2026-10)",
            f"{value!r} is not a valid month; write YYYY-MM (e.g. 2026-10)",
        ),
    )


MAX_COUNT = 10**12
"""Far above any real count; keeps a typo from overflowing the data file's integers."""


def parse_count(value: Any, name: str) -> int:
    """A whole number >= 0 (counts of items, followers, clicks)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if re.fullmatch(r"\d+", text):
            value = int(text)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(
            name,
            tr(
                f"{value!r} 不是有效数量, 应为不小于 0 的整数",
                f"{value!r} is not a valid count; use a whole number >= 0",
            ),
        )
    if value > MAX_COUNT:
        raise ValidationError(
            name,
            tr(
                f"{value} 大得不合理, 请检查是否多打了数字",
                f"{value} is implausibly large; check it",
            ),
        )
    return value


def parse_number(value: Any, name: str) -> float:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = float(value.strip())
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise ValidationError(
            name, tr(f"{value!r} 不是有效数字 (应 ≥ 0)", f"{value!r} is not a valid number (>= 0)")
        )
    return float(value)


def parse_text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValidationError(name, tr(f"{value!r} 应为文字", f"{value!r} must be text"))
    return value.strip()


def parse_bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1", "是", "y"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("false", "no", "0", "否", "n", ""):
        return False
    raise ValidationError(name, tr(f"{value!r} 应为 是/否", f"{value!r} must be yes or no"))


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse_as(hint: Any, value: Any, name: str) -> Any:
    origin = get_origin(hint)
    if origin is Annotated:
        base, *meta = get_args(hint)
        if MONTH_FORMAT in meta:
            return parse_month(value, name)
        return _parse_as(base, value, name)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if _is_empty(value):
            return None
        return _parse_as(args[0], value, name)
    if origin is list:
        (inner,) = get_args(hint) or (Any,)
        if isinstance(value, str):
            value = [v for v in re.split(r"[,，、;；\n]", value) if v.strip()]
        if not isinstance(value, list | tuple):
            raise ValidationError(name, tr("应为列表", "must be a list"))
        return [_parse_as(inner, v, name) for v in value]
    if origin is dict or hint is dict:
        if not isinstance(value, dict):
            raise ValidationError(name, tr("应为表", "must be a mapping"))
        return dict(value)
    if hint is dt.datetime:
        return parse_datetime(value, name)
    if hint is dt.date:
        return parse_date(value, name)
    if hint is bool:
        return parse_bool(value, name)
    if hint is int:
        return parse_count(value, name)
    if hint is float:
        return parse_number(value, name)
    if hint is str:
        return parse_text(value, name)
    return value


def _to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    return value


_HINTS: dict[type, dict[str, Any]] = {}
_FIELDS: dict[type, tuple[dataclasses.Field[Any], ...]] = {}


def _type_hints(cls: type) -> dict[str, Any]:
    """Resolved annotations of a record class (resolving them is slow; they never change)."""
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls, include_extras=True)
    return _HINTS[cls]


def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    if cls not in _FIELDS:
        _FIELDS[cls] = dataclasses.fields(cls)
    return _FIELDS[cls]


@dataclasses.dataclass(kw_only=True)
class Record:
    """Base of every stored record. ``id`` is the store's document id (None before insert)."""

    TABLE: ClassVar[str] = ""
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {}

    id: int | None = None

    @classmethod
    def _hints(cls) -> dict[str, Any]:
        return _type_hints(cls)

    @classmethod
    def from_input(cls, data: dict[str, Any]) -> Self:
        """Build from loose input (form fields, spreadsheet cells); raise on the first bad field."""
        hints = cls._hints()
        kwargs: dict[str, Any] = {}
        for f in _fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if _is_empty(value) and f.default is not dataclasses.MISSING:
                kwargs[f.name] = f.default
                continue
            if _is_empty(value) and f.default_factory is not dataclasses.MISSING:
                kwargs[f.name] = f.default_factory()
                continue
            kwargs[f.name] = _parse_as(hints[f.name], value, f.name)
        unknown = set(data) - {f.name for f in _fields(cls)}
        if unknown:
            raise ValidationError(
                sorted(unknown)[0], tr("不是这类记录的字段", "is not a field of this record")
            )
        try:
            record = cls(**kwargs)
        except TypeError as e:
            missing = re.findall(r"'(\w+)'", str(e))
            raise ValidationError(
                missing[0] if missing else cls.TABLE, tr("缺少必填项", "required field is missing")
            ) from None
        record.check()
        return record

    def check(self) -> None:
        """Cross-field rules and choices; subclasses extend. Raises ValidationError."""
        for name, options in self.CHOICES.items():
            value = getattr(self, name)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if v not in options and not (v == "" and "" in options):
                    raise ValidationError(
                        name,
                        tr(
                            f"{v!r} 不是可选值 ({' / '.join(options)})",
                            f"{v!r} is not one of {' / '.join(options)}",
                        ),
                    )

    def to_doc(self) -> dict[str, Any]:
        """The JSON the store keeps (no id: the store owns it)."""
        return {
            f.name: _to_json(getattr(self, f.name))
            for f in dataclasses.fields(self)
            if f.name != "id"
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any], doc_id: int | None = None) -> Self:
        """Rebuild from stored JSON; unknown keys (a newer minor version) are kept out."""
        known = {f.name for f in dataclasses.fields(cls)}
        data = {k: v for k, v in doc.items() if k in known and k != "id"}
        record = cls.from_input(data)
        record.id = doc_id
        set_origin(record, record.to_doc())
        return record

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed, validated like new input."""
        doc = self.to_doc()
        doc.update({k: _to_json(v) for k, v in changes.items()})
        record = type(self).from_input(doc)
        record.id = self.id
        set_origin(record, origin(self))
        return record


def origin(record: Record) -> dict[str, Any] | None:
    """The stored form a record was read as (None for a record never stored).

    The store merges an update field by field against it, so an edit made on a copy read
    earlier does not undo what another window or the daemon changed since.
    """
    value = record.__dict__.get("_origin")
    return value if isinstance(value, dict) else None


def set_origin(record: Record, doc: dict[str, Any] | None) -> None:
    record.__dict__["_origin"] = doc


def record_fields(cls: type[Record]) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name != "id"]


__all__ = [
    "Month",
    "Record",
    "parse_count",
    "parse_date",
    "parse_datetime",
    "parse_month",
    "record_fields",
]
