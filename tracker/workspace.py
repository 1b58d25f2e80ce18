"""Everything a command or screen needs, opened once from config.toml: data, calendar, clock."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.clock import Clock
from tracker.config import Config, load_config
from tracker.history import PollHistory
from tracker.i18n import set_locale
from tracker.store import Store
from tracker.workdays import WorkCalendar


@dataclass
class Workspace:
    config: Config
    store: Store
    polls: PollHistory
    calendar: WorkCalendar
    clock: Clock

    @property
    def data_folder(self) -> Path:
        return self.config.data_path.parent


def calendar_for(config: Config) -> WorkCalendar:
    return WorkCalendar(config.calendar.holidays, config.calendar.workdays)


def open_workspace(config: Config | Path | str | None, clock: Clock | None = None) -> Workspace:
    """Load config (if given a path), set the message language and open the store."""
    if not isinstance(config, Config):
        config = load_config(config)
    set_locale(config.office.locale)
    clock = clock or Clock(config.office.timezone)
    store = Store(
        config.data_path,
        backups=config.storage.backups,
        today=clock.today,
        now=clock.now,
        user=config.office.user,
    )
    polls = PollHistory(config.data_path.parent / "polls")
    return Workspace(config, store, polls, calendar_for(config), clock)
