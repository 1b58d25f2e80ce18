"""Shared by the test_poll_* files: a config with watched columns on the local test site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tracker.clock import Clock
from tracker.workspace import Workspace, open_workspace


def sources_config(
    sources: list[dict[str, Any]],
    *,
    timeout: float = 2.0,
    max_bytes: int = 200_000,
    retries: int = 0,
    failing_after: int = 3,
    extra: str = "",
) -> str:
    """``[poll]`` settings for fast tests plus one ``[[sources]]`` per dict."""
    text = (
        "\n[poll]\n"
        f"timeout_seconds = {timeout}\nmax_bytes = {max_bytes}\nretries = {retries}\n"
        f"delay_seconds = 0\nper_host = 2\nfailing_after = {failing_after}\n"
    )
    for source in sources:
        text += "\n[[sources]]\n"
        for key, value in source.items():
            if isinstance(value, bool):
                text += f"{key} = {'true' if value else 'false'}\n"
            elif isinstance(value, int):
                text += f"{key} = {value}\n"
            else:
                text += f'{key} = "{value}"\n'
    return text + extra


def workspace_at(config: Path, day: dt.date, hour: int = 9) -> Workspace:
    """A workspace whose clock stands on ``day`` at ``hour``:00 (a poll on that morning)."""
    return open_workspace(config, Clock.on(day, at=dt.time(hour, 0)))
