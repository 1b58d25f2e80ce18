"""File formats: import readers (checks_io.py) and export writers: a plain Document
(tracker/formats/document.py) as xlsx, docx or md; data as json.

Writers know nothing of rules: checks/ builds the Document, these only lay it out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tracker.errors import DataError
from tracker.i18n import tr


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temp path beside ``path``; on success it replaces ``path`` in one step.

    A half-written export never sits under the real name (e.g. when the disk fills up or the
    file is open in WPS on Windows).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DataError(
            path.parent,
            tr(
                f"无法创建文件夹: {e.strerror or e}", f"cannot create the folder: {e.strerror or e}"
            ),
            tr("换一个可写的位置 (--out)", "choose a writable place (--out)"),
        ) from None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    except PermissionError:
        raise DataError(
            path,
            tr(
                "无法写入 (文件可能正被 Excel/WPS 打开)",
                "cannot write (is the file open in Excel/WPS?)",
            ),
            tr("关闭该文件后重试, 或换一个文件名", "close it and try again, or use another name"),
        ) from None
    except OSError as e:
        raise DataError(
            path,
            tr(f"写入失败: {e.strerror or e}", f"write failed: {e.strerror or e}"),
            tr("检查磁盘空间和权限", "check disk space and permissions"),
        ) from None
    finally:
        if tmp.exists():
            tmp.unlink()
