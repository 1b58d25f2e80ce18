"""One switch for the language of every message, so config errors, flags and the UI agree.

Messages are written inline as ``tr("中文", "English")``: no catalogue can drift from the code.
"""

from __future__ import annotations

LOCALES = ("zh", "en")
_locale = "zh"


def set_locale(locale: str) -> None:
    """Choose the language for messages made from now on (``zh`` or ``en``)."""
    global _locale
    _locale = locale if locale in LOCALES else "zh"


def get_locale() -> str:
    return _locale


def tr(zh: str, en: str) -> str:
    """Return the message in the current language."""
    return en if _locale == "en" else zh
