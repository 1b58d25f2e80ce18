"""Append-only poll history, one JSON-lines file per month, outside the main data file.

A poll result is written many times a day for years (≈100,000 lines in five years); keeping it
out of the TinyDB file means a user's edit never rewrites it. Appends are single ``write`` calls
of whole lines under a lock; a line cut short by a crash is skipped when reading.

One line per source per poll: ``{"at": ISO datetime with zone, "source": id, "ok": bool,
"status": HTTP status or null, "duration_ms": int, "bytes": int, "error": error class or null,
"message": plain words or null, "pages": int, "items": int, "new_items": int}``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson


class PollHistory:
    """Poll outcomes by month: ``<folder>/YYYY-MM.jsonl``."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self._lock: Any = None  # made on the first append: reading needs no lock

    def _file(self, month: str) -> Path:
        return self.folder / f"{month}.jsonl"

    def append(self, result: dict[str, Any]) -> None:
        """Record one poll outcome; ``result['at']`` (ISO datetime) picks the month file."""
        at = str(result["at"])
        line = orjson.dumps(result, default=str) + b"\n"
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            from filelock import FileLock  # deferred: only writers pay for it

            self._lock = FileLock(str(self.folder / ".lock"), timeout=30)
        with self._lock:
            fd = os.open(self._file(at[:7]), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)

    def months(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("????-??.jsonl"))

    def read(
        self, since: dt.date | None = None, until: dt.date | None = None
    ) -> Iterator[dict[str, Any]]:
        """Results with ``since <= at.date() <= until``, oldest first; broken lines skipped."""
        first = f"{since:%Y-%m}" if since else ""
        last = f"{until:%Y-%m}" if until else "9999-99"
        lo = since.isoformat() if since else ""
        hi = (until + dt.timedelta(days=1)).isoformat() if until else "9999"
        for month in self.months():
            if not first <= month <= last:
                continue
            with open(self._file(month), "rb") as handle:
                for raw in handle:
                    try:
                        result = orjson.loads(raw)
                    except orjson.JSONDecodeError:
                        continue
                    at = str(result.get("at", ""))
                    if lo <= at < hi:
                        yield result

    def latest(self, source: str) -> dict[str, Any] | None:
        """The newest result for one source (scans months from the newest)."""
        for month in reversed(self.months()):
            found = None
            with open(self._file(month), "rb") as handle:
                for raw in handle:
                    try:
                        result = orjson.loads(raw)
                    except orjson.JSONDecodeError:
                        continue
                    if result.get("source") == source:
                        found = result
            if found:
                return found
        return None
