"""Hostile input: mutation fuzzing, locating properties, size limits, paths, Big5 edges.

Seeds are every file under samples/ and tests/corpus/.  The "ci" Hypothesis profile
runs in the suite; `HYPOTHESIS_PROFILE=long python -m pytest tests/test_hostile.py`
fuzzes for much longer.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from fxreport.checking.checker import check_bytes
import fxreport
from fxreport.core.fields import AMOUNT, CODE, RESERVED, ROC_DATE, FieldFormatError
from fxreport.core.layout import AMOUNTS, LAYOUT, ROWS
from fxreport.checking.reading import read_limited
from fxreport.core.rules import CATEGORIES, RULES
from reports import DAY2, FXREPORT, ROOT, Run, put

SEEDS = sorted({p.read_bytes() for p in [*ROOT.joinpath("samples").rglob("*.txt"),
                                          *ROOT.joinpath("tests", "corpus").rglob("*.txt")]
                if p.stat().st_size < 70_000})
FINDING_KEYS = {"code", "severity", "category", "row", "start", "end", "field", "message", "hint", "found", "expected",
                "verified"}


def _records(data: bytes) -> list[bytes]:
    return data.split(b"\n")


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "swap", "duplicate",
                                     "newlines", "utf8", "utf16", "random", "splice"]))
        n = len(data)
        if kind == "flip" and n:
            i = draw(st.integers(0, n - 1))
            data = data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1:]
        elif kind == "insert":
            i = draw(st.integers(0, n))
            data = data[:i] + draw(st.binary(min_size=1, max_size=8)) + data[i:]
        elif kind == "delete" and n:
            i = draw(st.integers(0, n - 1))
            data = data[:i] + data[i + draw(st.integers(1, 20)):]
        elif kind == "truncate":
            data = data[:draw(st.integers(0, n))]
        elif kind in ("swap", "duplicate"):
            recs = _records(data)
            if len(recs) > 1:
                i, j = draw(st.integers(0, len(recs) - 1)), draw(st.integers(0, len(recs) - 1))
                if kind == "swap":
                    recs[i], recs[j] = recs[j], recs[i]
                else:
                    recs.insert(j, recs[i])
                data = b"\n".join(recs)
        elif kind == "newlines":
            data = draw(st.sampled_from([data.replace(b"\r\n", b"\n"), data.replace(b"\n", b"\r\n"),
                                         data.replace(b"\r\n", b"\r"), data.replace(b"\n", b"\n\n")]))
        elif kind == "utf8":
            data = data.decode("cp950", "replace").encode("utf-8")
        elif kind == "utf16":
            data = data.decode("latin-1").encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32"])))
        elif kind == "random":
            data = draw(st.binary(max_size=2000))
        elif kind == "splice":
            other = draw(st.sampled_from(SEEDS))
            i = draw(st.integers(0, n))
            data = data[:i] + other[draw(st.integers(0, len(other))):]
    return data


def _well_formed(entry: dict) -> None:
    assert set(entry) == {"path", "bank", "date", "valid", "findings"}
    assert entry["valid"] is not any(f["severity"] == "error" for f in entry["findings"])
    for f in entry["findings"]:
        assert set(f) == FINDING_KEYS
        rule = RULES[f["code"]]
        # FORMAT.md 7.1: a continuity mismatch across a gap (a CNT003 in the file) is a warning
        gap = f["code"] == "CNT001" and any(x["code"] == "CNT003" for x in entry["findings"])
        assert f["severity"] == ("warning" if gap else rule.severity)
        assert f["category"] == rule.category in CATEGORIES
        assert isinstance(f["message"], str) and f["message"] and isinstance(f["hint"], str)
        if f["start"] is not None:
            assert f["row"] in (1, 2, 3) and 1 <= f["start"] <= f["end"] <= 213


@given(mutated())
def test_library_check_never_raises(data: bytes) -> None:
    result = check_bytes(data, "ABP1209.txt")
    for f in result.findings:
        f.message("en"), f.hint("en"), f.message("zh-TW"), f.hint("zh-TW")
    assert result.valid is not any(f.severity == "error" for f in result.findings)


@settings(max_examples=60)
@given(mutated())
def test_cli_json_and_text_never_fail_on_content(run: Run, data: bytes) -> None:
    r = run("check", "-", "--format", "json", input=data)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code in (0, 1)
    out = json.loads(r.stdout)
    assert set(out) == {"version", "files", "summary"}
    _well_formed(out["files"][0])
    assert out["summary"]["valid"] == int(out["files"][0]["valid"])
    assert (r.exit_code == 0) == out["files"][0]["valid"]
    for lang in ("en", "zh-TW"):
        t = run("check", "-", "--lang", lang, input=data)
        assert t.exception is None or isinstance(t.exception, SystemExit), t.exception
        assert t.exit_code == r.exit_code


def test_installed_cli_on_mutated_files(tmp_path: Path) -> None:
    """A real process over a few hundred mutated files: JSON always, exit status 0 or 1."""
    import random

    rng = random.Random(1)
    folder = tmp_path / "fuzz"
    folder.mkdir()
    for i in range(300):
        data = bytearray(rng.choice(SEEDS))
        for _ in range(rng.randint(1, 4)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        (folder / f"f{i:03d}.txt").write_bytes(bytes(data))
    p = subprocess.run([*FXREPORT, "check", "--format", "json", str(folder)], capture_output=True, text=True)
    assert "Traceback" not in p.stderr
    out = json.loads(p.stdout)
    assert len(out["files"]) == 300
    for entry in out["files"]:
        _well_formed(entry)
    status = 0 if all(entry["valid"] for entry in out["files"]) else 1  # the verdict decides it
    assert p.returncode == status, p.stderr
    p = subprocess.run([*FXREPORT, "check", str(folder)], capture_output=True, text=True)
    assert p.returncode == status and "Traceback" not in p.stderr


# --- locating: one corrupted field is reported at that field ------------------------

_ALLOWED = {AMOUNT: b"0123456789 +-", CODE: b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            ROC_DATE: b"0123456789/", RESERVED: b" "}


@given(st.sampled_from(LAYOUT), st.data())
def test_a_corrupted_field_is_reported_at_that_field(field, data) -> None:  # type: ignore[no-untyped-def]
    bad = [b for b in range(256) if b not in _ALLOWED[field.type] and b != 0x0A]
    offset = data.draw(st.integers(0, field.width - 1))
    byte = data.draw(st.sampled_from(bad))
    raw = put(DAY2.read_bytes(), field.row, field.start + offset, bytes([byte]))
    result = check_bytes(raw, "ABP1209.txt")
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors, (field, byte)
    assert {(f.row, f.start, f.end) for f in errors} == {(field.row, field.start, field.end)}, \
        (field, hex(byte), result.findings)


# --- size limits ------------------------------------------------------------------

def test_a_sparse_multi_gigabyte_file_is_one_finding_read_in_one_bounded_read(run: Run, tmp_path: Path) -> None:
    big = tmp_path / "ABP1209.txt"
    with open(big, "wb") as fh:
        fh.write(DAY2.read_bytes())
        fh.truncate(4 * 1024**3)  # 4 GiB, sparse
    r = run("check", "--format", "json", str(big))
    f = json.loads(r.stdout)["files"][0]
    assert r.exit_code == 1
    assert [x["code"] for x in f["findings"]] == ["STR006"]


def test_read_limited_reads_no_more_than_the_limit() -> None:
    class Endless:
        def __init__(self) -> None:
            self.read_total = 0

        def read(self, n: int) -> bytes:
            self.read_total += n
            return b"x" * n

    src = Endless()
    data = read_limited(src, 1000)  # type: ignore[arg-type]
    assert len(data) == 1001 and src.read_total == 1001


def test_special_files_are_refused_not_read(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "ABP1209.txt"
    os.mkfifo(fifo)  # opening it normally would block forever
    r = run("check", str(fifo))
    assert r.exit_code == 2 and "not a regular file" in r.stderr
    r = run("check", "/dev/zero")
    assert r.exit_code == 2


# --- paths ------------------------------------------------------------------------

def test_awkward_directories(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = tmp_path / "in box"
    d.mkdir()
    (d / "ABP1209.txt").write_bytes(DAY2.read_bytes())
    (d / "with space.txt").write_bytes(DAY2.read_bytes())
    (d / "sub.txt").mkdir()  # a sub-directory named like a report: skipped
    (d / "broken.txt").symlink_to(d / "nowhere")
    (d / "loop.txt").symlink_to(d / "loop.txt")
    weird = os.fsencode(str(d)) + b"/\xff\xfeP1209.txt"
    with open(weird, "wb") as fh:
        fh.write(DAY2.read_bytes())
    locked = d / "locked.txt"
    locked.write_bytes(DAY2.read_bytes())
    real_read = __import__("fxreport.checking.reading", fromlist=["read_path"]).read_path

    def deny(path, *a):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked.txt"):  # root ignores chmod 000, so refuse here
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path, *a)

    monkeypatch.setattr("fxreport.checking.batch.read_path", deny)
    r = run("check", "--format", "json", str(d))
    assert r.exit_code == 2
    out = json.loads(r.stdout)
    names = sorted(os.path.basename(f["path"]) for f in out["files"])
    assert names == ["ABP1209.txt", "\\xff\\xfeP1209.txt", "with space.txt"]
    unread = sorted(os.path.basename(u["path"]) for u in out["unreadable"])
    assert unread == ["broken.txt", "locked.txt", "loop.txt"]
    assert "permission denied" in r.stderr and "broken.txt" in r.stderr
    by_name = {os.path.basename(f["path"]): f for f in out["files"]}
    assert sorted(x["code"] for x in by_name["with space.txt"]["findings"]) == ["CNT004", "NAM001"]
    assert by_name["ABP1209.txt"]["findings"] == []  # the exact name is the date's report (6.4)
    nam = [x for x in by_name["\\xff\\xfeP1209.txt"]["findings"] if x["code"] == "NAM001"]
    assert "\\xff\\xfeP1209.txt" in nam[0]["message"]
    r = run("check", str(d))  # text output too
    assert r.exit_code == 2 and "cannot read" in r.stdout


# --- atomic writes ----------------------------------------------------------------

def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary(run: Run, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from fxreport.policy import atomic

    target = tmp_path / "ABP1209.txt"
    target.write_bytes(b"old contents")

    def boom(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", boom)
    with pytest.raises(OSError):
        atomic.write_atomic(target, DAY2.read_bytes(), overwrite=True)
    assert target.read_bytes() == b"old contents"
    assert os.listdir(tmp_path) == ["ABP1209.txt"]
    r = run("fmt", str(target))  # has errors: untouched anyway
    assert target.read_bytes() == b"old contents"
    target.write_bytes(DAY2.read_bytes().replace(b"\r\n", b"\n"))
    before = target.read_bytes()
    r = run("fmt", str(target))
    assert r.exit_code == 1 and "cannot write" in r.stderr
    assert target.read_bytes() == before and os.listdir(tmp_path) == ["ABP1209.txt"]


def test_a_read_only_directory_writes_nothing(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*a, **k):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")  # what a read-only directory does (root ignores 0o555)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    shown = run("show", str(DAY2), "--format", "json").stdout
    r = run("build", "-", "-o", str(tmp_path), input=shown)
    assert r.exit_code == 1 and "Permission denied" in r.stderr and "nothing was written" in r.stderr
    assert os.listdir(tmp_path) == []


def test_an_interrupted_write_removes_its_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fxreport.policy import atomic

    target = tmp_path / "ABP1209.txt"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(target, b"new", overwrite=True)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["ABP1209.txt"]


# --- Big5 edge cases --------------------------------------------------------------

EDGES = [(row, a, b) for row, fs in ROWS.items() for a, b in zip(fs, fs[1:])]


@pytest.mark.parametrize("row,left,right", EDGES, ids=lambda x: getattr(x, "display", str(x)))
@pytest.mark.parametrize("char", ["台", "碁"])  # A5 78 (trail in ASCII range), F9 D6 (trail >= 0x80)
def test_big5_character_straddling_a_field_edge(row: int, left, right, char: str) -> None:  # type: ignore[no-untyped-def]
    raw = char.encode("cp950")
    data = put(DAY2.read_bytes(), row, left.end, raw)
    result = check_bytes(data, "ABP1209.txt")
    at_left = [f for f in result.findings if (f.row, f.start) == (row, left.start)]
    assert at_left and at_left[0].code == "ENC005"
    msg = at_left[0].message()
    assert raw.hex(" ").upper() in msg and "split by the edge" in msg and char in msg
    if raw[1] >= 0x80:
        assert any((f.row, f.start, f.code) == (row, right.start, "ENC005") for f in result.findings)


@pytest.mark.parametrize("row", [1, 2, 3])
def test_orphan_lead_byte_at_a_records_end(row: int) -> None:
    data = put(DAY2.read_bytes(), row, 213, b"\xa5")
    f = [x for x in check_bytes(data).findings if x.row == row and x.start and x.end == 213]
    assert len(f) == 1 and f[0].code == "ENC005" and "0xA5" in f[0].message()


@pytest.mark.parametrize("lead", [0x81, 0x90, 0xA0, 0xFA, 0xFE])
def test_user_defined_characters_are_named_not_crashed_on(lead: int) -> None:
    data = put(DAY2.read_bytes(), 1, 66, bytes([lead, 0x40]))
    f = [x for x in check_bytes(data).findings if x.start == 64]
    assert f and f[0].code == "ENC005"
    assert f"{lead:02X} 40" in f[0].message() and "user-defined" in f[0].message()


# --- one decoder: the usual case converts, the collector explains everything else -----

@given(mutated())
def test_a_file_is_converted_or_explained(data: bytes) -> None:
    """A file whose fields all parse is converted once, with exactly the values each
    field's type parses; any other file gets at least one finding that says why."""
    from fxreport.checking.decoder import decode

    d = decode(data)
    if d.ints is None:
        assert d.findings
        return
    assert not [f for f in d.findings if f.category in ("field", "reserved", "consistency")]
    for name, value in d.values.items():
        field = AMOUNTS[name]
        assert AMOUNT.parse(field.cut(d.records[field.row - 1])) == value


def _parsed(ftype, raws):  # type: ignore[no-untyped-def]
    """What ``parse`` says of each field: the values, or None when any is malformed."""
    try:
        return [ftype.parse(r) for r in raws]
    except FieldFormatError:
        return None


@settings(max_examples=300)
@given(st.lists(st.text(alphabet=" +-0123456789,.\t", min_size=0, max_size=11), max_size=4))
def test_a_type_reads_many_fields_as_it_parses_each(raws: list[str]) -> None:
    for ftype in (AMOUNT, RESERVED, CODE, ROC_DATE):
        data = tuple(r.encode() for r in raws)
        assert ftype.parse_all(data) == _parsed(ftype, data), (ftype, data)


def test_the_field_tables_read_alone_and_together() -> None:
    from test_fields import ACCEPTED_AMOUNTS, REFUSED_AMOUNTS

    for raw, *_ in [*ACCEPTED_AMOUNTS, *REFUSED_AMOUNTS]:
        assert AMOUNT.parse_all((raw,)) == _parsed(AMOUNT, (raw,)), raw
        assert AMOUNT.parse_all((b"         1", raw)) == _parsed(AMOUNT, (b"         1", raw)), raw
    for raw, value, _ in ACCEPTED_AMOUNTS:
        assert fxreport.loads(put(DAY2.read_bytes(), 1, 24, raw)).row1.ab == value


@settings(max_examples=200)
@given(st.lists(st.integers(-999_999, 999_999), min_size=len(AMOUNTS), max_size=len(AMOUNTS)),
       st.booleans())
def test_the_identities_fast_forms_agree_with_the_table(values: list[int], derived: bool) -> None:
    """The fast path's identity check over the list of amounts (``identities.all_hold``)
    says what ``identities.violations`` says over the named amounts."""
    from fxreport.checking.decoder import amount_names
    from fxreport.core.identities import TARGETS, all_hold, hold_plan, violations
    from reports import derive
    from fxreport.core.layout import FX_POSITION

    AMOUNT_NAMES = amount_names(FX_POSITION)

    named = dict(zip(AMOUNT_NAMES, values))
    if derived:  # every identity holds
        named = derive({k: v for k, v in named.items() if k not in TARGETS})
        values = [named[k] for k in AMOUNT_NAMES]
    holds = not list(violations(named))
    assert holds or not derived
    assert all_hold(values, hold_plan(FX_POSITION.identities, AMOUNT_NAMES)) is holds
