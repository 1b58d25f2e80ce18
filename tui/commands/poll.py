"""gongkai poll: poll every watched column of the district site once."""

from __future__ import annotations

import argparse
import sys

from checks.poller import SourceResult, poll_sources_sync
from checks.poller.errors import label
from tracker.i18n import tr
from tui.commands.common import add_json, print_json, workspace


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_json(parser)


def _say(source: str, words: str) -> None:
    print(f"  {source}: {words}", file=sys.stderr, flush=True)


def _line(result: SourceResult) -> str:
    if result.ok:
        return f"{result.source}: {result.message}"
    return f"{result.source}: [{label(result.error)}] {result.message}"


def run(args: argparse.Namespace) -> int:
    ws = workspace(args)
    if not ws.config.sources:
        print(
            tr(
                "config.toml 中没有 [[sources]] 栏目, 没有可抓取的",
                "no [[sources]] in config.toml: nothing to poll",
            ),
            file=sys.stderr,
        )
        return 0
    results = poll_sources_sync(ws, progress=None if args.json else _say)
    if args.json:
        print_json({"sources": [r.to_json() for r in results]})
    else:
        for result in results:
            print(_line(result))
    return 0 if all(r.ok for r in results) else 1
