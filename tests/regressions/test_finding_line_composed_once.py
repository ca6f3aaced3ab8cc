"""Issue 16.4: a finding's "FIELD(label) message" was composed five ways (text output,
JSON, build's lines, the API's exceptions, ...).  One function, ``Finding.message``,
composes it and every output shows that line."""

from __future__ import annotations

import json

import pytest

import fxreport
from fxreport.checking.checker import check_bytes
from reports import BYTES2, Run

BAD = BYTES2.replace(b"      -750", b"      -749", 1)  # ACUST off by one: ARI001 (and ARI011)


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_every_output_shows_the_one_line(run: Run, lang: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "ABP1209.txt").write_bytes(BAD)
    [f] = [f for f in check_bytes(BAD, "ABP1209.txt").findings if f.code == "ARI001"]
    line = f.message(lang)
    assert line.startswith("ACUST(spot settled, with customers: net) is -749" if lang == "en"
                           else "ACUST（[即期已交割部位][與顧客交易] 買賣淨額）為 -749")
    path = str(tmp_path / "ABP1209.txt")
    text = run("check", path, "--lang", lang).stdout
    assert f"{path}:1:44-53: ARI001 {line}\n" in text
    doc = json.loads(run("check", path, "--lang", lang,
                         "--format", "json").stdout)
    assert line in [x["message"] for x in doc["files"][0]["findings"]]
    report = fxreport.loads(BAD)
    shown = report.to_json_dict()
    r = run("build", "-", "-o", "-", "--lang", lang, input=json.dumps(shown))
    assert r.exit_code == 1 and f"ARI001 {line}" in r.stderr
    with pytest.raises(fxreport.ReportInvalidError) as exc:
        fxreport.dumps(report)
    assert f"[ARI001] {line}" in exc.value.text(lang)


def test_no_colon_after_the_chinese_label() -> None:
    """「BAL（...）：為 12,276」 read badly: the Chinese label is followed by the message."""
    [f] = [f for f in check_bytes(BAD, "ABP1209.txt").findings if f.code == "ARI001"]
    assert "）：為" not in f.message("zh-TW") and "）為 -749" in f.message("zh-TW")
    assert "ACUST (" not in f.message("en")
