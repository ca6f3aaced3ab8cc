"""Field codecs: S9(9) amounts, ROC dates, firm codes, reserved blanks, Big5 text.

Each ``parse_*`` takes the field's exact bytes and returns a value or raises
``FieldFormatError`` whose ``reason`` names what is wrong (the rule catalogue
turns reasons into messages).  Each ``format_*`` returns exactly ``width``
bytes or raises ``FieldValueError``: a value the format cannot hold is never
clipped.
"""

from __future__ import annotations

import datetime as _dt
import re

from .layout import AMOUNT_MAX, AMOUNT_WIDTH

SPACES = "spaces"  # canonical: spaces, then '-' if negative, then digits
ZERO_FILL = "zero-fill"  # sign left, zeros between sign and digits
SIGN_STYLES = (SPACES, ZERO_FILL)


class FieldFormatError(ValueError):
    """The bytes of a field do not have the field type's form."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


class FieldValueError(ValueError):
    """A value that the field type cannot hold (raised by the writers)."""


# --- S9(9) -------------------------------------------------------------------

def amount_problem(raw: bytes) -> str | None:
    """Why ``raw`` is not a valid S9(9) field, or None when it is."""
    body = raw.lstrip(b" ")
    if not body:
        return "blank"
    digits = body[1:] if body[:1] in (b"+", b"-") else body
    if digits.isdigit():
        return None if abs(int(body)) <= AMOUNT_MAX else "range"
    stripped = body.rstrip(b" ")
    if stripped != body:
        inner = stripped[1:] if stripped[:1] in (b"+", b"-") else stripped
        if inner.isdigit():
            return "left_aligned"
    if stripped[-1:] in (b"+", b"-") and stripped[:-1].isdigit():
        return "trailing_sign"
    if b" " in stripped:
        return "inner_space"
    if b"," in body or b"." in body:
        return "separator"
    return "not_a_number"


def parse_amount(raw: bytes) -> int:
    """Decode an S9(9) field (regex on the bytes: ``^ *[+-]?[0-9]+$``)."""
    body = raw.lstrip(b" ")
    digits = body[1:] if body[:1] in (b"+", b"-") else body
    if digits.isdigit():  # bytes.isdigit() is ASCII-only
        value = int(body)
        if -AMOUNT_MAX <= value <= AMOUNT_MAX:
            return value
    raise FieldFormatError(amount_problem(raw) or "not_a_number")


def format_amount(value: int, style: str = SPACES, width: int = AMOUNT_WIDTH) -> bytes:
    """Encode an amount: ``      -123`` (spaces) or ``-000000123`` (zero-fill)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldValueError(f"amount must be a whole number, not {value!r}")
    if not -AMOUNT_MAX <= value <= AMOUNT_MAX:
        raise FieldValueError(
            f"{value:,} does not fit S9(9): the magnitude must be at most {AMOUNT_MAX:,}")
    if style == SPACES:
        return b"%*d" % (width, value)
    if style == ZERO_FILL:
        return (b"-%0*d" % (width - 1, -value)) if value < 0 else (b"%0*d" % (width, value))
    raise FieldValueError(f"unknown sign style {style!r}; use one of {', '.join(SIGN_STYLES)}")


# --- ROC date ----------------------------------------------------------------

_ROC_DATE = re.compile(rb"([0-9]{3})/([0-9]{2})/([0-9]{2})\Z")
ROC_OFFSET = 1911


def parse_roc_date(raw: bytes) -> _dt.date:
    """``105/12/09`` -> 2016-12-09; a real calendar date, ROC year 001-999."""
    m = _ROC_DATE.match(raw)
    if not m:
        raise FieldFormatError("date_form")
    year, month, day = (int(g) for g in m.groups())
    if year == 0:
        raise FieldFormatError("date_year0")
    try:
        return _dt.date(year + ROC_OFFSET, month, day)
    except ValueError:
        raise FieldFormatError("date_calendar") from None


def format_roc_date(value: _dt.date) -> bytes:
    year = value.year - ROC_OFFSET
    if not 1 <= year <= 999:
        raise FieldValueError(
            f"{value.isoformat()} is ROC year {year}: the format holds ROC years 001-999")
    return b"%03d/%02d/%02d" % (year, value.month, value.day)


def roc_year_fits(value: _dt.date) -> bool:
    """Whether the ROC date field can hold ``value`` (ROC years 001-999)."""
    return 1 <= value.year - ROC_OFFSET <= 999


def roc_text(value: _dt.date) -> str:
    return format_roc_date(value).decode("ascii")


# Dates typed by a person (build input, ``roll --date``, ``--closed-days``): the
# month and day may have one digit and the ROC year fewer than three.  The
# submission file's DATE field stays strict (``parse_roc_date``).
_ROC_LOOSE = re.compile(r"([0-9]{1,3})/([0-9]{1,2})/([0-9]{1,2})\Z")
_ISO_LOOSE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\Z")


def parse_any_date(text: str) -> _dt.date:
    """A date typed by a person: ROC ``105/12/12`` (or ``105/1/2``) or ISO ``2016-12-12``."""
    text = text.strip()
    m = _ROC_LOOSE.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
        if year == 0:
            raise FieldFormatError("date_year0")
        year += ROC_OFFSET
    else:
        m = _ISO_LOOSE.match(text)
        if not m:
            raise FieldFormatError("date_form")
        year, month, day = (int(g) for g in m.groups())
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise FieldFormatError("date_calendar") from None


_GUESS_SPLIT = re.compile(r"\s*([0-9]{1,4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?\s*\Z")
_GUESS_DMY = re.compile(r"\s*([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})\s*\Z")
_GUESS_COMPACT = re.compile(r"\s*([0-9]{3,4})([0-9]{2})([0-9]{2})\s*\Z")


def guess_date(text: str) -> _dt.date | None:
    """The date a person most likely meant by ``text`` (``2016/12/12``, ``105.12.12``,
    ``20161212``, ``105年12月12日``, ``12/31/2016``), or None when it cannot be told.

    Only for messages ("write it as ROC 105/12/12 or ISO 2016-12-12"), never to
    accept a value.
    """
    for pattern in (_GUESS_SPLIT, _GUESS_COMPACT):
        m = pattern.match(text)
        if m:
            year, month, day = (int(g) for g in m.groups())
            if len(m.group(1)) < 4:
                year += ROC_OFFSET
            break
    else:
        m = _GUESS_DMY.match(text)
        if not m:
            return None
        a, b, year = (int(g) for g in m.groups())
        if a == b or a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            return None  # 03/04/2016: March 4 or 3 April?
    if year <= ROC_OFFSET:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def expected_filename(bank: str, date: _dt.date) -> str:
    """The naming rule: first 2 characters of the firm code + P + MMDD + .txt."""
    return f"{bank[:2]}P{date.month:02d}{date.day:02d}.txt"


# --- firm code -----------------------------------------------------------------

_CODE = re.compile(rb"[A-Z0-9]{4}\Z")


def parse_code(raw: bytes) -> str:
    if not _CODE.match(raw):
        if raw.upper() != raw and _CODE.match(raw.upper()):
            raise FieldFormatError("code_case")
        raise FieldFormatError("code_form")
    return raw.decode("ascii")


def is_code(value: str) -> bool:
    """Whether ``value`` is a firm code: 4 uppercase ASCII letters or digits."""
    return isinstance(value, str) and bool(_CODE.match(value.encode("ascii", "replace")))


def format_code(value: str) -> bytes:
    raw = value.encode("ascii", "replace") if isinstance(value, str) else b""
    if not _CODE.match(raw):
        raise FieldValueError(
            f"firm code {value!r} must be 4 uppercase ASCII letters or digits")
    return raw


# --- reserved ------------------------------------------------------------------

def parse_reserved(raw: bytes) -> None:
    if raw.strip(b" "):
        raise FieldFormatError("zeros" if not raw.strip(b" 0") else "not_blank")


# --- Big5 text -----------------------------------------------------------------

BIG5 = "cp950"


def parse_big5_text(raw: bytes) -> str:
    """Strict cp950, trailing spaces dropped; a split or undecodable character is an error."""
    try:
        return raw.decode(BIG5).rstrip(" ")
    except UnicodeDecodeError as exc:
        raise FieldFormatError("big5", f"byte 0x{raw[exc.start]:02X} at offset {exc.start}") from None


def format_big5_text(value: str, width: int) -> bytes:
    try:
        raw = value.encode(BIG5)
    except UnicodeEncodeError as exc:
        raise FieldValueError(f"{value[exc.start]!r} cannot be written in Big5 (cp950)") from None
    if len(raw) > width:
        raise FieldValueError(f"{value!r} is {len(raw)} bytes in Big5; the field holds {width}")
    return raw + b" " * (width - len(raw))
