"""The website poller: reads the watched columns of the district site over httpx.

The only code in checks/ that does network I/O. ``poll_sources`` is what the CLI, the screen and
the scheduler's morning poll call; every source comes back as a SourceResult, never an exception.
"""

from checks.poller.run import SourceResult, poll_sources, poll_sources_sync

__all__ = ["SourceResult", "poll_sources", "poll_sources_sync"]
