"""Schema versions of the data file and the steps between them.

The version lives in the ``_meta`` table. A file from an older gongkai is migrated (after a
backup); a file from a newer gongkai is refused, because writing it would drop what this
version does not know.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, Any]]

SCHEMA_VERSION = 1
META_TABLE = "_meta"
META_ID = "1"


def _from_0(tables: Tables) -> Tables:
    """Version 0: files written before the version was recorded; nothing else changed."""
    return tables


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _from_0}
"""MIGRATIONS[n] turns a version-n file into version n+1."""


def schema_of(tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_ID, {})
    version = meta.get("schema", 0)
    return version if isinstance(version, int) else 0


def set_schema(tables: Tables, version: int, app_version: str) -> None:
    tables.setdefault(META_TABLE, {})[META_ID] = {"schema": version, "written_by": app_version}


def migrate(tables: Tables, app_version: str) -> tuple[Tables, bool]:
    """Bring ``tables`` to SCHEMA_VERSION; return (tables, whether anything changed)."""
    version = schema_of(tables)
    changed = False
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
        changed = True
    if changed:
        set_schema(tables, version, app_version)
    return tables, changed
