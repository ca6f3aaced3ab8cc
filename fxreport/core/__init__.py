"""The format core, no I/O: the layout table and its field types, the identities and
carries, the rule catalogue and every other word, findings, the typed model and the
codec that writes it.  Everything else imports from here; this imports nothing above."""
