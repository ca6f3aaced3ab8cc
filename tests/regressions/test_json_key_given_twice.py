"""Defect 2: a JSON key given twice was silently resolved to the last one.

It is refused at every nesting level, naming the key path, like the CSV
reader's check for a field given twice.
"""

from __future__ import annotations

from pathlib import Path

from reports import DAY2, Run


def test_a_key_given_twice_is_refused_at_every_level(run: Run, tmp_path: Path) -> None:
    text = run("show", str(DAY2), "--format", "json").stdout
    assert '"AB": 2900,' in text and '"bank": "ABCD",' in text and '"row3": {' in text
    text = (text.replace('"AB": 2900,', '"AB": 2900, "AB": 0,')
                .replace('"bank": "ABCD",', '"bank": "ABCD", "bank": "WXYZ", "bank": "ABCD",')
                .replace('"row3": {', '"row2": {}, "row3": {'))
    r = run("build", "-", "-o", str(tmp_path), input=text)
    assert r.exit_code == 1, r.output
    assert "<stdin>: bank: given 3 times; keep one" in r.stderr
    assert "<stdin>: row1.AB: given 2 times; keep one" in r.stderr
    assert "<stdin>: row2: given 2 times; keep one" in r.stderr
    assert list(tmp_path.iterdir()) == []
