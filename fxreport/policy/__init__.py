"""What may be written, and how: build input to a checked report, naming, refusing to
overwrite, atomic writes.  The CLI, the server and API callers share these functions."""
