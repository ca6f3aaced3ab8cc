"""The collecting decoder: bytes -> amounts, or every problem with its place.

Phases run in the order a reader needs them: size, encoding (file level),
structure (records and their widths), then each 213-byte record's bytes and
fields, then the three records' agreement on BANK and DATE.  Nothing stops at
the first problem; a phase only skips what an earlier finding made meaningless.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import struct

from . import encoding as enc
from .fields import BIG5, FieldFormatError, parse_amount, parse_code, parse_roc_date
from .findings import Finding
from .layout import AMOUNT, CODE, RECORD_COUNT, RECORD_WIDTH, RESERVED, ROC_DATE, ROWS, Field

SIZE_LIMIT = 64 * 1024  # a daily report is 645 bytes

def _amount_pattern(width: int) -> str:
    """Exactly the valid S9(9) forms of ``width`` bytes, |v| <= 999,999,999 included:
    k spaces, then a sign and width-k-1 digits, or width-k digits (a leading 0 when
    there is no space, so that ten digits cannot exceed nine nines)."""
    forms = []
    for k in range(width):
        n = width - k
        digits = f"0[0-9]{{{n - 1}}}" if k == 0 else f"[0-9]{{{n}}}"
        forms.append(f" {{{k}}}(?:[+-][0-9]{{{n - 1}}}|{digits})" if n > 1 else f" {{{k}}}[0-9]")
    return "(" + "|".join(forms) + ")"


def _row_pattern(fields: tuple[Field, ...]) -> re.Pattern[bytes]:
    """A regex that matches a record exactly when every field of it is well formed."""
    parts = []
    for f in fields:
        if f.type is AMOUNT:
            parts.append(_amount_pattern(f.width))
        elif f.type is CODE:
            parts.append("([A-Z0-9]{4})")
        elif f.type is ROC_DATE:
            parts.append("([0-9]{3}/[0-9]{2}/[0-9]{2})")
        elif f.type is RESERVED:
            parts.append(f" {{{f.width}}}")
        else:
            raise ValueError(f"no fast pattern for {f.type}")
    return re.compile("".join(parts).encode("ascii"))


# The fast path: one match per record; anything it does not match goes to the
# field-by-field collector, which alone produces findings.
_FAST = {r: (_row_pattern(fs).fullmatch, tuple(f.name for f in fs if f.type is AMOUNT))
         for r, fs in ROWS.items()}
_UNPACK = {r: struct.Struct("".join(f"{f.width}s" for f in fs)).unpack for r, fs in ROWS.items()}
_PLAN = {r: tuple((f, f.type, f.name, b" " * f.width) for f in fs) for r, fs in ROWS.items()}
_COLUMN_FIELD = {r: [f for f in fs for _ in range(f.width)] for r, fs in ROWS.items()}
_NOT_PRINTABLE = re.compile(rb"[^\x20-\x7e]")
_CONTROL_NAMES = {0x00: "NUL", 0x09: "TAB", 0x0D: "CR", 0x0C: "FF", 0x1A: "SUB", 0x7F: "DEL"}


class Decoded:
    """What the syntax phases made of a file."""

    __slots__ = ("findings", "values", "heads", "records", "crlf", "lf", "final_newline")

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.values: dict[str, int] = {}  # well-formed amounts by annex name
        # per row: (firm code or None, date or None), None where unreadable
        self.heads: dict[int, tuple[str | None, _dt.date | None]] = {}
        self.records: list[bytes] = []
        self.crlf = 0
        self.lf = 0
        self.final_newline = True

    @property
    def bank(self) -> str | None:
        return self.heads.get(1, (None, None))[0]

    @property
    def date(self) -> _dt.date | None:
        return self.heads.get(1, (None, None))[1]



def split_records(data: bytes) -> tuple[list[bytes], int, int, bool]:
    """Lines without their terminators, with the count of CRLF and LF endings."""
    lines = data.split(b"\n")
    final = lines[-1] == b""
    if final:
        lines.pop()
    crlf = 0
    for i, line in enumerate(lines):
        if line.endswith(b"\r"):
            lines[i] = line[:-1]
            crlf += 1
    lf = len(lines) - crlf - (0 if final else 1)
    if not final and data.endswith(b"\r"):
        lf += 1  # the unterminated last line's lone CR was counted as CRLF
        crlf -= 1
    return lines, crlf, max(lf, 0), final


def decode(data: bytes, fast: bool = True) -> Decoded:
    """Every syntax finding of ``data`` (``fast=False`` skips the fast path, for tests)."""
    d = Decoded()
    out = d.findings
    if len(data) > SIZE_LIMIT:
        out.append(Finding("STR006", limit=SIZE_LIMIT))
        return d
    wide = enc.utf16_or_32(data)
    if wide:
        out.append(Finding("ENC001", encoding=wide))
        return d
    if data.startswith(b"\xef\xbb\xbf"):
        out.append(Finding("ENC002"))
        return d
    records, d.crlf, d.lf, d.final_newline = split_records(data)
    if fast and len(records) == RECORD_COUNT and _fast(d, records):
        d.records = records
        if d.crlf and d.lf:
            out.append(Finding("STR005", crlf=d.crlf, lf=d.lf))
        return d
    kind = enc.binary_kind(data)
    if kind:
        out.append(Finding("ENC003", kind=kind))
        return d

    trailing = 0
    while records and not records[-1].strip(b" \t"):
        records.pop()
        trailing += 1
    d.records = records
    if not records:
        out.append(Finding("STR001"))
        return d
    if trailing:
        out.append(Finding("STR004", count=trailing))
    if d.crlf and d.lf:
        out.append(Finding("STR005", crlf=d.crlf, lf=d.lf))
    if len(records) != RECORD_COUNT:
        out.append(Finding("STR002", count=len(records)))
        first = records[0]
        if len(first) == RECORD_WIDTH and not _NOT_PRINTABLE.search(first):
            d.heads[1] = (_quiet(parse_code, first[0:4]), _quiet(parse_roc_date, first[4:13]))
        return d

    codec: list[tuple[str, str]] = []  # the file's (codec, note), found once when needed
    raws: dict[int, tuple[bytes, bytes]] = {}
    values = d.values
    for row, rec in enumerate(records, 1):
        if len(rec) != RECORD_WIDTH:
            fix, fix_zh = _length_fix(rec)
            out.append(Finding("STR003", row, length=len(rec), fix=fix, fix_zh=fix_zh))
            continue
        bad: dict[Field, Finding] = {}
        if _NOT_PRINTABLE.search(rec):
            if not codec:
                codec.append(enc.describe_non_ascii(data) if not data.isascii() else ("ascii", ""))
            bad = _byte_findings(row, rec, *codec[0])
            out.extend(bad.values())
        bank = date = None
        for (field, kind, name, blank), raw in zip(_PLAN[row], _UNPACK[row](rec)):
            if field in bad:
                continue
            if kind is AMOUNT:
                try:
                    values[name] = parse_amount(raw)
                except FieldFormatError as exc:
                    if exc.reason == "range":
                        out.append(Finding("FLD004", row, field, raw, value=int(raw)))
                    else:
                        out.append(Finding("FLD003", row, field, raw, reason=exc.reason))
            elif kind is RESERVED:
                if raw != blank:
                    out.append(Finding("RSV001", row, field, raw))
            elif kind is CODE:
                try:
                    bank = parse_code(raw)
                except FieldFormatError as exc:
                    out.append(Finding("FLD001", row, field, raw, reason=exc.reason))
            elif kind is ROC_DATE:
                try:
                    date = parse_roc_date(raw)
                except FieldFormatError as exc:
                    out.append(Finding("FLD002", row, field, raw, reason=exc.reason))
        d.heads[row] = (bank, date)
        raws[row] = (rec[0:4], rec[4:13])

    _consistency(d, raws)
    out.sort(key=Finding.sort_key)
    return d


def _fast(d: Decoded, records: list[bytes]) -> bool:
    """Fill ``d`` when all three records are well formed and agree; False otherwise."""
    head = records[0][:13]
    if records[1][:13] != head or records[2][:13] != head:
        return False
    values: dict[str, int] = {}
    for row, rec in enumerate(records, 1):
        match, names = _FAST[row]
        m = match(rec)
        if m is None:
            return False
        values.update(zip(names, map(int, m.groups()[2:])))
    date = _date(head[4:13])
    if date is None:
        return False
    bank = head[:4].decode("ascii")
    d.values = values
    d.heads = {1: (bank, date), 2: (bank, date), 3: (bank, date)}
    return True


@functools.lru_cache(maxsize=4096)
def _date(raw: bytes) -> _dt.date | None:
    try:
        return parse_roc_date(raw)
    except FieldFormatError:
        return None


def _consistency(d: Decoded, raws: dict[int, tuple[bytes, bytes]]) -> None:
    """Rows 2 and 3 must carry row 1's BANK and DATE (skipped where either is malformed)."""
    if 1 not in d.heads:
        return
    bank1, date1 = d.heads[1]
    for row in (2, 3):
        if row not in d.heads:
            continue
        bank, date = d.heads[row]
        if bank1 and bank and bank != bank1:
            d.findings.append(Finding("CON001", row, ROWS[row][0], raws[row][0], expected=bank1))
        if date1 and date and date != date1:
            d.findings.append(Finding("CON002", row, ROWS[row][1], raws[row][1],
                                      expected=raws[1][1].decode("ascii")))


def _quiet(parse, raw: bytes):  # type: ignore[no-untyped-def]
    try:
        return parse(raw)
    except FieldFormatError:
        return None


def _length_fix(rec: bytes) -> tuple[str, str]:
    """How to mend a record of the wrong length, in English and Chinese."""
    n = len(rec) - RECORD_WIDTH
    if n > 0:
        return (f"remove {n} byte(s): look for a stray character or a value wider than its "
                "field (the ruler: `fxreport show --ruler FILE`)",
                f"請刪除多出的 {n} 個位元組：檢查是否有多餘字元或超過欄寬的數值")
    return (f"add the missing {-n} byte(s): editors often trim the trailing blank reserved "
            "columns; pad the line with spaces to 213 bytes",
            f"請補上缺少的 {-n} 個位元組：編輯器常刪除行尾保留欄位的空白，請補空白至 213 位元組")


def _byte_findings(row: int, rec: bytes, codec: str, note: str) -> dict[Field, Finding]:
    """One finding per field that holds a control or non-ASCII byte.

    ``codec`` is how the whole file decodes (cp950, utf-8, or "" with chardet's
    guess in ``note``); it decides how a non-ASCII character is named.
    """
    columns = _COLUMN_FIELD[row]
    found: dict[Field, Finding] = {}
    if codec in ("cp950", "utf-8", "ascii"):
        note = ""
    i, n = 0, len(rec)
    while i < n:
        b = rec[i]
        if 0x20 <= b < 0x7F:
            i += 1
            continue
        field = columns[i]
        if b < 0x80:
            # NUL/control bytes in a reserved field are the reserved rule's (FORMAT.md
            # section 2: "Zeros, NULs or text are findings"); elsewhere they are encoding's
            if field not in found and field.type != RESERVED:
                name = _CONTROL_NAMES.get(b, "control")
                found[field] = Finding("ENC004", row, field, rec[field.start - 1:field.end],
                                       column=i + 1, byte=f"0x{b:02X} ({name})")
            i += 1
            continue
        width, what, what_zh = _describe_char(rec, i, codec, note)
        for j in range(i, min(i + width, n)):
            part = columns[j]
            if rec[j] >= 0x80 and part not in found:
                last = columns[min(i + width, n) - 1]
                w, wz = what, what_zh
                if last is not field:
                    w += f", split by the edge between {field.display} and {last.display}"
                    wz += f"，被 {field.display} 與 {last.display} 的欄位邊界切開"
                found[part] = Finding("ENC005", row, part, rec[part.start - 1:part.end],
                                      column=j + 1, what=w, what_zh=wz)
        i += width
    return found


def _describe_char(rec: bytes, i: int, codec: str, note: str) -> tuple[int, str, str]:
    """(byte width, English text, Chinese text) for the non-ASCII character at ``i``."""
    b = rec[i]
    if codec == "utf-8":
        width = 2 if 0xC0 <= b < 0xE0 else 3 if 0xE0 <= b < 0xF0 else 4 if 0xF0 <= b < 0xF8 else 1
        piece = rec[i:i + width]
        try:
            ch = piece.decode("utf-8")
            return (width, f"UTF-8 character '{ch}' (bytes {piece.hex(' ').upper()}); "
                           "this file is UTF-8: re-save it as Big5/ANSI",
                    f"UTF-8 字元 '{ch}' (位元組 {piece.hex(' ').upper()})；此檔為 UTF-8，請另存為 Big5/ANSI")
        except UnicodeDecodeError:
            pass
    if 0x81 <= b <= 0xFE:
        if i + 1 >= len(rec):
            return (1, f"byte 0x{b:02X}, a Big5 lead byte with no second byte at the record's end",
                    f"位元組 0x{b:02X}：Big5 前導位元組位於列尾，缺少第二個位元組")
        piece = rec[i:i + 2]
        try:
            ch = piece.decode(BIG5)
            return (2, f"Big5 character '{ch}' (bytes {piece.hex(' ').upper()})",
                    f"Big5 字元 '{ch}' (位元組 {piece.hex(' ').upper()})")
        except UnicodeDecodeError:
            if b <= 0xA0 or b >= 0xFA:
                return (2, f"bytes {piece.hex(' ').upper()}, a Big5 user-defined character "
                           "that cp950 cannot decode",
                        f"位元組 {piece.hex(' ').upper()}：Big5 造字區字元，cp950 無法解碼")
    extra = f"; {note}" if note else ""
    return (1, f"byte 0x{b:02X}, which is not valid Big5{extra}",
            f"位元組 0x{b:02X}：不是有效的 Big5{extra}")
