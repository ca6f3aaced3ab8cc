"""Issue 17.28: `NO_COLOR` honoured and `--color auto|always|never`; `--quiet` shows only
the files with findings, and the summary."""

from __future__ import annotations

import io

import pytest

from fxreport.outputs import use_colour
from reports import DAY1, Run, SAMPLES

BROKEN = SAMPLES / "broken" / "arithmetic" / "ABP1209.txt"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_color_and_the_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(_Terminal()) and not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(_Terminal())
    assert use_colour(io.StringIO(), "always") and not use_colour(_Terminal(), "never")
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: an empty value does not count
    assert use_colour(_Terminal())


def test_color_option(run: Run) -> None:
    always = run("check", str(BROKEN), "--color", "always").stdout
    never = run("check", str(BROKEN), "--color", "never").stdout
    assert "\x1b[" in always and "\x1b[" not in never
    assert run("check", str(BROKEN), env={"NO_COLOR": "1"}).stdout == never


def test_quiet_shows_files_with_findings_and_the_summary(run: Run) -> None:
    r = run("check", str(DAY1), str(BROKEN), "--quiet")
    assert r.exit_code == 1
    assert str(DAY1) not in r.stdout and str(BROKEN) in r.stdout
    assert r.stdout.splitlines()[-1].startswith("2 file(s): 1 valid, 1 INVALID")
