"""tui: people. The Textual app and the command line, two faces of the same data and rules."""
