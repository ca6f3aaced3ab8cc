"""The collecting decoder: bytes -> amounts, or every problem with its place.

Phases run in the order a reader needs them: size, encoding (file level),
structure (records and their widths), then each 213-byte record's bytes and
fields, then the three records' agreement on BANK and DATE.  Nothing stops at
the first problem; a phase only skips what an earlier finding made meaningless.
Findings carry a rule code and values; their words are the catalogue's.
"""

from __future__ import annotations

import datetime as _dt
import functools
import operator
import re
from collections.abc import Callable
from typing import Any

from ..core.fields import AMOUNT_MAX, AMOUNT_WIDTH, BIG5, FieldFormatError
from ..core.findings import Finding
from ..core.layout import (
    AMOUNT,
    BANK_FIELD,
    BIG5_TEXT,
    CODE,
    DATE_FIELD,
    HEAD_END,
    RECORD_COUNT,
    RECORD_WIDTH,
    RESERVED,
    ROC_DATE,
    ROWS,
    Field,
)

SIZE_LIMIT = 64 * 1024  # a daily report is 645 bytes
EOF_MARK = b"\x1a"  # Ctrl-Z, the DOS end-of-file mark (FORMAT.md 6.5)

_NOT_PRINTABLE = rb"[^\x20-\x7e]"  # compiled on first use (re's cache): valid files never need it
_CONTROL_NAMES = {0x00: "NUL", 0x09: "TAB", 0x0D: "CR", 0x0C: "FF", 0x1A: "SUB", 0x7F: "DEL"}


class Decoded:
    """What the syntax phases made of a file."""

    __slots__ = ("findings", "_values", "ints", "heads", "records", "crlf", "lf")

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self._values: dict[str, int] | None = {}
        # from the whole-file fast path: every amount, in the layout's order (else None)
        self.ints: list[int] | None = None
        # per row: (firm code or None, date or None), None where unreadable
        self.heads: dict[int, tuple[str | None, _dt.date | None]] = {}
        self.records: list[bytes] = []
        self.crlf = 0
        self.lf = 0

    @property
    def values(self) -> dict[str, int]:
        """The well-formed amounts by annex name."""
        if self._values is None:
            self._values = dict(zip(AMOUNT_NAMES, self.ints))  # type: ignore[arg-type]
        return self._values

    @values.setter
    def values(self, values: dict[str, int]) -> None:
        self._values = values

    @property
    def bank(self) -> str | None:
        return self.heads.get(1, (None, None))[0]

    @property
    def date(self) -> _dt.date | None:
        return self.heads.get(1, (None, None))[1]


def split_records(data: bytes) -> tuple[list[bytes], int, int]:
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
    return lines, crlf, max(lf, 0)


def decode(data: bytes, fast: bool = True) -> Decoded:
    """Every syntax finding of ``data`` (``fast=False`` skips the fast paths, for tests)."""
    d = Decoded()
    if fast and len(data) in _WHOLE and _fast_file(d, data):
        return d
    if _whole_file(d, data):
        return d
    if data.endswith(EOF_MARK):
        data = data[:-1]
        d.findings.append(Finding("STR007"))
    records, d.crlf, d.lf = split_records(data)
    if d.crlf and d.lf:
        d.findings.append(Finding("STR005", crlf=d.crlf, lf=d.lf))
    if fast and len(records) == RECORD_COUNT and _fast(d, records):
        d.records = records
        return d
    from . import encoding as enc  # (the fast paths never need it)

    kind = enc.binary_kind(data)
    if kind:
        d.findings = [Finding("ENC003", **kind)]
        return d
    records = _drop_trailing_empty(d, records)
    if len(records) == RECORD_COUNT:
        _collect(d, data, records)
    elif records:
        _wrong_record_count(d, records)
    d.findings.sort(key=Finding.sort_key)
    if len(records) == RECORD_COUNT and d.findings:
        _note_swapped(d, records)
    return d


def _note_swapped(d: Decoded, records: list[bytes]) -> None:
    """Two rows in each other's place (issue 17.14): every field of each fits the other's
    layout.  The findings stay as they are; the first one's hint says so."""
    for a, b in ((1, 2), (2, 3), (1, 3)):
        ra, rb = records[a - 1], records[b - 1]
        if len(ra) != RECORD_WIDTH or len(rb) != RECORD_WIDTH or ra == rb:
            continue
        if not any(f.row in (a, b) for f in d.findings):
            continue
        trial: list[Finding] = []
        decode_record(ra, ROWS[b], b, trial, {})
        decode_record(rb, ROWS[a], a, trial, {})
        if not trial:
            d.findings[0].params["swapped"] = (a, b)
            return


def _whole_file(d: Decoded, data: bytes) -> bool:
    """File-level problems that stop every other check (size, UTF-16/32, UTF-8 BOM)."""
    if len(data) > SIZE_LIMIT:
        d.findings.append(Finding("STR006", limit=SIZE_LIMIT))
        return True
    from . import encoding as enc

    wide = enc.utf16_or_32(data)
    if wide:
        d.findings.append(Finding("ENC001", **wide))
        return True
    if data.startswith(b"\xef\xbb\xbf"):
        d.findings.append(Finding("ENC002"))
        return True
    return False


def _drop_trailing_empty(d: Decoded, records: list[bytes]) -> list[bytes]:
    trailing = 0
    while records and not records[-1].strip(b" \t"):
        records.pop()
        trailing += 1
    d.records = records
    if not records:
        d.findings.append(Finding("STR001"))
    elif trailing:
        d.findings.append(Finding("STR004", count=trailing))
    return records


def _wrong_record_count(d: Decoded, records: list[bytes]) -> None:
    """Not 3 records: one finding, no field checks (a record's position is its identity);
    BANK and DATE are still read from the first record when it is readable."""
    d.findings.append(Finding("STR002", count=len(records), reason=_what_it_looks_like(records)))
    first = records[0]
    if len(first) == RECORD_WIDTH and not re.search(_NOT_PRINTABLE, first):
        d.heads[1] = (_quiet(CODE.parse, BANK_FIELD.cut(first)),
                      _quiet(ROC_DATE.parse, DATE_FIELD.cut(first)))


def _what_it_looks_like(records: list[bytes]) -> str:
    """Why a file does not have 3 records, as STR002's reason: text of another kind
    (JSON, CSV, anything with no 213-byte line) is named instead of counted."""
    first = next((r.strip() for r in records if r.strip()), b"")
    if re.match(rb'\{|\[\s*([\[{"\]0-9tfn-]|\Z)', first):  # an object or an array ([x] is INI)
        return "looks_json"
    if all(len(r) != RECORD_WIDTH for r in records):
        if first.count(b",") >= 2 or first.count(b"\t") >= 2:
            return "looks_csv"
        return "looks_text"
    return "one_record" if len(records) == 1 else "records_count"


def _collect(d: Decoded, data: bytes, records: list[bytes]) -> None:
    """Field by field, every problem of three records."""
    codec: list[tuple[str, dict[str, Any]]] = []  # how the file decodes, found once if needed
    for row, rec in enumerate(records, 1):
        if len(rec) != RECORD_WIDTH:
            short = len(rec) < RECORD_WIDTH
            tab = rec.find(b"\t") + 1 if short else 0  # a tab that replaced spaces (issue 17.5)
            d.findings.append(Finding("STR003", row, length=len(rec),
                                      reason="tab_short" if tab else "too_short" if short
                                      else "too_long", n=abs(len(rec) - RECORD_WIDTH),
                                      column=tab, tabs=rec.count(b"\t")))
            continue
        if re.search(_NOT_PRINTABLE, rec) and not codec:
            from . import encoding as enc

            codec.append(enc.describe_non_ascii(data))
        d.heads[row] = decode_record(rec, ROWS[row], row, d.findings, d.values,
                                     codec[0] if codec else None)
    _consistency(d, records)


def decode_record(rec: bytes, fields: tuple[Field, ...], row: int, out: list[Finding],
                  values: dict[str, int],
                  codec: tuple[str, dict[str, Any]] | None = None,
                  ) -> tuple[str | None, _dt.date | None]:
    """One record's fields through their types: amounts into ``values``, problems into
    ``out``; returns the record's (BANK, DATE), None where malformed."""
    bad = _byte_findings(row, rec, fields, codec) if codec is not None else {}
    out.extend(bad.values())
    head: dict[object, object] = {}
    for field, raw in zip(fields, unpacker(fields)(rec)):
        if field in bad:
            continue
        try:
            value = field.type.parse(raw)
        except FieldFormatError as exc:
            params = dict(exc.params)
            if "offset" in params:  # a byte inside the field: name its column
                params["column"] = field.start + params.pop("offset")
            out.append(Finding(exc.code or field.type.code, row, field, raw,
                               reason=exc.reason, **params))
            continue
        if field.type is AMOUNT:
            values[field.name] = value
        else:
            head[field.type] = value
    return head.get(CODE), head.get(ROC_DATE)  # type: ignore[return-value]


def _slices(slices: list[slice]) -> Callable[[bytes], tuple[bytes, ...]]:
    """A function giving the bytes of each slice, as one tuple (``itemgetter`` in C; no
    ``struct`` to import at start-up)."""
    get = operator.itemgetter(*slices)
    return get if len(slices) > 1 else (lambda b: (get(b),))  # type: ignore[return-value]


@functools.lru_cache(maxsize=None)
def unpacker(fields: tuple[Field, ...]) -> Callable[[bytes], tuple[bytes, ...]]:
    """Split a record into its fields' bytes, by the layout."""
    return _slices([slice(f.start - 1, f.end) for f in fields])


# --- the fast paths --------------------------------------------------------------------------
# One pass for the usual case, three well-formed records that agree: anything they do
# not accept goes to the field-by-field collector, which alone makes findings.  The
# first takes the whole file at once when it has the usual shape (three records, each
# ended by CRLF, or each by LF), before the file-level phases: bytes it accepts are
# printable ASCII in every column, so they hold no byte order mark, no NUL and no
# Ctrl-Z.  The second takes the three records once the file-level phases are done.

def _row_plan(row: int) -> tuple[Any, ...]:
    """(the amount fields, their names, the reserved fields, their blank bytes)."""
    fields = ROWS[row]
    amounts = [f for f in fields if f.type is AMOUNT]
    reserved = [f for f in fields if f.type is RESERVED]
    return (_slices([slice(f.start - 1, f.end) for f in amounts]), tuple(f.name for f in amounts),
            _slices([slice(f.start - 1, f.end) for f in reserved]),
            b" " * sum(f.width for f in reserved))


def _file_plan(terminator: bytes) -> tuple[Any, ...] | None:
    """(the amount fields, the reserved fields and terminators, what those hold, the
    record step) of a whole file of three records each ended by ``terminator``; None
    when the layout has a field the fast paths do not judge."""
    step = RECORD_WIDTH + len(terminator)
    amounts, fixed, blank = [], [], []
    for row in range(1, RECORD_COUNT + 1):
        at = (row - 1) * step
        for f in ROWS[row]:
            if f.type is AMOUNT:
                amounts.append(slice(at + f.start - 1, at + f.end))
            elif f.type is RESERVED:
                fixed.append(slice(at + f.start - 1, at + f.end))
                blank.append(b" " * f.width)
            elif f.end > HEAD_END:  # BANK and DATE are judged apart; anything else is not
                return None
        fixed.append(slice(at + RECORD_WIDTH, at + step))
        blank.append(terminator)
    return _slices(amounts), _slices(fixed), b"".join(blank), step


_FAST = {row: _row_plan(row) for row in ROWS}
AMOUNT_NAMES = tuple(name for row in ROWS for name in _FAST[row][1])  # the layout's order
_WHOLE = {RECORD_COUNT * (RECORD_WIDTH + len(t)): (plan, t == b"\r\n")
          for t in (b"\r\n", b"\n") for plan in [_file_plan(t)] if plan is not None}
_CODE_OK = CODE.matches
_UNIFORM = all(f.width == AMOUNT_WIDTH for row in ROWS.values() for f in row if f.type is AMOUNT)
_LAST = slice(AMOUNT_WIDTH - 1, None, AMOUNT_WIDTH + 1)
_AMOUNT_BYTES = b" +-0123456789"


def _fast_file(d: Decoded, data: bytes) -> bool:
    """Fill ``d`` from a whole file of the usual shape when it is well formed; False
    otherwise (``d`` untouched)."""
    (amounts, fixed, blank, step), crlf = _WHOLE[len(data)]
    if b"".join(fixed(data)) != blank:
        return False
    head = data[:HEAD_END]
    if data[step:step + HEAD_END] != head or data[2 * step:2 * step + HEAD_END] != head:
        return False
    ints = _amounts(amounts(data))
    if ints is None or max(ints) > AMOUNT_MAX or min(ints) < -AMOUNT_MAX:
        return False
    if not _same_head(d, head):
        return False
    d.ints = ints
    d._values = None  # made from ints when asked for
    d.records = [data[:RECORD_WIDTH], data[step:step + RECORD_WIDTH],
                 data[2 * step:2 * step + RECORD_WIDTH]]
    if crlf:
        d.crlf = RECORD_COUNT
    else:
        d.lf = RECORD_COUNT
    return True


def _fast(d: Decoded, records: list[bytes]) -> bool:
    """Fill ``d`` when all three records are well formed and agree; False otherwise."""
    head = records[0][:HEAD_END]
    if records[1][:HEAD_END] != head or records[2][:HEAD_END] != head:
        return False
    values: dict[str, int] = {}
    for row, rec in enumerate(records, 1):
        if len(rec) != RECORD_WIDTH:
            return False
        amounts, names, reserved, blank = _FAST[row]
        ints = _amounts(amounts(rec))
        if ints is None or b"".join(reserved(rec)) != blank:
            return False
        if max(ints) > AMOUNT_MAX or min(ints) < -AMOUNT_MAX:
            return False
        values.update(zip(names, ints))
    if not _same_head(d, head):
        return False
    d.values = values
    return True


def _same_head(d: Decoded, head: bytes) -> bool:
    """The BANK and DATE the three records share, when both are well formed."""
    bank_raw = BANK_FIELD.cut(head)
    date = _date(DATE_FIELD.cut(head))
    if date is None or not _CODE_OK(bank_raw):
        return False
    bank = _bank(bank_raw)
    d.heads = {1: (bank, date), 2: (bank, date), 3: (bank, date)}
    return True


def _amounts(amounts: tuple[bytes, ...]) -> list[int] | None:
    """The values when every field is ``^ *[+-]?[0-9]+$`` (FORMAT.md section 2), checked
    for a whole row at once: only spaces, signs and digits; no field ends with a space;
    and ``int`` accepts each (so one sign, before the digits, and a digit at least)."""
    joined = b"\n".join(amounts) + b"\n"
    if joined.translate(None, _AMOUNT_BYTES) != b"\n" * len(amounts):
        return None
    # no field ends with a space: each field's last byte is every (AMOUNT_WIDTH + 1)-th
    # when all are that wide (a slice: cheaper than searching for " \n")
    if (b" " in joined[_LAST]) if _UNIFORM else (b" \n" in joined):
        return None
    try:
        return list(map(int, amounts))
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _bank(raw: bytes) -> str:
    """A firm code's text: one string per firm code, however many files (a series keeps
    them all)."""
    return raw.decode("ascii")


@functools.lru_cache(maxsize=4096)
def _date(raw: bytes) -> _dt.date | None:
    return _quiet(ROC_DATE.parse, raw)


def _quiet(parse: Callable[[bytes], object], raw: bytes):  # type: ignore[no-untyped-def]
    try:
        return parse(raw)
    except FieldFormatError:
        return None


# --- agreement of the three records -------------------------------------------------------

def _consistency(d: Decoded, records: list[bytes]) -> None:
    """Rows 2 and 3 must carry row 1's BANK and DATE (skipped where either is malformed)."""
    if 1 not in d.heads:
        return
    bank1, date1 = d.heads[1]
    for row in (2, 3):
        if row not in d.heads:
            continue
        bank, date = d.heads[row]
        rec = records[row - 1]
        if bank1 and bank and bank != bank1:
            field = ROWS[row][0]
            d.findings.append(Finding("CON001", row, field, field.cut(rec), expected=bank1))
        if date1 and date and date != date1:
            field = ROWS[row][1]
            d.findings.append(Finding("CON002", row, field, field.cut(rec),
                                      expected=DATE_FIELD.cut(records[0]).decode("ascii")))


# --- bytes that are not printable ASCII ------------------------------------------------------

def _byte_findings(row: int, rec: bytes, fields: tuple[Field, ...],
                   codec: tuple[str, dict[str, Any]]) -> dict[Field, Finding]:
    """One finding per field that holds a control or non-ASCII byte.

    ``codec`` is how the whole file decodes (cp950, utf-8, or "" with chardet's
    guess); it decides how a non-ASCII character is named.
    """
    columns = _columns(fields)
    found: dict[Field, Finding] = {}
    i, n = 0, len(rec)
    while i < n:
        b = rec[i]
        field = columns[i]
        if 0x20 <= b < 0x7F or field.type is BIG5_TEXT:
            i += 1  # a Big5 text field's own type judges its bytes
            continue
        if b < 0x80:
            # NUL/control bytes in a reserved field are the reserved rule's (FORMAT.md
            # section 2: "Zeros, NULs or text are findings"); elsewhere they are encoding's
            if field not in found and field.type is not RESERVED:
                name = _CONTROL_NAMES.get(b)
                found[field] = Finding("ENC004", row, field, field.cut(rec), column=i + 1,
                                       byte=f"0x{b:02X} ({name})" if name else f"0x{b:02X}")
            i += 1
            continue
        width, char = describe_char(rec, i, codec)
        end = min(i + width, n)
        last = columns[end - 1]
        split = {"left": field.display, "right": last.display} if last is not field else {}
        for j in range(i, end):
            part = columns[j]
            if rec[j] >= 0x80 and part not in found:
                found[part] = Finding("ENC005", row, part, part.cut(rec), column=j + 1,
                                      split=split, **char)
        i += width
    return found


@functools.lru_cache(maxsize=None)
def _columns(fields: tuple[Field, ...]) -> list[Field]:
    return [f for f in fields for _ in range(f.width)]


def describe_char(rec: bytes, i: int, codec: tuple[str, dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    """(byte width, the catalogue's reason and values) for the non-ASCII character at ``i``."""
    b = rec[i]
    name, guess = codec
    if name == "utf-8":
        width = 2 if 0xC0 <= b < 0xE0 else 3 if 0xE0 <= b < 0xF0 else 4 if 0xF0 <= b < 0xF8 else 1
        piece = rec[i:i + width]
        try:
            return width, {"reason": "utf8_char", "char": piece.decode("utf-8"), "bytes": _hex(piece)}
        except UnicodeDecodeError:
            pass
    if 0x81 <= b <= 0xFE:
        if i + 1 >= len(rec):
            return 1, {"reason": "big5_orphan", "bytes": _hex(rec[i:i + 1])}
        piece = rec[i:i + 2]
        try:
            return 2, {"reason": "big5_char", "char": piece.decode(BIG5), "bytes": _hex(piece)}
        except UnicodeDecodeError:
            if b <= 0xA0 or b >= 0xFA:
                return 2, {"reason": "big5_user_defined", "bytes": _hex(piece)}
    if guess:
        return 1, {"reason": "not_big5_guess", "bytes": _hex(rec[i:i + 1]), **guess}
    return 1, {"reason": "not_big5", "bytes": _hex(rec[i:i + 1])}


def _hex(piece: bytes) -> str:
    return piece.hex(" ").upper()
