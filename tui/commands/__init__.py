"""The subcommands of ``gongkai``: one module each with NAME, HELP, add_arguments() and run()."""

from tui.commands import (
    actions,
    check,
    checks_list,
    daemon,
    deadline,
    export,
    import_checks,
    poll,
    remind,
    restore,
    rollup,
    status,
    template,
)

COMMANDS = (
    check,
    status,
    deadline,
    checks_list,
    import_checks,
    template,
    actions,
    poll,
    remind,
    daemon,
    export,
    rollup,
    restore,
)
