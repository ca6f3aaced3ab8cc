"""Issue 17.8: types for API users.  `dump`/`dumps` take `Literal` newline and sign
styles; `check_paths` takes `os.PathLike` as well as `str`; an editable install is found
by mypy (the install is a plain path in a .pth file, so `fxreport/py.typed` is seen)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import get_args

import fxreport
from fxreport.api import Newline, SignStyle
from fxreport.checking.pipeline import check_paths
from fxreport.core.fields import SIGN_STYLES
from reports import DAY2, ROOT, SAMPLES

USER = '''
from pathlib import Path

import fxreport
from fxreport.checking.pipeline import check_paths

report = fxreport.load(Path("ABP1209.txt"))
data: bytes = fxreport.dumps(report, newline="lf", sign_style="zero-fill")
code: int = check_paths([Path("samples")]).exit_status()
fxreport.dumps(report, newline="cr")  # the one error: not a newline style
'''


def test_the_literals_are_the_formats() -> None:
    assert get_args(SignStyle) == SIGN_STYLES and get_args(Newline) == ("crlf", "lf")


def test_check_paths_takes_path_objects() -> None:
    outcome = check_paths([SAMPLES / "ABP1208.txt", DAY2])
    assert [r.path for r in outcome.reports] == [str(SAMPLES / "ABP1208.txt"), str(DAY2)]
    assert outcome.exit_status() == 0
    assert fxreport.dumps(fxreport.load(DAY2), newline="lf").count(b"\n") == 3


def test_mypy_finds_the_package_and_its_types(tmp_path: Path) -> None:
    assert (ROOT / "fxreport" / "py.typed").exists()
    (tmp_path / "user.py").write_text(USER)
    p = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--follow-imports=silent",
                        "user.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    out = p.stdout + p.stderr
    assert "py.typed" not in out and "import-not-found" not in out and "import-untyped" not in out, out
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert len(errors) == 1 and "user.py:10:" in errors[0] and "Literal['crlf', 'lf']" in errors[0], out
