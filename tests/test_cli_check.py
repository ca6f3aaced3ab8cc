"""`fxreport check` and `fxreport rules` through click's CliRunner and as a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from fxreport.checking.pipeline import CheckOptions, check_paths
from fxreport.outputs import default_lang
from fxreport.core.rules import RULES
from reports import BROKEN, CORPUS, DAY1, DAY2, FXREPORT, Run, put




def test_text_output_points_at_the_columns_and_gives_the_hint(run: Run) -> None:
    path = str(BROKEN / "left-aligned" / "ABP1209.txt")
    r = run("check", path, "--lang", "en")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"{path}: ABCD 2016-12-09 (105/12/09): INVALID")
    head = f"{path}:1:24-33: FLD003 AB(spot settled, with customers: bought) not an amount as the report writes one"
    assert any(line.startswith(head) for line in lines)
    i = next(n for n, line in enumerate(lines) if line.startswith(head))
    excerpt, marker = lines[i + 1], lines[i + 2]
    col = excerpt.index("2900")
    assert marker.index("^") == col and marker.count("^") == 10  # under columns 24-33
    assert lines[i + 3].strip() == "found '2900      '"
    assert lines[i + 4].strip().startswith("hint: right-align")
    assert "\x1b[" not in r.stdout  # not a terminal: no colour


def test_zh_tw_switches_messages_labels_and_hints(run: Run) -> None:
    r = run("check", str(BROKEN / "reserved-zeros" / "ABP1209.txt"), "--lang", "zh-TW")
    assert "AFS（保留欄位）" in r.stdout
    assert "AFS（保留欄位）第 64-73 位元組須全部填空白" in r.stdout
    assert "建議：請將這 10 個位元組全部改為半形空白" in r.stdout
    assert "不通過" in r.stdout
    j = json.loads(run("check", str(BROKEN / "reserved-zeros" / "ABP1209.txt"),
                       "--lang", "zh-TW", "--format", "json").stdout)
    assert "保留欄位" in j["files"][0]["findings"][0]["message"]


@pytest.mark.parametrize("env,lang", [({"LANG": "zh_TW.UTF-8"}, "zh-TW"), ({"LANG": "en_US.UTF-8"}, "en"),
                                      ({"LC_ALL": "zh_TW.Big5", "LANG": "en_US"}, "zh-TW"),
                                      ({}, "en"), ({"LANG": "zh_CN.UTF-8"}, "en")])
def test_default_language_comes_from_the_locale(env: dict[str, str], lang: str) -> None:
    assert default_lang(env) == lang


def test_json_contract_shape(run: Run) -> None:
    r = run("check", "--format", "json", str(BROKEN / "arithmetic" / "ABP1209.txt"), str(DAY1))
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert set(out) == {"version", "files", "summary"} and out["version"] == 1
    assert out["summary"] == {"files": 2, "valid": 1, "errors": 1, "warnings": 1, "verified": 0}
    # issue 17 item 11: each firm's reports in date order, whatever order the paths came in
    assert [f["date"] for f in out["files"]] == ["2016-12-08", "2016-12-09"]
    bad = out["files"][1]
    assert set(bad) == {"path", "bank", "date", "valid", "findings"}
    assert (bad["bank"], bad["date"], bad["valid"]) == ("ABCD", "2016-12-09", False)
    f = bad["findings"][0]
    assert set(f) == {"code", "severity", "category", "row", "start", "end", "field", "message", "hint",
                      "found", "expected", "verified"}
    assert f["verified"] is None
    assert (f["code"], f["severity"], f["category"], f["row"], f["start"], f["end"], f["field"]) == \
        ("ARI001", "error", "arithmetic", 1, 44, 53, "ACUST")
    assert "-751" in f["message"] and "-750" in f["message"]


def test_unreadable_file_gives_null_bank_and_date(run: Run) -> None:
    r = run("check", "--format", "json", str(BROKEN / "utf16" / "ABP1209.txt"))
    f = json.loads(r.stdout)["files"][0]
    assert (f["bank"], f["date"], f["valid"]) == (None, None, False)
    assert f["findings"][0]["row"] is None and f["findings"][0]["field"] is None


def test_select_and_ignore_by_code_or_prefix(run: Run) -> None:
    path = str(BROKEN / "arithmetic" / "ABP1209.txt")
    codes = lambda *a: [f["code"] for f in json.loads(run("check", "--format", "json", path, *a).stdout)["files"][0]["findings"]]  # noqa: E731
    assert codes() == ["ARI001", "ARI011"]
    assert codes("--ignore", "ARI011") == ["ARI001"]
    assert codes("--select", "ARI01") == ["ARI011"]
    assert codes("--select", "FLD,RSV") == []
    assert run("check", path, "--ignore", "ARI001").exit_code == 0
    assert run("check", path, "--ignore", "ARI001", "--strict").exit_code == 1


def test_standard_input_is_checked_without_a_name(run: Run) -> None:
    r = run("check", "-", "--format", "json", input=DAY2.read_bytes())
    out = json.loads(r.stdout)
    assert r.exit_code == 0 and out["files"][0]["path"] == "<stdin>" and out["files"][0]["valid"]
    r = run("check", "-", "--format", "json", input=put(DAY2.read_bytes(), 1, 64, b"0"))
    assert r.exit_code == 1


def test_closed_days_file_moves_the_previous_business_day(run: Run, tmp_path: Path) -> None:
    # 2016-12-12 (Mon) after 2016-12-08 (Thu): 12/09 missing, unless 12/09 was a typhoon day
    shutil.copy(DAY1, tmp_path / "ABP1208.txt")
    twelfth = json.loads((CORPUS / "series-missing-day" / "expected.json")
                         .read_text())  # the same pair the corpus uses
    assert twelfth["files"]["ABP1212.txt"]["findings"] == [["CNT003", None, None]]
    src = CORPUS / "series-missing-day" / "ABP1212.txt"
    shutil.copy(src, tmp_path / "ABP1212.txt")
    plain = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert [f["code"] for f in plain["files"][1]["findings"]] == ["CNT003"]
    closed = tmp_path / "closed.txt"
    closed.write_text("# typhoon\n105/12/09\n", encoding="utf-8")
    r = run("check", "--format", "json", "--closed-days", str(closed), str(tmp_path))
    assert json.loads(r.stdout)["files"][1]["findings"] == []
    bad = tmp_path / "bad.txt"
    bad.write_text("not a date\n", encoding="utf-8")
    r = run("check", "--closed-days", str(bad), str(tmp_path))
    assert r.exit_code == 2 and "not a date" in r.stderr


def test_usage_errors_exit_2(run: Run) -> None:
    assert run("check").exit_code == 2
    assert run("check", "--format", "xml", str(DAY1)).exit_code == 2
    r = run("check", str(DAY1), str(DAY2), "--previous", str(DAY1))
    assert r.exit_code == 2 and "--previous" in r.stderr
    r = run("check", str(DAY2), "--previous", "/nonexistent/ABP1208.txt")
    assert r.exit_code == 2


def test_rules_lists_and_explains(run: Run) -> None:
    r = run("rules", "--lang", "en")
    assert r.exit_code == 0
    assert [line.split()[0] for line in r.stdout.splitlines()] == list(RULES)
    r = run("rules", "ari001", "--lang", "zh-TW")
    assert r.exit_code == 0 and "ACUST = AB - AS" in r.stdout and "修正" in r.stdout
    r = run("rules", "XYZ999")
    assert r.exit_code == 2 and "no rule" in r.stderr


def test_version_and_help(run: Run) -> None:
    from fxreport import __version__

    assert run("--version").stdout.strip().endswith(__version__)
    r = run("--help")
    assert r.exit_code == 0 and "check" in r.stdout and "rules" in r.stdout


def test_real_process_json_and_exit_status() -> None:
    broken = str(BROKEN / "left-aligned" / "ABP1209.txt")
    p = subprocess.run([*FXREPORT, "check", "--format", "json", str(DAY1), broken],
                       capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert p.returncode == 1, p.stderr
    out = json.loads(p.stdout)
    assert [f["valid"] for f in out["files"]] == [True, False]
    assert p.stderr == ""
    p = subprocess.run([*FXREPORT, "check", str(DAY2), "--previous", str(DAY1)],
                       capture_output=True, text=True)
    assert p.returncode == 0 and "valid" in p.stdout


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from fxreport.outputs import use_colour

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Tty())  # type: ignore[arg-type]


def test_directory_without_reports_is_said_and_exits_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x")
    r = run("check", str(tmp_path))
    assert r.exit_code == 2 and "no *.txt files" in r.stderr


@pytest.mark.parametrize("method", [None, "spawn"])
@pytest.mark.parametrize("given", ["files", "folders"])
def test_parallel_workers_give_exactly_the_serial_result(monkeypatch: pytest.MonkeyPatch,
                                                         method: str | None, given: str) -> None:
    from fxreport.checking import batch

    corpus = CORPUS
    if given == "files":
        paths = sorted(str(p) for p in corpus.rglob("*.txt"))
    else:
        paths = sorted(str(p.parent) for p in corpus.rglob("*.txt"))
    paths += [str(corpus / "missing.txt")]  # unreadable, in a worker's share
    serial = check_paths(paths, CheckOptions(jobs=1))
    monkeypatch.setattr(batch, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(batch, "FORK_THRESHOLD", 10)
    monkeypatch.setattr(batch, "START_METHOD", method)
    parallel = check_paths(paths, CheckOptions(jobs=3))

    def summary(o):  # type: ignore[no-untyped-def]
        return ([(r.path, r.bank, r.date, r.valid, r.records, r.prior, r.today,
                  [(f.code, f.row, f.start, f.message()) for f in r.findings])
                 for r in o.reports], o.unreadable)

    assert summary(parallel) == summary(serial)
    assert any(f.code == "CNT004" for r in serial.reports for f in r.findings)
    assert serial.unreadable and any(r.valid for r in serial.reports)


def test_a_failing_worker_is_an_error_and_leaves_no_process(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    from fxreport.checking import batch

    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    for i in range(40):
        (tmp_path / f"AB{i:02d}.txt").write_bytes(b"x")
    real = batch.check_one

    def check_one(path, calendar=None):  # type: ignore[no-untyped-def]
        if path.endswith("AB39.txt"):
            raise ValueError("boom")
        return real(path, calendar)

    forked = []
    fork = os.fork

    def recorded_fork() -> int:
        pid = fork()
        forked.append(pid)
        return pid

    monkeypatch.setattr(batch, "FORK_THRESHOLD", 10)
    monkeypatch.setattr(batch, "check_one", check_one)
    monkeypatch.setattr(os, "fork", recorded_fork)
    with pytest.raises(RuntimeError, match="ValueError: boom"):
        check_paths([str(tmp_path)], CheckOptions(jobs=3))
    assert len(forked) == 2
    for pid in forked:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped


def test_each_commands_help_begins_with_its_paragraph_in_the_table() -> None:
    """The first paragraph of a command's help is stated once, in ``commands.COMMANDS``:
    the command's own help begins with it, and `fxreport --help` lists it unimported."""
    import importlib
    import inspect

    import click

    from fxreport.cli import LazyGroup
    from fxreport.commands import COMMANDS

    eager = click.Group("fxreport")
    for name, (module, text) in COMMANDS.items():
        cmd = getattr(importlib.import_module(module), name)
        assert cmd.name == name and cmd.help is not None
        first = inspect.cleandoc(cmd.help).split("\n\n")[0]
        assert first.split() == text.split()  # what `fxreport --help` shortens
        eager.add_command(cmd)

    def listing(group: click.Group) -> str:
        formatter = click.HelpFormatter(width=72)
        group.format_commands(click.Context(group), formatter)
        return formatter.getvalue()

    whole = click.HelpFormatter(width=72)  # every summary whole, never cut (issue 17.15)
    with whole.section("Commands"):
        whole.write_dl([(name, " ".join(COMMANDS[name][1].split())) for name in sorted(COMMANDS)])
    lazy = LazyGroup("fxreport")
    assert listing(lazy) == whole.getvalue() and not lazy.commands  # nothing imported to list them
    assert "check   Check report files against every rule of the format." in listing(lazy)
