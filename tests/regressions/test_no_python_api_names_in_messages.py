"""Issue 17.2: the CLI said "use --force (overwrite=True)", also in Chinese; and the
library's own refusals named CLI options.  The library's words name neither; the CLI
adds its option."""

from __future__ import annotations

from pathlib import Path

import pytest

import fxreport
from fxreport.core.words import WRITE
from fxreport.policy.writing import WriteRefused
from reports import DAY2, Run


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_existing_output_in_cli_words(run: Run, lang: str, tmp_path: Path) -> None:
    (tmp_path / "ABP1212.txt").write_bytes(b"old")
    r = run("roll", str(DAY2), "--write", str(tmp_path), "--lang", lang)
    assert "--force" in r.stderr and "overwrite" not in r.stderr and "=True" not in r.stderr
    out = tmp_path / "x.html"
    out.write_text("old")
    r = run("check", str(DAY2), "--format", "html", "-o", str(out),
            "--lang", lang)
    assert "--force" in r.stderr and "overwrite" not in r.stderr


def test_library_refusals_name_no_option(tmp_path: Path) -> None:
    for en, zh in WRITE.values():
        assert "--" not in en + zh and "=True" not in en + zh
    report = fxreport.load(DAY2)
    fxreport.dump(report, tmp_path)
    with pytest.raises(FileExistsError) as exc:
        fxreport.dump(report, tmp_path)
    assert "--force" not in str(exc.value) and "exists" in str(exc.value)
    with pytest.raises(WriteRefused) as refused:
        fxreport.dump(report, tmp_path / "wrong.txt")
    assert "-o" not in refused.value.message("zh-TW") and "--force" not in str(refused.value)
