"""The collecting decoder: bytes -> amounts, or every problem with its place.

Phases run in the order a reader needs them: size, encoding (file level),
structure (records and their widths), then each record's bytes and fields (the
``Layout`` says how many records, how wide, and which fields), then the records'
agreement on their heads (today's annex: BANK and DATE).  Nothing stops at
the first problem; a phase only skips what an earlier finding made meaningless.
Findings carry a rule code and values; their words are the catalogue's.
"""

from __future__ import annotations

import datetime as _dt
import functools
import operator
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from . import encoding as enc
from ..core.fields import AMOUNT, BIG5, BIG5_TEXT, BOMS, CODE, RESERVED, ROC_DATE, FieldFormatError, FieldType
from ..core.findings import Finding
from ..core.layout import FX_POSITION, Field, Layout

SIZE_LIMIT = 64 * 1024  # a daily report is 645 bytes
EOF_MARK = b"\x1a"  # Ctrl-Z, the DOS end-of-file mark (FORMAT.md 6.5)

_NOT_PRINTABLE = rb"[^\x20-\x7e]"  # compiled on first use (re's cache): valid files never need it
_CONTROL_NAMES = {0x00: "NUL", 0x09: "TAB", 0x0D: "CR", 0x0C: "FF", 0x1A: "SUB", 0x7F: "DEL"}


class Decoded:
    """What the syntax phases made of a file."""

    __slots__ = ("findings", "_values", "ints", "heads", "records", "crlf", "lf", "layout")

    def __init__(self, layout: Layout = FX_POSITION) -> None:
        self.layout = layout
        self.findings: list[Finding] = []
        self._values: dict[str, int] | None = {}
        # when every field parsed: every amount, in the layout's order (else None)
        self.ints: list[int] | None = None
        # per row: its head fields' values (``layout.heads``), None where malformed
        self.heads: dict[int, tuple[Any, ...]] = {}
        self.records: list[bytes] = []
        self.crlf = 0
        self.lf = 0

    @property
    def values(self) -> dict[str, int]:
        """The well-formed amounts by annex name."""
        if self._values is None:
            self._values = dict(zip(amount_names(self.layout), self.ints or ()))
        return self._values

    def _identity(self, ftype: FieldType) -> Any:
        head = self.heads.get(1)
        if head is None:
            return None
        for f, value in zip(self.layout.heads, head):
            if f.type is ftype:
                return value
        return None

    @property
    def bank(self) -> str | None:
        """Row 1's firm code, None where malformed or where the layout has none."""
        value = self._identity(CODE)
        return value if isinstance(value, str) else None

    @property
    def date(self) -> _dt.date | None:
        """Row 1's report date, None where malformed or where the layout has none."""
        value = self._identity(ROC_DATE)
        return value if isinstance(value, _dt.date) else None


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


def decode(data: bytes, layout: Layout = FX_POSITION) -> Decoded:
    """Every syntax finding of ``data`` read as ``layout``; the amounts where well formed."""
    d = Decoded(layout)
    if _whole_file(d, data):
        return d
    if data.endswith(EOF_MARK):
        data = data[:-1]
        d.findings.append(Finding("STR007"))
    records, d.crlf, d.lf = split_records(data)
    if d.crlf and d.lf:
        d.findings.append(Finding("STR005", crlf=d.crlf, lf=d.lf))
    if len(records) == len(layout.records) and _convert(d, records):
        return d
    kind = enc.binary_kind(data)
    if kind:
        d.findings = [Finding("ENC003", **kind)]
        return d
    records = _drop_trailing_empty(d, records)
    if len(records) == len(layout.records):
        _collect(d, data, records)
    elif records:
        _wrong_record_count(d, records)
    d.findings.sort(key=Finding.sort_key)
    if len(records) == len(layout.records) and d.findings:
        _note_swapped(d, records)
    return d


def _note_swapped(d: Decoded, records: list[bytes]) -> None:
    """Two rows in each other's place (issue 17.14): every field of each fits the other's
    layout.  The findings stay as they are; the first one's hint says so."""
    rows, width = d.layout.records, d.layout.width
    pairs = [(a, b) for a in range(1, len(rows) + 1) for b in range(a + 1, len(rows) + 1)]
    for a, b in pairs:
        ra, rb = records[a - 1], records[b - 1]
        if len(ra) != width or len(rb) != width or ra == rb:
            continue
        if not any(f.row in (a, b) for f in d.findings):
            continue
        trial: list[Finding] = []
        decode_record(ra, rows[b - 1], b, trial, {}, None, d.layout.heads)
        decode_record(rb, rows[a - 1], a, trial, {}, None, d.layout.heads)
        if not trial:
            d.findings[0].params["swapped"] = (a, b)
            return


def _whole_file(d: Decoded, data: bytes) -> bool:
    """File-level problems that stop every other check (size, UTF-16/32, UTF-8 BOM)."""
    if len(data) > SIZE_LIMIT:
        d.findings.append(Finding("STR006", limit=SIZE_LIMIT))
        return True
    wide = enc.utf16_or_32(data)
    if wide:
        d.findings.append(Finding("ENC001", **wide))
        return True
    if data.startswith(BOMS["UTF-8"]):
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
    """Not the layout's number of records: one finding, no field checks (a record's
    position is its identity); the identity (BANK and DATE) is still read from the first
    record when it is readable."""
    d.findings.append(Finding("STR002", count=len(records),
                              reason=_what_it_looks_like(records, d.layout.width),
                              record_count=len(d.layout.records), record_width=d.layout.width))
    first = records[0]
    if len(first) == d.layout.width and not re.search(_NOT_PRINTABLE, first):
        d.heads[1] = tuple(_quiet(f.type.parse, f.cut(first)) for f in d.layout.heads)


def _what_it_looks_like(records: list[bytes], width: int) -> str:
    """Why a file does not have the layout's records, as STR002's reason: text of another
    kind (JSON, CSV, anything with no line of a record's width) is named, not counted."""
    first = next((r.strip() for r in records if r.strip()), b"")
    if re.match(rb'\{|\[\s*([\[{"\]0-9tfn-]|\Z)', first):  # an object or an array ([x] is INI)
        return "looks_json"
    if all(len(r) != width for r in records):
        if first.count(b",") >= 2 or first.count(b"\t") >= 2:
            return "looks_csv"
        return "looks_text"
    return "one_record" if len(records) == 1 else "records_count"


def _collect(d: Decoded, data: bytes, records: list[bytes]) -> None:
    """Field by field, every problem of three records."""
    codec: list[tuple[str, dict[str, Any]]] = []  # how the file decodes, found once if needed
    width = d.layout.width
    for row, (rec, fields) in enumerate(zip(records, d.layout.records), 1):
        if len(rec) != width:
            short = len(rec) < width
            tab = rec.find(b"\t") + 1 if short else 0  # a tab that replaced spaces (issue 17.5)
            d.findings.append(Finding("STR003", row, length=len(rec),
                                      reason="tab_short" if tab else "too_short" if short
                                      else "too_long", n=abs(len(rec) - width),
                                      column=tab, tabs=rec.count(b"\t"), record_width=width))
            continue
        if re.search(_NOT_PRINTABLE, rec) and not codec:
            codec.append(enc.describe_non_ascii(data))
        d.heads[row] = decode_record(rec, fields, row, d.findings, d.values,
                                     codec[0] if codec else None, d.layout.heads)
    _consistency(d, records)


def decode_record(rec: bytes, fields: tuple[Field, ...], row: int, out: list[Finding],
                  values: dict[str, int],
                  codec: tuple[str, dict[str, Any]] | None = None,
                  heads: tuple[Field, ...] = FX_POSITION.heads) -> tuple[Any, ...]:
    """One record's fields through their types: amounts into ``values``, problems into
    ``out``; returns the values of the record's ``heads`` fields (by their columns),
    None where malformed."""
    bad = _byte_findings(row, rec, fields, codec) if codec is not None else {}
    out.extend(bad.values())
    head: dict[tuple[int, int], object] = {}
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
            head[field.start, field.end] = value
    return tuple(head.get((f.start, f.end)) for f in heads)


def _slices(slices: list[slice]) -> Callable[[bytes], tuple[bytes, ...]]:
    """A function giving the bytes of each slice, as one tuple (``itemgetter`` in C; no
    ``struct`` to import at start-up)."""
    get = operator.itemgetter(*slices)
    return get if len(slices) > 1 else (lambda b: (get(b),))


@functools.lru_cache(maxsize=None)
def unpacker(fields: tuple[Field, ...]) -> Callable[[bytes], tuple[bytes, ...]]:
    """Split a record into its fields' bytes, by the layout."""
    return _slices([slice(f.start - 1, f.end) for f in fields])


# --- the usual case: every field parses ---------------------------------------------------
# One pass over the records: each field type reads all of a record's fields of that type
# at once (``FieldType.parse_all``, the same rule as its ``parse``); a file whose fields
# all parse and whose records agree on their identity is converted here, once.  Anything
# else goes to the collector above, which explains every problem with the same types.

Cut = Callable[[bytes], tuple[bytes, ...]]


class _Plans(NamedTuple):
    """What the usual case needs of a layout, worked out once per layout: cuts over
    the records side by side (joined without their terminators)."""

    layout: Layout
    identity: Cut  # every record's identity fields, row after row
    types: tuple[tuple[FieldType, Cut], ...]  # every other field, by type, in layout order
    amount_names: tuple[str, ...]


_PLANS: dict[int, _Plans] = {}  # by id(): hashing a layout's tables costs microseconds


def _plans(layout: Layout) -> _Plans:
    found = _PLANS.get(id(layout))
    if found is None or found.layout is not layout:
        found = _PLANS[id(layout)] = _make_plans(layout)
    return found


def _make_plans(layout: Layout) -> _Plans:
    places = {(f.start, f.end) for f in layout.heads}
    placed = [(i * layout.width, f) for i, fields in enumerate(layout.records) for f in fields]
    ident = [(at, f) for at, f in placed if (f.start, f.end) in places]
    by_type: dict[FieldType, list[tuple[int, Field]]] = {}  # (in the layout's order)
    for at, f in placed:
        if (f.start, f.end) not in places:
            by_type.setdefault(f.type, []).append((at, f))
    return _Plans(layout, _cut(ident), tuple((t, _cut(fs)) for t, fs in by_type.items()),
                  tuple(f.name for _, f in placed if f.type is AMOUNT))


def _cut(placed: list[tuple[int, Field]]) -> Cut:
    return _slices([slice(at + f.start - 1, at + f.end) for at, f in placed])


def amount_names(layout: Layout) -> tuple[str, ...]:
    """The names of the layout's amount fields, in its order (``Decoded.ints``' order)."""
    return _plans(layout).amount_names


def _convert(d: Decoded, records: list[bytes]) -> bool:
    """Fill ``d`` when every field of every record parses and the records agree on their
    identity fields; False (``d`` untouched) otherwise."""
    layout = d.layout
    if set(map(len, records)) != {layout.width}:
        return False
    plans = _plans(layout)
    whole = b"".join(records)
    ids = plans.identity(whole)
    m = len(layout.heads)
    if ids[:m] * len(records) != ids:
        return False
    head = tuple(_identity_value(f.type, raw) for f, raw in zip(layout.heads, ids))
    if None in head:
        return False
    ints: list[int] = []
    for ftype, cut in plans.types:
        values = ftype.parse_all(cut(whole))
        if values is None:
            return False
        if ftype is AMOUNT:
            ints = values
    d.ints = ints
    d._values = None  # made from ints when asked for
    d.heads = dict.fromkeys(range(1, len(records) + 1), head)
    d.records = records
    return True


@functools.lru_cache(maxsize=4096)
def _identity_value(ftype: FieldType, raw: bytes) -> Any:
    """A field's value, None where malformed; cached, so that a series shares one string
    per firm code and one date per day."""
    return _quiet(ftype.parse, raw)


def _quiet(parse: Callable[[bytes], Any], raw: bytes) -> Any:
    """``parse(raw)``, None where malformed."""
    try:
        return parse(raw)
    except FieldFormatError:
        return None


# --- agreement of the three records -------------------------------------------------------

def _consistency(d: Decoded, records: list[bytes]) -> None:
    """Every row must carry row 1's identity (BANK and DATE; skipped where malformed)."""
    first = d.heads.get(1)
    if first is None:
        return
    for row in range(2, len(records) + 1):
        head = d.heads.get(row)
        if head is None:
            continue
        rec = records[row - 1]
        for f, mine, theirs in zip(d.layout.heads, head, first):
            if mine is not None and theirs is not None and mine != theirs:
                field = _same_columns(d.layout.records[row - 1], f)
                d.findings.append(Finding(_DIFFERS[f.type], row, field, field.cut(rec),
                                          expected=_shown_value(f, records[0], theirs)))


_DIFFERS = {CODE: "CON001", ROC_DATE: "CON002"}  # the rule of a row whose identity differs


def _same_columns(fields: tuple[Field, ...], like: Field) -> Field:
    """The field of a row at the columns of ``like`` (an identity field of row 1)."""
    return next(f for f in fields if (f.start, f.end) == (like.start, like.end))


def _shown_value(field: Field, first: bytes, value: Any) -> Any:
    """What a consistency finding expects: row 1's firm code, or its date as written."""
    return field.cut(first).decode("ascii") if field.type is ROC_DATE else value


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
        split = {"left": field, "right": last} if last is not field else {}  # named in a language
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
