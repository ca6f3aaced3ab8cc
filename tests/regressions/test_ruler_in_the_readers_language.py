"""Issue 16 item 4: `fxreport show --ruler` said each record's line ("row 1, 213 bytes",
"a record is 213: its columns are shifted") in English whatever `--lang` asked.  Its words
are the catalogue's, in the reader's language."""

from __future__ import annotations

from pathlib import Path

from fxreport.outputs.views import ruler_text
from test_zh_tw_reads_as_written_not_translated import problems
from reports import BYTES2, DAY2, Run


def _notes(text: str) -> list[str]:
    """The lines that are words, not bytes, rulers or names under them."""
    return [ln for ln in text.splitlines() if ln and not ln.startswith("     ")]


def test_ruler_in_chinese(run: Run, tmp_path: Path) -> None:
    short = tmp_path / "ABP1209.txt"
    short.write_bytes(BYTES2.replace(b"      -750", b"-750", 1))  # row 1 six bytes short
    for path in (DAY2, short):
        r = run("show", "--ruler", str(path), "--lang", "zh-TW")
        assert r.exit_code == 0, r.output
        notes = _notes(r.stdout)
        assert len(notes) == 3, notes
        for line in notes:
            assert not problems(line), (line, problems(line))
    assert "207" in _notes(run("show", "--ruler", str(short), "--lang", "zh-TW").stdout)[0]


def test_ruler_in_english_unchanged() -> None:
    short = BYTES2.replace(b"      -750", b"-750", 1)
    assert _notes(ruler_text(BYTES2)) == [f"row {i}, 213 bytes" for i in (1, 2, 3)]
    assert _notes(ruler_text(short, "en"))[0] == (
        "row 1, 207 bytes (a record is 213: its columns are shifted)")
