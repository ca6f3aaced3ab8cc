"""Checking: bytes -> findings.  The decoder (encoding, structure, fields), the
single-file and series checks, the business calendars, and reading paths safely in
batches.  Imports only ``fxreport.core``."""
