"""Rotating daily backups of the data file, and restoring one of them.

One copy per day (the state before that day's first write), the newest N kept. A corrupt data
file is never deleted: restore moves it aside as ``<name>.before-restore-<time>``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from filelock import FileLock

from tracker.errors import DataError
from tracker.i18n import tr
from tracker.storage import read_tables, write_atomic


def backup_folder(data_path: Path) -> Path:
    return data_path.parent / "backups"


def list_backups(data_path: Path) -> list[Path]:
    """Backups of this data file, newest first."""
    folder = backup_folder(data_path)
    if not folder.is_dir():
        return []
    pattern = f"{data_path.stem}-????-??-??{data_path.suffix}"
    return sorted(folder.glob(pattern), reverse=True)


def daily_backup(data_path: Path, today: dt.date, keep: int) -> Path | None:
    """Copy the current file once per day before it is changed; prune to ``keep`` copies."""
    if not data_path.exists():
        return None
    folder = backup_folder(data_path)
    target = folder / f"{data_path.stem}-{today.isoformat()}{data_path.suffix}"
    if target.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(target, data_path.read_bytes())
    for old in list_backups(data_path)[keep:]:
        old.unlink(missing_ok=True)
    return target


def restore(data_path: Path, backup: Path | None = None, now: dt.datetime | None = None) -> Path:
    """Put a backup (the newest good one by default) in place of the data file.

    Returns the backup used. The current file, if any, is kept beside it, renamed.
    """
    candidates = [backup] if backup else list_backups(data_path)
    chosen: Path | None = None
    for candidate in candidates:
        try:
            if read_tables(candidate) is not None:
                chosen = candidate
                break
        except DataError:
            continue
    if chosen is None:
        raise DataError(
            backup or backup_folder(data_path),
            tr("没有可用的备份", "no usable backup found"),
            tr("用 --from 指定一个备份文件", "name a backup file with --from"),
        )
    # The same lock the store takes: the app or the daemon cannot write in between (and so
    # undo the restore, or start from a missing file).
    with FileLock(str(data_path) + ".lock", timeout=30):
        if data_path.exists():
            stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
            kept = data_path.with_name(f"{data_path.name}.before-restore-{stamp}")
            write_atomic(kept, data_path.read_bytes())
        write_atomic(data_path, chosen.read_bytes())
    return chosen
