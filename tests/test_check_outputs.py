"""`check --format` is read from one registry, ``fxreport.outputs.CHECK_OUTPUTS``: its
choices, its help and the writer it runs, so a new output is one writer and one entry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from fxreport.commands.check import check
from fxreport.core.words import join, usage
from fxreport.outputs import CHECK_OUTPUTS
from reports import DAY1, DAY2, Run


def _format_option() -> click.Option:
    return next(p for p in check.params if isinstance(p, click.Option) and p.name == "fmt")


def test_every_registry_name_is_a_choice_and_in_the_help() -> None:
    option = _format_option()
    assert isinstance(option.type, click.Choice)
    assert list(option.type.choices) == list(CHECK_OUTPUTS)
    for name, output in CHECK_OUTPUTS.items():
        assert f"{name} {output.help}" in (option.help or "")


@pytest.mark.parametrize("name", list(CHECK_OUTPUTS))
def test_every_registry_name_writes_through_the_cli(run: Run, name: str, tmp_path: Path) -> None:
    shown = run("check", "--format", name, "--lang", "en", DAY1, DAY2)
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout_bytes.strip()
    kept = tmp_path / f"out.{name}"
    written = run("check", "--format", name, "--lang", "en", "-o", kept, DAY1, DAY2)
    assert written.exit_code == 0 and written.stdout == ""
    if name != "html":  # the HTML report states when it was made
        assert kept.read_bytes() == shown.stdout_bytes


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_an_unknown_name_is_a_usage_error_in_the_readers_language(run: Run, lang: str) -> None:
    assert "no-such-output" not in CHECK_OUTPUTS
    r = run("check", "--format", "no-such-output", "--lang", lang, DAY1)
    assert r.exit_code == 2 and r.stdout == ""
    choices = join([usage("quoted", lang, value=n) for n in CHECK_OUTPUTS], lang)
    said = usage("bad_choice", lang, name="--format", value=usage("quoted", lang, value="no-such-output"),
                 choices=choices)
    assert r.stderr.rstrip("\n").endswith(usage("error", lang, message=said))


def test_one_entry_is_enough_for_a_new_output() -> None:
    """A made-up ``tsv`` entry, added before the CLI is loaded, is a choice and runs."""
    script = (
        "from fxreport.outputs import CHECK_OUTPUTS, CheckOutput\n"
        "def tsv(outcome, out, look):\n"
        "    for r in outcome.reports:\n"
        "        out.write(f'{r.bank}\\t{r.date}\\t{r.valid}\\n')\n"
        "CHECK_OUTPUTS['tsv'] = CheckOutput(tsv, 'for a test')\n"
        "from fxreport.cli import main\n"
        "main()\n")
    p = subprocess.run([sys.executable, "-c", script, "check", "--format", "tsv", str(DAY1)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout == "ABCD\t2016-12-08\tTrue\n"
