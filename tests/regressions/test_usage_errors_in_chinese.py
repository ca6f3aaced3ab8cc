"""Issue 17.15 and 16.4: usage errors were English under `--lang zh-TW` (or a zh_TW
locale), and calendar errors English in either language.  Every usage error of the CLI
is worded by the catalogue; in zh-TW none leaves an English sentence.  The walk takes in
build's day files (with --previous), every command's unreadable path and serve's refusals
too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fxreport
from test_zh_tw_reads_as_written_not_translated import problems  # FORMAT.md 6.9, as tested there
from reports import DAY1, DAY2, Run

D2 = str(DAY2)
NAMES = ("DIR", "d1.txt", "d2.txt", "d3.txt", "d4.txt", "missing.txt", "in.json",
         "192.0.2.1:0", "192.0.2.1", "127.0.0.1")  # the test's own names and addresses: values


def _usage_errors(tmp: Path) -> list[list[str]]:
    utf16 = tmp / "d1.txt"
    utf16.write_bytes("2016-12-12\n".encode("utf-16"))
    not_date = tmp / "d2.txt"
    not_date.write_text("2016-12-12\nxx\n")
    day = tmp / "d3.txt"
    day.write_text("105/12/12\n")
    (tmp / "in.json").write_text(json.dumps(fxreport.load(DAY2).to_json_dict()))
    return [
        ["check"], ["check", "--format", "xml", D2], ["check", "--bogus", D2],
        ["check", "--selct", "ARI", D2], ["check", "--strict=yes", D2], ["check", "-j", "0", D2],
        ["check", "-j", "many", D2], ["check", D2, "--format"], ["bogus"], ["rules", "ZZZ"],
        ["check", D2, str(DAY1), "--previous", D2], ["check", "--select", "ZZZ", D2],
        ["check", "--ignore", "QQ", D2], ["check", "--calendar", "moon", D2],
        ["check", D2, "--closed-days", str(tmp / "d4.txt")],
        ["check", D2, "--closed-days", str(utf16)], ["check", D2, "--open-days", str(not_date)],
        ["check", D2, "--closed-days", str(day), "--open-days", str(day)],
        ["roll", D2, "--closed-days", str(not_date)], ["roll", D2, "--format", "xlsx"],
        ["roll", D2, "--date", "2016/13/45"], ["roll", D2, "--date", "105/12/01"],
        ["roll", D2, "-o", "x.json", "--write", "d"],
        ["show", D2, "--format", "xlsx"], ["show", D2, "-o", "x"], ["show", "--format", "png", D2],
        ["build"], ["build", "in.json", "--newline", "cr"], ["fmt"], ["rules", "A", "B"],
        # build's calendar as the other commands make it; paths that cannot be read (exit 2);
        # serve's own refusals (an address not of this machine, a port out of range)
        ["build", "in.json", "-o", "-", "--previous", str(DAY1), "--closed-days", str(utf16)],
        ["build", "in.json", "-o", "-", "--previous", str(DAY1), "--open-days", str(not_date)],
        ["fmt", "missing.txt"], ["show", "missing.txt"], ["show", "--ruler", "missing.txt"],
        ["roll", "missing.txt"], ["build", "missing.txt"], ["check", "missing.txt"],
        ["serve", "--host", "192.0.2.1", "--port", "0"], ["serve", "--port", "70000"],
    ]


@pytest.mark.parametrize("how", ["option", "locale"])
def test_every_usage_error_reads_as_chinese(run: Run, how: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(key, raising=False)
    if how == "locale":
        monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    for args in _usage_errors(tmp_path):
        argv = [*args, "--lang", "zh-TW"] if how == "option" else args
        r = run(*argv)
        assert r.exit_code == 2, (argv, r.output)
        assert r.stderr.strip(), argv
        for line in r.stderr.splitlines():
            line = line.replace(str(tmp_path), "DIR")
            assert not problems(line, NAMES, touching=False), (argv, line, problems(line, NAMES))
            assert "Error" not in line and "Usage" not in line, (argv, line)


def test_english_keeps_clicks_frame(run: Run) -> None:
    r = run("check", "--format", "xml", D2, env={"LANG": "C"})
    assert r.exit_code == 2
    assert "Usage: cli check [OPTIONS] PATHS..." in r.stderr
    assert "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'html', 'csv'." in r.stderr
