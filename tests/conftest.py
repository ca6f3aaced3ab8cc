from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import os  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

# "ci" is the default and keeps the suite fast; HYPOTHESIS_PROFILE=long fuzzes for real.
settings.register_profile("ci", max_examples=100, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=20_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    """In CI (CI=true) the browser and spreadsheet tests must run: `.ci/run` installs
    chromium and LibreOffice, and the README's test command runs `npm ci` (the static
    site's Pyodide), so a skip there would hide a missing install step."""
    if os.environ.get("CI", "").lower() not in ("1", "true", "yes"):
        return
    import pytest

    for item in items:
        for mark in item.iter_markers("skipif"):
            reason = str(mark.kwargs.get("reason", ""))
            needs_program = any(w in reason for w in ("chromium", "soffice", "playwright", "LibreOffice",
                                                      "npm ci"))
            if needs_program and mark.args and mark.args[0]:
                raise pytest.UsageError(f"CI: {item.nodeid} would skip ({reason}); "
                                        ".ci/run must install the program")
