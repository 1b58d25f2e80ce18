"""Outside text (web page titles, user input, file cells) shown literally, never as markup.

A title like ``沙政发[2019]12号 [/x]`` would otherwise raise MarkupError and take the app down.
"""

from __future__ import annotations

from rich.text import Text


def literal(value: object, style: str = "") -> Text:
    """A Rich Text that displays ``value`` exactly as written."""
    return Text("" if value is None else str(value), style=style, no_wrap=False)
