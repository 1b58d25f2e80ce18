"""Shared fixtures: a small valid config in a temp folder, a workspace on a fixed day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.clock import Clock
from tracker.i18n import set_locale
from tracker.workspace import Workspace, open_workspace

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CONFIG = REPO / "config.toml"

MINIMAL_CONFIG = """
[office]
name = "测试镇党政办公室"
unit = "测试镇人民政府"

[storage]
path = "data/gongkai.json"

[[platforms]]
id = "website"
kind = "website"
name = "区政府网站 测试镇栏目"
url = "http://127.0.0.1:9/"

[[platforms]]
id = "wechat"
kind = "wechat"
name = "微信公众号 测试镇"

[[platforms]]
id = "board-01"
kind = "board"
name = "村01 村务公开栏"
count = 2
"""


@pytest.fixture(autouse=True)
def _chinese_messages() -> None:
    """Every test starts with the default language, whatever the last one switched to."""
    set_locale("zh")


@pytest.fixture
def write_config(tmp_path: Path):
    """Write a config.toml (the minimal one plus ``extra``) and return its path."""

    def write(text: str = MINIMAL_CONFIG, extra: str = "", name: str = "config.toml") -> Path:
        path = tmp_path / name
        path.write_text(text + extra, encoding="utf-8")
        return path

    return write


@pytest.fixture
def config_path(write_config) -> Path:
    return write_config()


@pytest.fixture
def today() -> dt.date:
    return dt.date(2026, 11, 24)


@pytest.fixture
def ws(config_path: Path, today: dt.date) -> Workspace:
    """A workspace on a fixed day (Tuesday 2026-11-24, 09:00 Asia/Shanghai)."""
    return open_workspace(config_path, Clock.on(today))
