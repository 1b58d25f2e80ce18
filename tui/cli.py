"""``gongkai``: the command line (DESIGN.md "Interfaces"). Without a subcommand it opens the app.

Exit codes: 0 ok, 1 the command ran and found problems where it says so, 2 bad input or config.
Every expected failure is a message, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tracker import __version__
from tracker.errors import ConfigError, GongkaiError
from tracker.i18n import tr
from tui.commands import COMMANDS

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line hint (its default), in our words."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"gongkai: {message}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, found without importing any of them."""
    names = {c.name for c in COMMANDS}
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--config":
            skip = True
        elif arg in names:
            return arg
        elif not arg.startswith("-"):
            return None
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; only the chosen command's module is imported and given its arguments."""
    parser = Parser(
        prog="gongkai",
        description=tr(
            "政务公开工作台: 今日待办、月度清查、整改事项、公开时效、网站监测、提醒与年终导出",
            "Disclosure work dashboard: today, monthly checks, actions, timeliness, website, reminders, export",
        ),
    )
    parser.add_argument("--version", action="version", version=f"gongkai {__version__}")
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=tr(
            "配置文件 (默认: ./config.toml, 其次用户配置文件夹)",
            "config file (default: ./config.toml, then the user config folder)",
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    chosen = chosen_command(argv)
    for command in COMMANDS:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        # --config is accepted after the subcommand too; SUPPRESS keeps the global one otherwise.
        child.add_argument(
            "--config", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
        if command.name == chosen:
            module = command.load()
            module.add_arguments(child)
            child.set_defaults(run=module.run)
    return parser


def print_error(error: GongkaiError) -> None:
    if isinstance(error, ConfigError):
        print(
            tr(
                f"配置有 {len(error.problems)} 处问题:",
                f"config has {len(error.problems)} problem(s):",
            ),
            file=sys.stderr,
        )
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
    else:
        print(str(error), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from tui.commands.open_app import run_app  # deferred: Textual is heavy

            return run_app(args)
        return int(args.run(args))
    except GongkaiError as error:
        print_error(error)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `gongkai status | head`: the reader went away; say nothing more.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
