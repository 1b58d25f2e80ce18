"""Opening the dashboard: config and data problems are printed before any screen appears."""

from __future__ import annotations

import argparse

from tui.commands.common import workspace


def run_app(args: argparse.Namespace) -> int:
    ws = workspace(args)
    from tui.app import GongkaiApp  # deferred: the CLI commands should not pay for Textual

    app = GongkaiApp(ws)
    result = app.run()
    return int(result or 0)
