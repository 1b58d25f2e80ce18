"""The scheduler lease: exactly one process (the app or ``gongkai daemon``) polls and sends.

A small JSON file next to the data says who holds it — pid, host, role, since when — and until
when. The holder renews it while alive; anyone else takes it over when it has expired, or at
once when the holder was a process on this machine that no longer exists (a crash or ``kill
-9`` never leaves the office without reminders for longer than one lease). Reads and writes go
under a file lock, and the file is replaced atomically, so two processes starting together
cannot both win.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import sys
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout

LEASE_FILE = "scheduler.lease.json"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (errs on the side of "alive")."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class LeaseInfo:
    """Who holds the lease: shown as "由本机的 daemon 调度, 自 08:00 起"."""

    token: str
    pid: int
    host: str
    role: str
    since: dt.datetime
    expires: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "token": self.token,
            "pid": self.pid,
            "host": self.host,
            "role": self.role,
            "since": self.since.isoformat(),
            "expires": self.expires.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LeaseInfo:
        return cls(
            token=str(data["token"]),
            pid=int(data["pid"]),
            host=str(data["host"]),
            role=str(data.get("role", "")),
            since=dt.datetime.fromisoformat(str(data["since"])),
            expires=dt.datetime.fromisoformat(str(data["expires"])),
        )


class Lease:
    """One process's handle on the scheduler lease in ``folder``.

    ``now``, ``pid``, ``host`` and ``alive`` are injectable so tests can run two "processes"
    in one and move time forward without waiting.
    """

    def __init__(
        self,
        folder: Path | str,
        *,
        role: str,
        seconds: float,
        now: Callable[[], dt.datetime],
        pid: int | None = None,
        host: str | None = None,
        alive: Callable[[int], bool] = pid_alive,
    ) -> None:
        self.path = Path(folder) / LEASE_FILE
        self.role = role
        self.seconds = float(seconds)
        self.now = now
        self.pid = os.getpid() if pid is None else pid
        self.host = host or socket.gethostname()
        self.alive = alive
        self.token = f"{self.host}:{self.pid}:{uuid.uuid4().hex[:8]}"
        self._lock = FileLock(str(self.path) + ".lock", timeout=10)
        self._held_until: dt.datetime | None = None

    # ------------------------------------------------------------ reading

    def holder(self) -> LeaseInfo | None:
        """The current holder as written in the file (it may have expired)."""
        try:
            return LeaseInfo.from_json(orjson.loads(self.path.read_bytes()))
        except (FileNotFoundError, orjson.JSONDecodeError, KeyError, ValueError, TypeError):
            return None

    def live_holder(self) -> LeaseInfo | None:
        """The holder if its lease still counts (not expired, not a dead local process)."""
        info = self.holder()
        return info if info is not None and self._counts(info) else None

    @property
    def held(self) -> bool:
        """Whether this process held the lease at its last renewal and it has not run out."""
        return self._held_until is not None and self.now() < self._held_until

    def _counts(self, info: LeaseInfo) -> bool:
        if self.now() >= info.expires:
            return False
        return not (
            info.host == self.host and info.token != self.token and not self.alive(info.pid)
        )

    # ------------------------------------------------------------ taking and giving back

    def acquire(self) -> bool:
        """Take or renew the lease; False (and nothing changed) while someone else holds it."""
        try:
            with self._lock:
                current = self.holder()
                if current is not None and current.token != self.token and self._counts(current):
                    self._held_until = None
                    return False
                now = self.now()
                since = (
                    current.since if current is not None and current.token == self.token else now
                )
                info = LeaseInfo(
                    self.token,
                    self.pid,
                    self.host,
                    self.role,
                    since,
                    now + dt.timedelta(seconds=self.seconds),
                )
                self._write(info)
                self._held_until = info.expires
                return True
        except (Timeout, OSError):
            self._held_until = None
            return False

    def release(self) -> None:
        """Give the lease back at once (on a clean exit), so the other process need not wait."""
        with contextlib.suppress(Timeout, OSError), self._lock:
            current = self.holder()
            if current is not None and current.token == self.token:
                self.path.unlink()
        self._held_until = None

    def _write(self, info: LeaseInfo) -> None:
        # Atomic replace; no fsync: after a power cut an old or missing lease only means the
        # next process takes it over, which is what should happen anyway.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".lease.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(orjson.dumps(info.to_json()))
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
