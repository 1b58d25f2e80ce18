"""A record's change history in words: field names and coded values as a person reads them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tracker.i18n import tr


def shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return tr("(空)", "(empty)")
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def change_lines(
    entries: list[dict[str, Any]],
    labels: dict[str, str],
    values: dict[str, Callable[[Any], Any]] | None = None,
    newest_first: bool = True,
) -> list[str]:
    """One line per change (when, who), then one per field: label: old -> new.

    ``values`` turns stored codes into words per field (e.g. status "published" → 已发布).
    """
    values = values or {}
    lines = []
    for entry in reversed(entries) if newest_first else entries:
        when = str(entry.get("at", "")).replace("T", " ")[:16]
        lines.append(f"{when}  {entry.get('who') or '-'}")
        for name, (old, new) in entry.get("changes", {}).items():
            word = values.get(name)
            if word is not None:
                old, new = (word(v) if v not in (None, "") else v for v in (old, new))
            lines.append(f"  {labels.get(name, name)}: {shown(old)} -> {shown(new)}")
    return lines
