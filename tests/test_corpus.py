"""The check corpus: every case's files through `fxreport check --format json`.

Each folder under tests/corpus holds a case's files and expected.json, written
by hand from FORMAT.md (see tests/corpus/build.py).  The (code, row, start) of
every finding, each file's `valid` and the exit status must match exactly, and so
must every finding's end column, `found`, `expected` and the values its message was
filled with (recorded in `details` when the corpus was built).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from fxreport.core.rules import CATEGORIES, RULES
from reports import CORPUS, CORPUS_CASES as CASES, Run



def _run(run: Run, folder: Path, expected: dict) -> tuple[int, dict]:
    result = run("check", "--format", "json", *expected["args"], *expected["paths"], cwd=folder)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout) if result.stdout else None


@pytest.mark.parametrize("name", CASES)
def test_case(run: Run, name: str) -> None:
    folder = CORPUS / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    code, out = _run(run, folder, expected)
    assert code == expected["exit"]
    if code == 2 and not expected["files"]:  # a usage error: no output on stdout
        assert out is None
        return
    got = {os.path.normpath(f["path"]): f for f in out["files"]}
    for path, notes in expected.get("verified", {}).items():  # FORMAT.md 7.6
        marked = [[f["code"], f["row"], f["start"], f["verified"]["note"]]
                  for f in got[path]["findings"] if f["verified"] is not None]
        assert marked == notes
        assert out["summary"]["verified"] == len(notes)
    assert out.get("stale_verified") == (
        [dict(zip(("line", "bank", "date", "code", "field"), x))
         for x in expected["stale_verified"]] if "stale_verified" in expected else None)
    for path, want in expected["files"].items():
        assert path in got, f"{path} not in the output: {sorted(got)}"
        entry = got[path]
        found = Counter((f["code"], f["row"], f["start"]) for f in entry["findings"])
        assert found == Counter(tuple(x) for x in want["findings"]), entry["findings"]
        keys = ("code", "row", "start", "end", "found", "expected")
        assert sorted([[f[k] for k in keys] for f in entry["findings"]], key=str) == sorted(
            [[d[k] for k in keys] for d in want["details"]], key=str)
        for f in entry["findings"]:  # every filled placeholder is in the message as printed
            (d,) = [d for d in want["details"] if [d[k] for k in keys] == [f[k] for k in keys]][:1]
            for value in d["placeholders"].values():
                assert value in f["message"], (value, f["message"])
        assert entry["valid"] is want["valid"]
        for f in entry["findings"]:
            rule = RULES[f["code"]]
            # FORMAT.md 7.1: a continuity mismatch across a gap (CNT003 in the file) is a warning
            across_gap = f["code"] == "CNT001" and any(x["code"] == "CNT003" for x in entry["findings"])
            severity = "warning" if across_gap else rule.severity
            assert (f["severity"], f["category"]) == (severity, rule.category)
            assert f["category"] in CATEGORIES
            assert f["message"] and f["hint"]
            if f["row"] is not None and f["start"] is not None:
                assert 1 <= f["start"] <= f["end"] <= 213
    s = out["summary"]
    assert s["files"] == len(out["files"])
    assert s["valid"] == sum(1 for f in out["files"] if f["valid"])
    assert s["errors"] == sum(1 for f in out["files"] for x in f["findings"] if x["severity"] == "error")


def test_every_rule_has_a_case() -> None:
    seen = set()
    for name in CASES:
        expected = json.loads((CORPUS / name / "expected.json").read_text(encoding="utf-8"))
        for want in expected["files"].values():
            seen.update(x[0] for x in want["findings"])
    assert set(RULES) - seen == set()


def test_corpus_is_what_build_py_writes(tmp_path: Path) -> None:
    """The committed folders are exactly what tests/corpus/build.py writes."""
    subprocess.run([sys.executable, "-c",
                    "import runpy, sys, pathlib; "
                    f"runpy.run_path({str(CORPUS / 'build.py')!r}, run_name='corpus')"
                    f"['main'](pathlib.Path({str(tmp_path)!r}))"],
                   check=True, capture_output=True)

    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and "__pycache__" not in p.parts and p.name != "build.py"}

    assert tree(tmp_path) == tree(CORPUS)


def test_every_output_meets_the_published_schema(run: Run) -> None:
    """`fxreport schema check` is the contract: every corpus case's output meets it."""
    import jsonschema_rs

    printed = run("schema", "check")
    assert printed.exit_code == 0
    validator = jsonschema_rs.validator_for(json.loads(printed.stdout))
    for name in CASES:
        folder = CORPUS / name
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        _, out = _run(run, folder, expected)
        if out is not None:
            validator.validate(out)
    # the schema can fail: a summary without `verified`, a finding of an unknown category
    assert not validator.is_valid({"version": 1, "files": [],
                                   "summary": {"files": 0, "valid": 0, "errors": 0, "warnings": 0}})
    bad = {"code": "X", "severity": "error", "category": "style", "row": None, "start": None,
           "end": None, "field": None, "message": "m", "hint": "h", "found": None,
           "expected": None, "verified": None}
    assert not validator.is_valid({"version": 1, "files": [{"path": "p", "bank": None, "date": None,
                                                            "valid": False, "findings": [bad]}],
                                   "summary": {"files": 1, "valid": 0, "errors": 1, "warnings": 0,
                                               "verified": 0}})
