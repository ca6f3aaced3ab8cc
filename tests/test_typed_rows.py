"""The model's rows are typed statically for today's layout (issue 16 item 8): the stub
``fxreport/core/_rows.pyi`` is generated from ``FX_POSITION`` (stale: this fails), and a
type checker run on a user's code sees ``report.row1.acust`` as an ``int``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fxreport import specs
from fxreport.core.layout import FX_POSITION
from fxreport.core.model import Report
from reports import ROOT

STUB = ROOT / "fxreport" / "core" / "_rows.pyi"


def test_the_rows_stub_is_generated_from_the_layout() -> None:
    assert STUB.read_text(encoding="utf-8") == specs.rows_stub(), (
        "fxreport/core/_rows.pyi is stale: run `python -m fxreport.specs`")


def test_the_stub_states_the_fields_the_model_has_at_run_time() -> None:
    """What the stub says (from the layout) is what ``report_model`` made (from the layout)."""
    stub = STUB.read_text(encoding="utf-8")
    for row in range(1, len(FX_POSITION.records) + 1):
        model = Report.model_fields[f"row{row}"].annotation
        body = stub.split(f"class Row{row}(BaseModel):")[1].split("\nclass ")[0]
        attrs = [line.split(":")[0].strip() for line in body.splitlines() if ": int" in line]
        assert attrs == list(model.model_fields)  # type: ignore[union-attr]
    assert all(f"    row{r}: Row{r}" in stub for r in (1, 2, 3))


SNIPPET = '''\
import fxreport
from fxreport.core.model import Report


def net(report: Report) -> int:
    reveal_type(report.row1.acust)
    reveal_type(fxreport.loads(b"").row3.pos)
    return report.row1.acust + report.row2.forward


def typo(report: Report) -> int:
    return report.row1.acustt
'''


def test_a_type_checker_sees_the_rows_fields(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is in the [test] extra")
    (tmp_path / "snippet.py").write_text(SNIPPET, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
                          "--cache-dir", str(tmp_path / "cache"), "snippet.py"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300)
    lines = run.stdout.splitlines()
    assert 'snippet.py:6: note: Revealed type is "int"' in lines, run.stdout + run.stderr
    assert 'snippet.py:7: note: Revealed type is "int"' in lines, run.stdout
    # a misspelt field is an error, not Any
    assert any(line.startswith("snippet.py:12: error:") and "acustt" in line
               for line in lines), run.stdout
    # and the only one: every other line type-checks
    assert all(line.startswith("snippet.py:12:") for line in lines if ": error:" in line), run.stdout
