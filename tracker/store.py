"""The one class that touches TinyDB: records in, records out, nothing ever lost.

- Atomic writes (tracker/storage.py).
- Two processes (the app and ``gongkai daemon``) may have the file open: every change runs
  under an inter-process file lock and starts by re-reading the file, so neither overwrites the
  other's change.
- A schema version with migrations; a file from a newer gongkai is refused.
- A daily backup before the day's first change; a corrupt file is refused, never overwritten,
  and the message names the newest backup and ``gongkai restore``.
- Edits of existing records leave a change history (who, when, old → new).

Poll history is not here: it grows without bound and lives in tracker/history.py, so a user
edit never rewrites it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Table

from tracker import __version__
from tracker.backups import daily_backup, list_backups
from tracker.errors import DataError, Problem, ValidationError
from tracker.i18n import tr
from tracker.migrations import META_ID, META_TABLE, SCHEMA_VERSION, migrate, schema_of, set_schema
from tracker.records.base import Record, _to_json, origin, set_origin
from tracker.storage import AtomicJSONStorage, CorruptDataError

R = TypeVar("R", bound=Record)

HISTORY_TABLE = "_history"
VALUES_TABLE = "_values"  # read raw only: its keys are names, not TinyDB document ids
LOCK_TIMEOUT_SECONDS = 30.0


def _restore_hint(path: Path) -> str:
    backups = list_backups(path)
    if backups:
        return tr(
            f"最新的备份是 {backups[0]}。运行 gongkai restore 用它恢复 (损坏的文件会被保留)",
            f"the newest backup is {backups[0]}. Run `gongkai restore` to put it back "
            "(the broken file is kept)",
        )
    return tr(
        "没有找到备份。把文件交给技术人员查看; 不要删除它",
        "no backup was found. Keep the file and ask someone technical to look at it",
    )


class Store:
    """Records of every type in one TinyDB file, safe for two processes."""

    def __init__(
        self,
        path: Path | str,
        *,
        backups: int = 7,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        user: str = "",
    ) -> None:
        self.path = Path(path)
        self.backups = backups
        self.today = today
        self.now = now
        self.user = user
        self._thread_lock = threading.RLock()
        self._file_lock: Any = None  # made on the first write: reading needs no lock
        self._storage: AtomicJSONStorage | None = None
        self.db = TinyDB(self.path, storage=self._make_storage)
        self._depth = 0
        self._open()

    def _make_storage(self, path: str) -> AtomicJSONStorage:
        self._storage = AtomicJSONStorage(path)
        return self._storage

    @property
    def storage(self) -> AtomicJSONStorage:
        assert self._storage is not None
        return self._storage

    # ------------------------------------------------------------ opening

    def _read(self) -> dict[str, Any] | None:
        try:
            return self.storage.read_fresh()
        except CorruptDataError as e:
            raise CorruptDataError(self.path, e.message, _restore_hint(self.path)) from None
        except PermissionError:
            raise DataError(
                self.path,
                tr("没有读取权限", "permission denied when reading"),
                tr("检查文件权限", "check the file's permissions"),
            ) from None

    def _open(self) -> None:
        tables = self._read()
        if tables is not None:
            version = schema_of(tables)
            if version > SCHEMA_VERSION:
                raise DataError(
                    self.path,
                    tr(
                        f"数据文件由更新版本的 gongkai 写入 (数据格式 {version}, "
                        f"本程序只认识到 {SCHEMA_VERSION})",
                        f"the data file was written by a newer gongkai (schema {version}; "
                        f"this version knows up to {SCHEMA_VERSION})",
                    ),
                    tr(
                        "升级 gongkai 后再打开; 文件未作改动",
                        "upgrade gongkai; the file was not changed",
                    ),
                )
            if version == SCHEMA_VERSION:
                return
        with self.transaction():
            assert self.storage._working is not None
            working = self.storage._working
            if tables is None:
                set_schema(working, SCHEMA_VERSION, __version__)
                working[META_TABLE][META_ID]["created"] = self.today().isoformat()
            else:
                migrated, _ = migrate(working, __version__)
                if migrated is not working:
                    working.clear()
                    working.update(migrated)
            self.storage._dirty = True

    # ------------------------------------------------------------ transactions

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group changes: lock, re-read, apply, write once. Nested calls join the outer one."""
        with self._thread_lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            lock = self._lock()
            from filelock import Timeout  # already loaded by _lock()

            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                lock.acquire()
            except Timeout:
                raise DataError(
                    self.path,
                    tr(
                        "数据文件被另一个程序长时间占用",
                        "the data file stayed locked by another program",
                    ),
                    tr(
                        "稍后再试; 若一直如此, 关闭其他 gongkai 窗口",
                        "try again, or close other gongkai windows",
                    ),
                ) from None
            except PermissionError:
                raise self._not_writable() from None
            except OSError as e:
                raise DataError(
                    self.path.parent,
                    tr(
                        f"无法使用数据文件夹: {e.strerror or e}",
                        f"cannot use the data folder: {e.strerror or e}",
                    ),
                    tr("检查 config.toml 的 [storage] path", "check [storage] path in config.toml"),
                ) from None
            try:
                try:
                    self.storage.begin()
                except CorruptDataError as e:
                    raise CorruptDataError(self.path, e.message, _restore_hint(self.path)) from None
                self._reset_tables()
                self._depth = 1
                try:
                    yield self
                except BaseException:
                    self.storage.rollback()
                    self._reset_tables()
                    raise
                finally:
                    self._depth = 0
                try:
                    if self.storage.dirty:
                        daily_backup(self.path, self.today(), self.backups)
                    self.storage.commit()
                except PermissionError:
                    self.storage.rollback()
                    raise self._not_writable() from None
                except OSError as e:
                    self.storage.rollback()
                    raise DataError(
                        self.path,
                        tr(f"写入失败: {e.strerror or e}", f"write failed: {e.strerror or e}"),
                        tr(
                            "检查磁盘空间和权限; 原文件未改动",
                            "check disk space and permissions; the file is unchanged",
                        ),
                    ) from None
            finally:
                lock.release()

    def _lock(self) -> Any:
        """The inter-process lock (filelock is imported here: painting the app needs none)."""
        if self._file_lock is None:
            from filelock import FileLock

            self._file_lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
        return self._file_lock

    def _not_writable(self) -> DataError:
        return DataError(
            self.path.parent,
            tr("数据文件夹不可写", "the data folder is not writable"),
            tr(
                "给该文件夹写权限, 或在 config.toml 的 [storage] path 指向可写的位置",
                "make it writable, or point [storage] path in config.toml somewhere writable",
            ),
        )

    def _reset_tables(self) -> None:
        # TinyDB caches per table the next id and query results; both go stale when the
        # other process writes, so they are dropped at the start of every transaction.
        for table in self.db._tables.values():
            table._next_id = None
            table.clear_cache()

    def _table(self, name: str) -> Table:
        return self.db.table(name, cache_size=0)

    # ------------------------------------------------------------ reading

    def _fresh(self) -> None:
        if not self._depth:
            self._read()

    def all(self, cls: type[R]) -> list[R]:
        with self._thread_lock:
            self._fresh()
            return [cls.from_doc(dict(doc), doc.doc_id) for doc in self._table(cls.TABLE).all()]

    def get(self, cls: type[R], record_id: int) -> R | None:
        with self._thread_lock:
            self._fresh()
            doc = self._table(cls.TABLE).get(doc_id=record_id)
            if doc is None or isinstance(doc, list):
                return None
            return cls.from_doc(dict(doc), record_id)

    def find(self, cls: type[R], **equal: Any) -> list[R]:
        """Records whose fields equal the given values (dates compared as ISO text)."""
        wanted = {k: _to_json(v) for k, v in equal.items()}
        with self._thread_lock:
            self._fresh()
            docs = (self.storage.read() or {}).get(cls.TABLE, {})
            # Compare the stored JSON first; only matches pay for building a record.
            if not wanted:
                return [cls.from_doc(dict(doc), int(i)) for i, doc in docs.items()]
            (first, value), *rest = wanted.items()
            # One plain comparison per record first (this runs on every save of a check),
            # then the remaining fields on the few candidates.
            candidates = [(i, doc) for i, doc in docs.items() if doc.get(first) == value]
            return [
                cls.from_doc(dict(doc), int(i))
                for i, doc in candidates
                if all(doc.get(k) == v for k, v in rest)
            ]

    def raw(self, table: str) -> dict[str, dict[str, Any]]:
        """A table as stored, for exports and migrations."""
        with self._thread_lock:
            self._fresh()
            data = self.storage.read() or {}
            return {k: dict(v) for k, v in data.get(table, {}).items()}

    @property
    def created(self) -> dt.date | None:
        """The day this data file was started: nothing can have been recorded before it."""
        value = (self.raw(META_TABLE).get(META_ID) or {}).get("created")
        try:
            return dt.date.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            return None

    @property
    def schema(self) -> int:
        return schema_of(self._read() or {})

    # ------------------------------------------------------------ writing

    def insert(self, record: R) -> R:
        """Store a new record; returns it with its id."""
        record.check()
        with self.transaction():
            table = self._table(record.TABLE)
            table._next_id = None
            record.id = table.insert(record.to_doc())
        set_origin(record, record.to_doc())
        return record

    def update(self, record: R, who: str = "") -> R:
        """Save an edited record and log what changed (who, when, old → new).

        Only the fields edited since the record was read are written: a change another window
        or the daemon made meanwhile to other fields stays. If the two changes together break a
        record rule, nothing is written and the message says to reload.
        """
        if record.id is None:
            raise ValueError("update needs a stored record")
        record_id = record.id
        record.check()
        with self.transaction():
            table = self._table(record.TABLE)
            old = table.get(doc_id=record.id)
            if old is None or isinstance(old, list):
                raise DataError(
                    self.path,
                    tr(
                        f"记录已不存在 ({record.TABLE} #{record.id})",
                        f"record no longer exists ({record.TABLE} #{record.id})",
                    ),
                    tr(
                        "可能已被另一个窗口删除; 刷新后再试",
                        "another window may have deleted it; refresh",
                    ),
                )
            new = record.to_doc()
            base = origin(record)
            if base is not None and any(old.get(k) != base.get(k) for k in new):
                edited = {k: v for k, v in new.items() if base.get(k) != v}
                new = {**{k: old.get(k) for k in new}, **edited}
                try:
                    record = type(record).from_doc(new, record.id)
                except ValidationError:
                    raise DataError(
                        self.path,
                        tr(
                            f"这条记录刚被另一个窗口修改过 ({record.TABLE} #{record.id})",
                            f"this record was just changed elsewhere ({record.TABLE} #{record.id})",
                        ),
                        tr("刷新 (Ctrl+R) 后再改一次", "reload (Ctrl+R) and edit it again"),
                    ) from None
            changes = {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
            if changes:
                # Straight into the transaction's copy: TinyDB's Table.update would rebuild the
                # whole table twice to change one document.
                data = self.storage.read()
                assert data is not None
                data[record.TABLE][str(record_id)] = new
                self.storage.write(data)
                self._log(record.TABLE, record_id, changes, who)
        set_origin(record, new)
        return record

    def upsert(self, record: R, *keys: str, who: str = "") -> tuple[R, bool]:
        """Insert, or update the record whose ``keys`` fields match. Returns (record, created)."""
        with self.transaction():
            match = self.find(type(record), **{k: getattr(record, k) for k in keys})
            if match:
                record.id = match[0].id
                return self.update(record, who), False
            return self.insert(record), True

    def delete(self, cls: type[Record], record_id: int, who: str = "") -> None:
        with self.transaction():
            table = self._table(cls.TABLE)
            old = table.get(doc_id=record_id)
            if old is None or isinstance(old, list):
                return
            table.remove(doc_ids=[record_id])
            self._log(cls.TABLE, record_id, {k: [v, None] for k, v in old.items()}, who)

    def _log(self, table: str, record_id: int, changes: dict[str, Any], who: str) -> None:
        # Appended to the transaction's copy directly: the log only grows, and TinyDB's insert
        # would rebuild the whole table for every edit.
        data = self.storage.read()
        assert data is not None
        log = data.setdefault(HISTORY_TABLE, {})
        next_id = max(map(int, log), default=0) + 1
        log[str(next_id)] = {
            "table": table,
            "id": record_id,
            "at": self.now().isoformat(timespec="seconds"),
            "who": who or self.user,
            "changes": changes,
        }
        self.storage.write(data)

    def history(self, cls: type[Record], record_id: int) -> list[dict[str, Any]]:
        """The change log of one record, oldest first."""
        return [
            dict(doc)
            for doc in self.raw(HISTORY_TABLE).values()
            if doc.get("table") == cls.TABLE and doc.get("id") == record_id
        ]

    # ------------------------------------------------------------ settings kept with the data

    def get_value(self, key: str, default: Any = None) -> Any:
        """Small values the app keeps with the data (e.g. last poll, annual-report figures)."""
        return self.raw(VALUES_TABLE).get(key, {}).get("value", default)

    def set_value(self, key: str, value: Any) -> None:
        with self.transaction():
            data = self.storage.read()
            assert data is not None
            data.setdefault(VALUES_TABLE, {})[key] = {"value": _to_json(value)}
            self.storage.write(data)


def verify_data_file(path: Path) -> None:
    """Check a data file without changing it (``gongkai check``); raise DataError if unusable."""
    from tracker.storage import read_tables

    try:
        tables = read_tables(path)
    except CorruptDataError as e:
        raise CorruptDataError(path, e.message, _restore_hint(path)) from None
    if tables is not None and schema_of(tables) > SCHEMA_VERSION:
        raise DataError(
            path,
            tr(
                f"数据文件由更新版本的 gongkai 写入 (数据格式 {schema_of(tables)})",
                f"the data file was written by a newer gongkai (schema {schema_of(tables)})",
            ),
            tr("升级 gongkai", "upgrade gongkai"),
        )


def record_problems(path: Path) -> list[Problem]:
    """Every stored record that no longer passes validation (``gongkai check``), by table and id.

    A hand-edited or half-migrated file shows up here instead of as an error in a screen.
    """
    from tracker.records import RECORD_TYPES
    from tracker.storage import read_tables

    tables = read_tables(path) or {}
    problems = []
    for cls in RECORD_TYPES:
        for doc_id, doc in tables.get(cls.TABLE, {}).items():
            try:
                cls.from_doc(dict(doc), int(doc_id))
            except ValidationError as e:
                problems.append(
                    Problem(
                        str(path),
                        f"{cls.TABLE} #{doc_id}.{e.field}",
                        e.message,
                        tr(
                            "在程序中改正这条记录, 或从备份恢复",
                            "correct the record in the app, or restore a backup",
                        ),
                    )
                )
            except (TypeError, ValueError) as e:
                problems.append(Problem(str(path), f"{cls.TABLE} #{doc_id}", str(e)))
    return problems
