"""Regression tests: one file per defect a user's trial found, named for it."""
