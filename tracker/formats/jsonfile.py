"""JSON: the same data as the other formats, for machines (and ``gongkai rollup``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from tracker.formats import atomic_output


def write_json(data: dict[str, Any], path: Path) -> Path:
    with atomic_output(path) as tmp:
        tmp.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2, default=str))
    return path


def read_json(path: Path) -> dict[str, Any]:
    """A json export read back (``gongkai rollup``); a bad file raises DataError naming it."""
    from tracker.errors import DataError
    from tracker.i18n import tr

    try:
        data = orjson.loads(Path(path).read_bytes())
    except FileNotFoundError:
        raise DataError(
            path, tr("找不到文件", "file not found"), tr("检查路径", "check the path")
        ) from None
    except OSError as e:
        raise DataError(path, tr(f"无法读取: {e.strerror}", f"cannot read: {e.strerror}")) from None
    except orjson.JSONDecodeError as e:
        raise DataError(
            path,
            tr(f"不是有效的 JSON: {e}", f"not valid JSON: {e}"),
            tr(
                "用 gongkai export --format json 重新导出",
                "export it again with gongkai export --format json",
            ),
        ) from None
    if not isinstance(data, dict):
        raise DataError(path, tr("不是 gongkai 导出的文件", "not a gongkai export"))
    return data
