"""Field types: firm code, ROC date, S9(9) amount, reserved blanks, Big5 text.

Each type is an object that knows everything about its bytes: how to parse
and format them, which rule a malformed field breaks, its documentation, and
its construct and pydantic adapters.  A layout
row needs nothing but its type to be decoded, encoded, checked and
documented.  ``parse`` raises ``FieldFormatError`` (a reason the catalogue
turns into words); ``format`` returns exactly ``width`` bytes or raises
``FieldValueError``: a value the format cannot hold is never clipped.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any, Literal, get_args

AMOUNT_WIDTH = 10
AMOUNT_MAX = 999_999_999
ROC_OFFSET = 1911
ROC_YEAR_MIN, ROC_YEAR_MAX = 1, 999  # the ROC years the DATE field (YYY) holds
FIRST_DAY = _dt.date(ROC_YEAR_MIN + ROC_OFFSET, 1, 1)  # 1912-01-01
LAST_DAY = _dt.date(ROC_YEAR_MAX + ROC_OFFSET, 12, 31)  # 2910-12-31
BIG5 = "cp950"  # the Big5 that Taiwanese Windows writes, a superset of Python's "big5"
# Every byte order mark, by the encoding it names; UTF-32-LE's before UTF-16-LE's, which
# starts it.  The one table: the decoder (ENC001, ENC002) and the text readers use it.
BOMS = {
    "UTF-8": b"\xef\xbb\xbf",
    "UTF-32-LE": b"\xff\xfe\x00\x00",
    "UTF-32-BE": b"\x00\x00\xfe\xff",
    "UTF-16-LE": b"\xff\xfe",
    "UTF-16-BE": b"\xfe\xff",
}

# How an S9(9) amount is written: "spaces", canonical: spaces, then '-' if negative, then
# digits ('      -123'); "zero-fill": the sign left, zeros between sign and digits ('-000000123')
SignStyle = Literal["spaces", "zero-fill"]
SIGN_STYLES: tuple[SignStyle, ...] = get_args(SignStyle)
SPACES, ZERO_FILL = SIGN_STYLES
Newline = Literal["crlf", "lf"]  # the line terminator after every record, by name
NEWLINES: dict[str, bytes] = dict(zip(get_args(Newline), (b"\r\n", b"\n")))


class FieldFormatError(ValueError):
    """The bytes of a field do not have the field type's form.

    ``reason`` names what is wrong (a key of the catalogue's reasons);
    ``code`` is the rule broken when it is not the type's usual one.
    """

    def __init__(self, reason: str, detail: str = "", code: str | None = None,
                 **params: Any) -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail
        self.code = code
        self.params = params


class FieldValueError(ValueError):
    """A value that the field type cannot hold (raised by the writers)."""


class FieldType:
    """The behaviour shared by every field of one type."""

    name = ""
    code = ""  # the rule a malformed field of this type breaks
    doc = ""  # one line for specs/format.md
    python: type = object

    def parse(self, raw: bytes) -> Any:
        raise NotImplementedError

    def parse_all(self, raws: tuple[bytes, ...]) -> list[Any] | None:
        """The values of several fields of this type, or None when any is malformed (the
        decoder's usual case: ``parse`` then says what is wrong with each)."""
        try:
            return [self.parse(raw) for raw in raws]
        except FieldFormatError:
            return None

    def format(self, value: Any, width: int, style: str = SPACES) -> bytes:
        raise NotImplementedError

    def construct(self, width: int) -> Any:
        """A construct subcon over ``Bytes(width)`` that parses and builds with this type."""
        from construct import Adapter, Bytes  # lazy, heavy: construct

        ftype = self

        class _Adapter(Adapter):  # type: ignore[misc]  # construct's Adapter is Any to mypy
            def _decode(self, obj: bytes, context: Any, path: str) -> Any:
                return ftype.parse(obj)

            def _encode(self, obj: Any, context: Any, path: str) -> bytes:
                style = getattr(getattr(context, "_params", None), "sign_style", SPACES)
                return ftype.format(obj, width, style)

        _Adapter.__name__ = f"{type(self).__name__}Adapter"
        return _Adapter(Bytes(width))

    def pydantic(self) -> Any:
        """The annotated type the model uses for a field of this type."""
        return self.python

    def __repr__(self) -> str:
        return f"<field type {self.name}>"


class FirmCode(FieldType):
    name = "code"
    code = "FLD001"
    doc = "XXXX: 4 uppercase ASCII letters or digits"
    python = str
    PATTERN = "[A-Z0-9]{4}"

    @staticmethod
    def matches(raw: bytes) -> bool:
        """Whether ``raw`` is ``PATTERN`` (bytes' own tests are ASCII-only: no regex to
        compile at start-up)."""
        return len(raw) == 4 and raw.isalnum() and raw.upper() == raw

    def parse(self, raw: bytes) -> str:
        if not self.matches(raw):
            if raw.upper() != raw and self.matches(raw.upper()):
                raise FieldFormatError("code_case")
            raise FieldFormatError("code_form")
        return raw.decode("ascii")

    def format(self, value: Any, width: int = 4, style: str = SPACES) -> bytes:
        raw = value.encode("ascii", "replace") if isinstance(value, str) else b""
        if not self.matches(raw):
            raise FieldValueError(
                f"firm code {value!r} must be 4 uppercase ASCII letters or digits")
        return raw

    def pydantic(self) -> Any:
        from pydantic import StringConstraints  # lazy, heavy: pydantic

        return Annotated[str, StringConstraints(pattern=f"^{self.PATTERN}$")]


class RocDate(FieldType):
    name = "roc_date"
    code = "FLD002"
    doc = f"YYY/MM/DD: ROC date, year {ROC_YEAR_MIN:03d}-{ROC_YEAR_MAX:03d}"
    python = _dt.date
    PATTERN = "[0-9]{3}/[0-9]{2}/[0-9]{2}"

    def parse(self, raw: bytes) -> _dt.date:
        """``105/12/09`` -> 2016-12-09; a real calendar date, ROC year 001-999."""
        # PATTERN, by bytes' own (ASCII-only) tests
        if not (len(raw) == 9 and raw[3:4] == raw[6:7] == b"/" and raw[:3].isdigit()
                and raw[4:6].isdigit() and raw[7:].isdigit()):
            raise FieldFormatError("date_form")
        return _roc_date(int(raw[:3]), int(raw[4:6]), int(raw[7:]))

    def format(self, value: Any, width: int = 9, style: str = SPACES) -> bytes:
        if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
            raise FieldValueError(f"a report date must be a date, not {value!r}")
        year = value.year - ROC_OFFSET
        if not roc_year_fits(value):
            raise FieldValueError(
                f"{value.isoformat()} is ROC year {year}: the format holds ROC years "
                f"{ROC_YEAR_MIN:03d}-{ROC_YEAR_MAX:03d}")
        return b"%03d/%02d/%02d" % (year, value.month, value.day)


class Amount(FieldType):
    """S9(9): right-aligned signed whole number, |v| <= 999,999,999 (FORMAT.md section 2)."""

    name = "s9_9"
    code = "FLD003"
    doc = "S9(9): right-aligned signed whole number"
    python = int

    def parse(self, raw: bytes) -> int:
        """Decode an S9(9) field (regex on the bytes: ``^ *[+-]?[0-9]+$``)."""
        values = self.parse_all((raw,))
        if values is not None:
            return values[0]
        body = raw.lstrip(b" ")
        digits = body[1:] if body[:1] in (b"+", b"-") else body
        if digits.isdigit():  # (bytes.isdigit() is ASCII-only) a number, out of range
            raise FieldFormatError("range", code="FLD004", value=int(body))
        raise FieldFormatError(amount_problem(raw))

    def parse_all(self, raws: tuple[bytes, ...]) -> list[int] | None:
        """The values when every field is ``^ *[+-]?[0-9]+$`` (FORMAT.md section 2) and
        within ``AMOUNT_MAX``, judged for all of them at once: only spaces, signs and
        digits; no field ends with a space; ``int`` accepts each (so at most one sign,
        before the digits, and a digit at least)."""
        if not raws:
            return []
        joined = b"\n".join(raws) + b"\n"
        if joined.translate(None, b" +-0123456789") != b"\n" * len(raws) or b" \n" in joined:
            return None
        try:
            values = list(map(int, raws))
        except ValueError:
            return None
        if values and (max(values) > AMOUNT_MAX or min(values) < -AMOUNT_MAX):
            return None
        return values

    def format(self, value: Any, width: int = AMOUNT_WIDTH, style: str = SPACES) -> bytes:
        """``      -123`` (spaces) or ``-000000123`` (zero-fill)."""
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

    def pydantic(self) -> Any:
        from pydantic import Field, Strict  # lazy, heavy: pydantic

        return Annotated[int, Strict(), Field(ge=-AMOUNT_MAX, le=AMOUNT_MAX)]


class Reserved(FieldType):
    name = "reserved"
    code = "RSV001"
    doc = "reserved: all spaces"
    python = type(None)

    def parse(self, raw: bytes) -> None:
        if raw.strip(b" "):
            raise FieldFormatError("zeros" if not raw.strip(b" 0") else "not_blank")

    def parse_all(self, raws: tuple[bytes, ...]) -> list[None] | None:
        return None if b"".join(raws).strip(b" ") else [None] * len(raws)

    def format(self, value: Any = None, width: int = 1, style: str = SPACES) -> bytes:
        if value not in (None, ""):
            raise FieldValueError(f"a reserved field holds nothing, not {value!r}")
        return b" " * width

    def construct(self, width: int) -> Any:
        from construct import Const  # lazy, heavy: construct

        return Const(b" " * width)


class Big5Text(FieldType):
    """Chinese text in strict cp950, space-padded.  No field of today's layout holds it,
    but the annex declares Chinese text as Big5, so the layout can."""

    name = "big5_text"
    code = "ENC005"
    doc = "Big5 text (cp950), left-aligned, space-padded"
    python = str

    def parse(self, raw: bytes) -> str:
        """Strict cp950, trailing spaces dropped; a split or undecodable character is an error."""
        try:
            return raw.decode(BIG5).rstrip(" ")
        except UnicodeDecodeError as exc:
            raise FieldFormatError("big5_text", f"byte 0x{raw[exc.start]:02X} at offset {exc.start}",
                                   code=self.code, bytes=f"{raw[exc.start]:02X}",
                                   offset=exc.start) from None

    def format(self, value: Any, width: int, style: str = SPACES) -> bytes:
        if not isinstance(value, str):
            raise FieldValueError(f"text must be a string, not {value!r}")
        try:
            raw = value.encode(BIG5)
        except UnicodeEncodeError as exc:
            raise FieldValueError(f"{value[exc.start]!r} cannot be written in Big5 (cp950)") from None
        if len(raw) > width:
            raise FieldValueError(f"{value!r} is {len(raw)} bytes in Big5; the field holds {width}")
        return raw + b" " * (width - len(raw))


CODE = FirmCode()
ROC_DATE = RocDate()
AMOUNT = Amount()
RESERVED = Reserved()
BIG5_TEXT = Big5Text()


# --- helpers on the types' values ------------------------------------------------------

def amount_problem(raw: bytes) -> str:
    """Why ``raw`` is not a valid S9(9) field (a reason key of the catalogue)."""
    body = raw.lstrip(b" ")
    if not body:
        return "blank"
    stripped = body.rstrip(b" ")
    inner = stripped[1:] if stripped[:1] in (b"+", b"-") else stripped
    if stripped != body and inner.isdigit():
        return "left_aligned"
    if stripped[-1:] in (b"+", b"-") and stripped[:-1].isdigit():
        return "trailing_sign"
    if b" " in stripped:
        return "inner_space"
    if b"," in body or b"." in body:
        return "separator"
    return "not_a_number"


def _roc_date(year: int, month: int, day: int) -> _dt.date:
    if year == 0:
        raise FieldFormatError("date_year0")
    try:
        return _dt.date(year + ROC_OFFSET, month, day)
    except ValueError:
        raise FieldFormatError("date_calendar") from None


class RocAlso(_dt.date):
    """A date that English messages show as ISO with the ROC date beside it,
    ``2016-12-08 (105/12/08)`` (``rules.render_value``): where a message must name ROC
    dates (FORMAT.md 6.3), each of its dates is written in this one style."""


def roc_text(value: _dt.date) -> str:
    """2016-12-09 -> ``105/12/09``."""
    return ROC_DATE.format(value).decode("ascii")


def roc_year_fits(value: _dt.date) -> bool:
    """Whether the ROC date field can hold ``value`` (ROC years 001-999)."""
    return ROC_YEAR_MIN <= value.year - ROC_OFFSET <= ROC_YEAR_MAX


# Dates typed by a person (build input, ``roll --date``, ``--closed-days``): the
# month and day may have one digit and the ROC year fewer than three.  The
# submission file's DATE field stays strict (``ROC_DATE.parse``).  Compiled on first use
# (re's cache): checking a file never needs them.
_ROC_LOOSE = r"([0-9]{1,3})/([0-9]{1,2})/([0-9]{1,2})\Z"
_ISO_LOOSE = r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\Z"
# a file of dates (the verified file, --closed-days): each part at its full width
_ROC_EXACT = r"([0-9]{3})/([0-9]{2})/([0-9]{2})\Z"
_ISO_EXACT = r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z"


def parse_any_date(text: str, exact: bool = False) -> _dt.date:
    """A date typed by a person: ROC ``105/12/12`` (or ``105/1/2``) or ISO ``2016-12-12``;
    ``exact``: only ``105/12/12`` and ``2016-12-12``, every part at its full width, as the
    files of dates take them."""
    text = text.strip()
    m = re.match(_ROC_EXACT if exact else _ROC_LOOSE, text)
    if m:
        return _roc_date(*(int(g) for g in m.groups()))
    m = re.match(_ISO_EXACT if exact else _ISO_LOOSE, text)
    if not m:
        raise FieldFormatError("date_form")
    try:
        return _dt.date(*(int(g) for g in m.groups()))
    except ValueError:
        raise FieldFormatError("date_calendar") from None


_GUESS_SPLIT = (r"\s*([0-9]{1,4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?\s*\Z")
_GUESS_DMY = (r"\s*([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})\s*\Z")
_GUESS_COMPACT = (r"\s*([0-9]{3,4})([0-9]{2})([0-9]{2})\s*\Z")


def guess_date(text: str) -> _dt.date | None:
    """The date a person most likely meant by ``text`` (``2016/12/12``, ``105.12.12``,
    ``20161212``, ``105年12月12日``, ``12/31/2016``), or None when it cannot be told.

    Only for messages ("write it as ROC 105/12/12 or ISO 2016-12-12"), never to
    accept a value.
    """
    ymd = _year_first(text) or _year_last(text)
    if ymd is None or ymd[0] <= ROC_OFFSET:
        return None
    try:
        return _dt.date(*ymd)
    except ValueError:
        return None


def _year_first(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of ``2016/12/12``, ``105.12.12``, ``20161212``, ``105年12月12日``."""
    for pattern in (_GUESS_SPLIT, _GUESS_COMPACT):  # compiled here: only messages need them
        m = re.match(pattern, text)
        if m:
            year, month, day = (int(g) for g in m.groups())
            return (year + ROC_OFFSET if len(m.group(1)) < 4 else year), month, day
    return None


def _year_last(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of ``12/31/2016`` or ``31/12/2016``, when the order can be told."""
    m = re.match(_GUESS_DMY, text)
    if not m:
        return None
    a, b, year = (int(g) for g in m.groups())
    if a == b or a > 12 >= b:
        return year, b, a
    if b > 12 >= a:
        return year, a, b
    return None  # 03/04/2016: March 4 or 3 April?


def is_code(value: object) -> bool:
    """Whether ``value`` is a firm code: 4 uppercase ASCII letters or digits."""
    return isinstance(value, str) and CODE.matches(value.encode("ascii", "replace"))


def expected_filename(bank: str, date: _dt.date) -> str:
    """The naming rule: first 2 characters of the firm code + P + MMDD + .txt."""
    return f"{bank[:2]}P{date.month:02d}{date.day:02d}.txt"
