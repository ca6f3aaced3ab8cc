"""Issue 17.3: "output exists" exited 2 from `check -o` and 1 from `build`, `roll -o`,
`show -o`.  FORMAT.md 7.9: exit status 2 from every command."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from fxreport.cli import cli
from reports import DAY2


def test_every_command_exits_2_when_its_output_exists(tmp_path: Path) -> None:
    def run(*args: str) -> int:
        r = CliRunner().invoke(cli, list(args))
        assert r.exception is None or isinstance(r.exception, SystemExit), r.output
        return r.exit_code

    doc = CliRunner().invoke(cli, ["show", str(DAY2), "--format", "json"]).stdout
    (tmp_path / "in.json").write_text(doc)
    existing = tmp_path / "exists"
    existing.write_text("keep")
    (tmp_path / "ABP1209.txt").write_text("keep")
    (tmp_path / "ABP1212.txt").write_text("keep")
    assert run("check", str(DAY2), "-o", str(existing)) == 2
    assert run("build", str(tmp_path / "in.json"), "-o", str(tmp_path)) == 2
    assert run("build", str(tmp_path / "in.json"), "-o", str(tmp_path / "ABP1209.txt")) == 2
    assert run("roll", str(DAY2), "-o", str(existing)) == 2
    assert run("roll", str(DAY2), "--write", str(tmp_path)) == 2
    assert run("roll", str(DAY2), "--format", "xlsx", "-o", str(existing)) == 2
    assert run("show", str(DAY2), "--format", "xlsx", "-o", str(existing)) == 2
    assert existing.read_text() == "keep"
    assert (tmp_path / "ABP1209.txt").read_text() == "keep"
    assert (tmp_path / "ABP1212.txt").read_text() == "keep"
