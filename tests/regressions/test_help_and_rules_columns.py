"""Issue 17.15: `--help` cut command summaries short ("..."); `rules` columns did not line
up, in Chinese least of all (a Chinese character takes two cells)."""

from __future__ import annotations

import unicodedata

import pytest

from fxreport.commands import COMMANDS
from reports import Run


def test_help_lists_every_summary_whole(run: Run) -> None:
    r = run("--help", terminal_width=80)
    assert r.exit_code == 0 and "..." not in r.stdout.split("Commands:")[1]
    listed = " ".join(r.stdout.split("Commands:")[1].split())
    for name, (_, summary) in COMMANDS.items():
        assert " ".join(summary.split()) in listed, name


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_rules_columns_line_up(run: Run, lang: str) -> None:
    lines = run("rules", "--lang", lang).stdout.splitlines()
    assert len(lines) > 30
    # the title starts at the same terminal column on every line
    starts = set()
    for line in lines:
        cat = [p.strip() for p in line.split("  ") if p.strip()][2]
        head = line[: line.index(cat) + len(cat)]
        rest = line[len(head):]
        starts.add(_cells(head) + len(rest) - len(rest.lstrip(" ")))
    assert len(starts) == 1, starts
