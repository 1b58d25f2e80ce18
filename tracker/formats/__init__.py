"""File formats: import readers and export writers."""
