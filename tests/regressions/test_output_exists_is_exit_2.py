"""Issue 17.3: "output exists" exited 2 from `check -o` and 1 from `build`, `roll -o`,
`show -o`.  FORMAT.md 7.9: exit status 2 from every command."""

from __future__ import annotations

from pathlib import Path

from reports import DAY2, Run


def test_every_command_exits_2_when_its_output_exists(run: Run, tmp_path: Path) -> None:
    def status(*args: str) -> int:
        r = run(*list(args))
        assert r.exception is None or isinstance(r.exception, SystemExit), r.output
        return r.exit_code

    doc = run("show", str(DAY2), "--format", "json").stdout
    (tmp_path / "in.json").write_text(doc)
    existing = tmp_path / "exists"
    existing.write_text("keep")
    (tmp_path / "ABP1209.txt").write_text("keep")
    (tmp_path / "ABP1212.txt").write_text("keep")
    assert status("check", str(DAY2), "-o", str(existing)) == 2
    assert status("build", str(tmp_path / "in.json"), "-o", str(tmp_path)) == 2
    assert status("build", str(tmp_path / "in.json"), "-o", str(tmp_path / "ABP1209.txt")) == 2
    assert status("roll", str(DAY2), "-o", str(existing)) == 2
    assert status("roll", str(DAY2), "--write", str(tmp_path)) == 2
    assert status("roll", str(DAY2), "--format", "xlsx", "-o", str(existing)) == 2
    assert status("show", str(DAY2), "--format", "xlsx", "-o", str(existing)) == 2
    assert existing.read_text() == "keep"
    assert (tmp_path / "ABP1209.txt").read_text() == "keep"
    assert (tmp_path / "ABP1212.txt").read_text() == "keep"
