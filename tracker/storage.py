"""A TinyDB storage that never leaves a half-written file and sees other processes' writes.

TinyDB's JSONStorage rewrites the file in place, so a crash mid-write leaves it broken
(upstream PRs #468/#482 never landed). Here every write goes to a temp file in the same folder,
is fsynced, and replaces the data file with ``os.replace``; the folder is fsynced too.

Reads are cached by the file's (inode, size, mtime): a write by the other process (the daemon
or a second window) always changes the inode, so the next read sees it; unchanged files are not
parsed again, which keeps a user edit fast however big the file is.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tracker.errors import DataError
from tracker.i18n import tr

Tables = dict[str, dict[str, Any]]


class CorruptDataError(DataError):
    """The data file exists but cannot be parsed: it is never overwritten."""


def encode(data: Any) -> bytes:
    """UTF-8 JSON with Chinese kept as it is, indented so a person can read the file."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def _mode_for(path: Path) -> int:
    """Keep the data file's permissions; a new file gets the usual 0666 & ~umask."""
    try:
        return os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a reader sees either the old or the new file."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # not every platform can open a folder
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def read_tables(path: Path) -> Tables | None:
    """Parse the data file; None if it does not exist; CorruptDataError if it is broken."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise DataError(
            path,
            tr("这是一个文件夹, 不是数据文件", "this is a folder, not a data file"),
            tr(
                "在 config.toml 的 [storage] path 写出文件名, 如 data/gongkai.json",
                "set [storage] path to a file name such as data/gongkai.json",
            ),
        ) from None
    except OSError as e:
        raise DataError(
            path, tr(f"无法读取: {e.strerror or e}", f"cannot read: {e.strerror or e}")
        ) from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        reason = (
            tr("文件为空", "the file is empty")
            if not raw.strip()
            else tr(f"内容不完整或已损坏 ({e})", f"truncated or corrupt ({e})")
        )
        raise CorruptDataError(path, reason) from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CorruptDataError(path, tr("不是 gongkai 数据文件", "not a gongkai data file"))
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic writes, a stat-keyed read cache and batched transactions."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cache: Tables | None = None
        self._cache_key: tuple[int, int, int] | None = None
        self._working: Tables | None = None  # inside a transaction: the copy being changed
        self._dirty = False

    def _stat_key(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError as e:  # e.g. a path that runs through a file
            raise DataError(
                self.path,
                tr(
                    f"无法使用这个路径: {e.strerror or e}",
                    f"cannot use this path: {e.strerror or e}",
                ),
                tr("检查 config.toml 的 [storage] path", "check [storage] path in config.toml"),
            ) from None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def read_fresh(self) -> Tables | None:
        """Read the file unless the cached copy is provably the same file."""
        key = self._stat_key()
        if key is None:
            self._cache, self._cache_key = None, None
            return None
        if key != self._cache_key or self._cache is None:
            self._cache = read_tables(self.path)
            self._cache_key = key
        return self._cache

    def read(self) -> Tables | None:
        if self._working is not None:
            return self._working
        return self.read_fresh()

    def write(self, data: Tables) -> None:
        if self._working is not None:
            self._working = data
            self._dirty = True
            return
        self._flush(data)

    def _flush(self, data: Tables) -> None:
        try:
            write_atomic(self.path, encode(data))
        except BaseException:
            self._cache, self._cache_key = None, None  # TinyDB mutated it in place
            raise
        self._cache = data
        self._cache_key = self._stat_key()

    def begin(self) -> None:
        """Start batching: re-read the file now (another process may have written)."""
        current = self.read_fresh()
        self._working = current if current is not None else {}
        self._dirty = False

    def commit(self) -> bool:
        """Write the batch once, if anything changed. Returns whether it wrote."""
        data, dirty = self._working, self._dirty
        self._working, self._dirty = None, False
        if dirty and data is not None:
            self._flush(data)
            return True
        return False

    def rollback(self) -> None:
        self._working, self._dirty = None, False
        self._cache, self._cache_key = None, None

    @property
    def dirty(self) -> bool:
        return self._dirty

    def close(self) -> None:
        pass
