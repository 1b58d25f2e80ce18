"""Errors that carry a message for a person: what is wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.i18n import tr


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and how to fix it."""

    file: str
    key: str
    message: str
    fix: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        text = f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
        if self.fix:
            text += tr(f"。修改: {self.fix}", f". Fix: {self.fix}")
        return text


class GongkaiError(Exception):
    """Base for errors shown to the user as a message, never as a traceback."""


class ConfigError(GongkaiError):
    """config.toml has one or more problems; all of them are listed at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ValidationError(GongkaiError, ValueError):
    """A record field has a value that cannot be stored."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class DataError(GongkaiError):
    """The data file cannot be used as it is (corrupt, too new, not writable)."""

    def __init__(self, path: Path | str, message: str, fix: str = "") -> None:
        self.path = str(path)
        self.message = message
        self.fix = fix
        text = f"{path}: {message}"
        if fix:
            text += "\n" + tr(f"修改: {fix}", f"Fix: {fix}")
        super().__init__(text)
