"""tracker: what is true. Records, their validation, storage, the working-day calendar and file formats.

Never imports checks/ or tui/ (enforced by import-linter and tests/test_layers.py).
"""

__version__ = "0.1.0"
