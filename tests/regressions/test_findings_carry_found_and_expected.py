"""JSON findings carried the found and expected values only inside `message` (6.6)."""

from __future__ import annotations

import json

from reports import BYTES1 as DAY1, BYTES2 as DAY2, Run, put


def _findings(run: Run, path: str, *args: str) -> list[dict]:  # type: ignore[type-arg]
    r = run("check", "--format", "json", *args, path)
    return [f for file in json.loads(r.stdout)["files"] for f in file["findings"]]


def test_arithmetic_names_the_field_text_and_the_computed_amount(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "ABP1209.txt"
    p.write_bytes(put(DAY2, 1, 44, b"      -749"))
    f = next(f for f in _findings(run, str(p)) if f["code"] == "ARI001")
    assert (f["code"], f["found"], f["expected"]) == ("ARI001", "      -749", "-750")


def test_control_bytes_are_escaped_and_naming_gives_the_expected_name(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "wrong.txt"
    p.write_bytes(put(DAY2, 1, 64, b"\x00" * 10))
    fs = {f["code"]: f for f in _findings(run, str(p))}
    assert fs["RSV001"]["found"] == "\\x00" * 10 and fs["RSV001"]["expected"] is None
    assert (fs["NAM001"]["found"], fs["NAM001"]["expected"]) == ("wrong.txt", "ABP1209.txt")


def test_continuity_expects_the_previous_reports_amount(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "ABP1209.txt"
    p.write_bytes(put(DAY2, 1, 14, b"     12345"))
    prev = tmp_path / "ABP1208.txt"
    prev.write_bytes(DAY1)
    fs = [f for f in _findings(run, str(p), "--previous", str(prev)) if f["code"] == "CNT001"]
    assert fs and fs[0]["found"] == "     12345" and fs[0]["expected"] == "12508"


def test_text_output_shows_found_and_expected(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "ABP1209.txt"
    p.write_bytes(put(DAY2, 1, 44, b"      -749"))
    r = run("check", "--lang", "en", str(p))
    assert "found '      -749'; expected '-750'" in r.stdout
    r = run("check", "--lang", "zh-TW", str(p))
    assert "實際內容「      -749」；應為「-750」" in r.stdout
