"""Issue 16 item 4: a finding's line ("CODE FIELD(label) message" at its place) was
composed in five places, and the API's exception wrote `row 1 columns 44-53: [ARI001]`
with a half-width colon in Chinese too.  ``Finding.line`` composes the line and
``Finding.parts`` its field, label and message, and every output calls them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fxreport
from fxreport.core.findings import Finding
from reports import BYTES2, Run

BAD = BYTES2.replace(b"      -750", b"      -749", 1)  # ACUST off by one: ARI001 (and ARI011)


def test_api_exception_in_chinese() -> None:
    with pytest.raises(fxreport.ReportInvalidError) as exc:
        fxreport.dumps(fxreport.loads(BAD))
    zh = exc.value.text("zh-TW")
    assert "第 1 列第 44-53 位元組：[ARI001] ACUST（" in zh and ": [" not in zh, zh
    assert "  row 1 columns 44-53: [ARI001] ACUST(" in exc.value.text("en")


def test_every_output_calls_the_one_function(run: Run, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ABP1209.txt"
    path.write_bytes(BAD)
    parts = Finding.parts

    def marked(self: Finding, lang: str = "en") -> tuple[str, str, str]:
        field, label, text = parts(self, lang)
        return field, label, "MARK-" + text

    monkeypatch.setattr(Finding, "parts", marked)
    for fmt in ("text", "json", "html"):
        out = run("check", str(path), "--format", fmt).stdout
        assert "MARK-" in out, fmt
    built = run("build", "-", "-o", "-", input=json.dumps(fxreport.loads(BAD).to_json_dict()))
    assert "ARI001 ACUST(spot settled, with customers: net) MARK-" in built.stderr
    with pytest.raises(fxreport.ReportInvalidError) as exc:
        fxreport.dumps(fxreport.loads(BAD))
    assert "[ARI001] ACUST(spot settled, with customers: net) MARK-" in exc.value.text()
