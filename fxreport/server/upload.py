"""Reading a multipart upload in memory, with caps checked while it arrives.

Starlette's form parser spools large parts to temporary files; this reader
keeps everything in memory instead, and at most what the checker reads of a
file (the size limit + 1 bytes; the rest is counted, not kept).  The body is
counted as it streams: Content-Length is not trusted, and a body over the cap
is answered 413 without being held.  Nothing here logs a byte of content.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import unquote_to_bytes

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MAX_BOUNDARY_LENGTH, MultipartParser, parse_options_header

from starlette.requests import ClientDisconnect

from ..checking.calendar import CalendarError, days_text
from ..checking.decoder import SIZE_LIMIT
from ..checking.form import Upload
from ..core.words import LANGS, server_message
from .limits import MAX_BODY, MAX_FIELD, MAX_FIELDS, MAX_FILES

DRAIN_LIMIT = 64 * 1024 * 1024  # a refused body is read (and dropped) up to this, so the
# client, still sending, gets the answer instead of a reset connection
FILE_FIELDS = ("files", "previous")
# a limits or verified file (FORMAT.md 7.5, 7.6): a file upload or text, kept as its bytes
# (a Big5 file must reach its reader undecoded)
SIDE_FIELDS = ("limits", "verified")
DAY_FIELDS = ("closed_days", "open_days")  # a text value, or a file of days (as the CLI's)


class Worded(Protocol):
    """An error that says itself in either language (``CalendarError``, ``OptionError``)."""

    def message(self, lang: str = "en") -> str: ...


class UploadError(Exception):
    """A request the server refuses: an HTTP status and a catalogue key (``core.words.SERVER``)
    with its parameters; ``message(lang)`` says what is wrong in either language.  ``lang``
    is the request's own `lang` field when it was read before the refusal."""

    def __init__(self, status: int, key: str, *, cause: Worded | None = None,
                 **params: Any) -> None:
        self.status = status
        self.key = key
        self.params = params
        self.cause = cause
        self.lang: str | None = None
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        if self.cause is not None:
            return self.cause.message(lang)
        return server_message(self.key, lang, self.params)


@dataclass
class _Part:
    name: str = ""
    filename: str | None = None
    chunks: list[bytes] = field(default_factory=list)
    kept: int = 0
    size: int = 0
    digest: object = None


@dataclass
class Form:
    files: list[Upload] = field(default_factory=list)
    previous: list[Upload] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    sidecars: dict[str, list[bytes]] = field(default_factory=dict)  # SIDE_FIELDS' bytes


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


_BROWSER_ESCAPES = re.compile("%(22|0[dD]|0[aA])")  # what browsers escape in a file name


def file_name(raw: bytes) -> str:
    """A file name as the sender's system spelled it.

    UTF-8 (browsers), else Big5 (cp950: an older Windows client), else the bytes
    kept as undecodable (shown escaped).  Decoding comes first, so the second
    byte 0x5C of a Big5 character stays in its character; then a backslash
    doubled by the sender (Python's clients escape it) is one, a Windows folder
    separator is shown as ``/`` (the series' folders, as the page sends them),
    and the three escapes browsers apply (``"`` as %22, CR, LF) are undone.
    """
    for encoding in ("utf-8", "cp950"):
        try:
            text = raw.decode(encoding).replace("\\\\", "\\").replace("\\", "/")
            break
        except UnicodeDecodeError:
            continue
    else:
        text = _decode(raw)  # undecodable: left exactly as sent
    return _BROWSER_ESCAPES.sub(lambda m: chr(int(m.group(1), 16)), text)


def _extended(value: bytes) -> str | None:
    """An RFC 5987 value (``filename*=UTF-8''ABP1209.txt``), or None if malformed."""
    charset, quote, rest = value.partition(b"'")
    _, quote2, encoded = rest.partition(b"'")
    if not (quote and quote2):
        return None
    raw = unquote_to_bytes(encoded)
    try:
        return raw.decode(charset.decode("ascii", "replace").strip() or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return file_name(raw)


def _skip(rest: bytes, pos: int, chars: bytes) -> int:
    """The first position at or after ``pos`` that is not one of ``chars``."""
    while pos < len(rest) and rest[pos] in chars:
        pos += 1
    return pos


def _quoted(rest: bytes, pos: int) -> tuple[bytes, int]:
    """A quoted value starting after its opening quote at ``pos``: the value and where
    the next parameter starts (at its ``;``, or the end)."""
    n = len(rest)
    out = bytearray()
    while pos < n:
        c = rest[pos]
        if c == 0x5C and rest[pos + 1:pos + 2] == b'"' and rest[pos + 2:].strip(b" \t")[:1] not in (b"", b";"):
            out += b'"'
            pos += 2
        elif c == 0x22:
            pos += 1
            break
        else:
            out.append(c)
            pos += 1
    end = rest.find(b";", pos)
    return bytes(out), n if end < 0 else end


def _token(rest: bytes, pos: int) -> tuple[bytes, int]:
    """An unquoted value from ``pos`` to the next ``;`` (or the end), and that position."""
    end = rest.find(b";", pos)
    end = len(rest) if end < 0 else end
    return rest[pos:end].strip(), end


def disposition(value: bytes) -> dict[bytes, bytes]:
    """The parameters of a part's Content-Disposition, bytes as sent.

    A quoted value ends at the quote that ends the header or precedes ``;``: a
    backslash before any other quote escapes it, and every other backslash is
    kept (a Big5 name's second byte may be 0x5C).
    """
    params: dict[bytes, bytes] = {}
    head, sep, rest = value.partition(b";")
    pos, n = 0, len(rest)
    while sep and pos < n:
        pos = _skip(rest, pos, b" \t;")
        eq = rest.find(b"=", pos)
        if eq < 0:
            break
        key = rest[pos:eq].strip().lower()
        pos = _skip(rest, eq + 1, b" \t")
        if rest[pos:pos + 1] == b'"':
            val, pos = _quoted(rest, pos + 1)
        else:
            val, pos = _token(rest, pos)
        params.setdefault(key, val)
    return params


def _part_names(header: bytes) -> tuple[str, str | None]:
    """A part's field name and file name (None: a text value) from its Content-Disposition;
    ``filename*`` (RFC 5987) wins over ``filename``."""
    options = disposition(header)
    extended = options.get(b"filename*")
    filename = _extended(extended) if extended is not None else None
    if filename is None and b"filename" in options:
        filename = file_name(options[b"filename"])
    return _decode(options.get(b"name", b"")), filename


def boundary_of(content_type: str | None) -> bytes:
    """The multipart boundary, or UploadError 415/400 naming what is wrong."""
    kind, params = parse_options_header(content_type or "")
    if not kind:
        raise UploadError(415, "no_content_type")
    if kind != b"multipart/form-data":
        raise UploadError(415, "not_multipart", kind=kind.decode("latin-1")[:80])
    boundary = params.get(b"boundary")
    if not boundary:
        raise UploadError(400, "no_boundary")
    if len(boundary) > MAX_BOUNDARY_LENGTH:
        raise UploadError(400, "boundary_too_long", length=len(boundary), limit=MAX_BOUNDARY_LENGTH)
    return boundary


class FormReader:
    """Feeds a multipart body to python-multipart, keeping parts in memory, with caps."""

    def __init__(self, boundary: bytes, max_files: int = MAX_FILES,
                 keep: int = SIZE_LIMIT + 1) -> None:
        self.form = Form()
        self.max_files = max_files
        self.keep = keep
        self._part = _Part()
        self._header_name = bytearray()
        self._header_value = bytearray()
        self._headers: dict[bytes, bytes] = {}
        self._text_fields = 0
        self.ended = False
        callbacks = {
            "on_part_begin": self._part_begin, "on_part_data": self._part_data,
            "on_part_end": self._part_end, "on_header_field": self._header_field,
            "on_header_value": self._header_value_cb, "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished, "on_end": self._end,
        }
        try:
            self.parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]  # its MultipartCallbacks TypedDict's keys
        except Exception:  # the parser's own limits (boundary_of checks the known one)
            raise UploadError(400, "malformed", offset=0) from None
        self.seen = 0  # bytes fed so far, to say where a malformed body goes wrong

    def write(self, chunk: bytes) -> None:
        try:
            self.parser.write(chunk)
        except MultipartParseError as exc:
            raise UploadError(400, "malformed", offset=self.seen + max(exc.offset, 0)) from None
        self.seen += len(chunk)

    def close(self) -> Form:
        try:
            self.parser.finalize()
        except MultipartParseError:
            raise UploadError(400, "malformed", offset=self.seen) from None
        if not self.ended:
            raise UploadError(400, "unclosed")
        return self.form

    # --- callbacks ------------------------------------------------------------------
    def _part_begin(self) -> None:
        self._part = _Part()
        self._headers = {}

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _header_value_cb(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        self._headers[bytes(self._header_name).lower()] = bytes(self._header_value)
        self._header_name.clear()
        self._header_value.clear()

    def _headers_finished(self) -> None:
        part = self._part
        part.name, part.filename = _part_names(self._headers.get(b"content-disposition", b""))
        if part.name in FILE_FIELDS:
            self._admit_file(part)
        elif part.filename is not None and part.name not in DAY_FIELDS + SIDE_FIELDS:
            return  # a file in a field we do not know: ignored, as unknown text fields are
        else:
            self._text_fields += 1
            if self._text_fields > MAX_FIELDS:
                raise UploadError(413, "too_many_fields", limit=MAX_FIELDS)

    def _admit_file(self, part: _Part) -> None:
        """A part of ``files`` or ``previous``: refused when it is not a file or is one
        too many; else its digest is started."""
        if part.filename is None:
            raise UploadError(400, "not_a_file", name=part.name)
        if part.name == "files" and len(self.form.files) >= self.max_files:
            raise UploadError(413, "too_many_files", limit=self.max_files)
        if part.name == "previous" and self.form.previous:
            raise UploadError(400, "previous_takes_one")
        part.digest = hashlib.sha256()

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._part
        n = end - start
        part.size += n
        is_file = part.name in FILE_FIELDS
        limit = self.keep if is_file else MAX_FIELD
        if not is_file and part.filename is not None and part.name not in DAY_FIELDS + SIDE_FIELDS:
            return
        if not is_file and part.size > MAX_FIELD:
            raise UploadError(413, "field_too_long", name=part.name, limit=MAX_FIELD)
        if part.kept < limit:
            piece = data[start:min(end, start + limit - part.kept)]
            part.chunks.append(piece)
            part.kept += len(piece)
            if is_file and part.digest is not None:
                part.digest.update(piece)  # type: ignore[attr-defined]  # a hashlib object once set (its type is private)

    def _part_end(self) -> None:
        part = self._part
        data = b"".join(part.chunks)
        if part.name in FILE_FIELDS:
            self._end_file(part, data)
        elif part.name in SIDE_FIELDS:
            if data or part.filename is None:  # (an empty file input: no file chosen)
                self.form.sidecars.setdefault(part.name, []).append(data)
        elif part.filename is not None:  # a file of days, read as `--closed-days FILE` reads it
            self._end_days(part, data)
        else:
            self.form.fields.setdefault(part.name, []).append(
                data.decode("utf-8", "replace"))
        self._part = _Part()

    def _end_file(self, part: _Part, data: bytes) -> None:
        """A part of ``files`` or ``previous`` kept as an ``Upload``."""
        if not part.filename and not part.size:
            return  # an empty file input of an HTML form: no file chosen
        digest = part.digest.hexdigest() if part.size <= SIZE_LIMIT else None  # type: ignore[attr-defined]  # as above
        upload = Upload(part.filename or "", data, part.size, digest)
        (self.form.files if part.name == "files" else self.form.previous).append(upload)

    def _end_days(self, part: _Part, data: bytes) -> None:
        """A file of days in ``closed_days`` or ``open_days``, kept as its text."""
        if not (part.filename or part.size):
            return
        try:
            text = days_text(data, part.filename or part.name)
        except CalendarError as exc:
            raise UploadError(422, exc.key, cause=exc) from None
        self.form.fields.setdefault(part.name, []).append(text)

    def _end(self) -> None:
        self.ended = True


async def read_form(stream: AsyncIterator[bytes], content_type: str | None,
                    content_length: str | None, *, max_body: int = MAX_BODY,
                    max_files: int = MAX_FILES) -> Form:
    """The form of a multipart request, read in memory under the caps.

    Raises UploadError (415 not multipart, 400 malformed, 413 too large or too
    many files); the rest of a refused body is read and dropped, up to a bound.
    """
    try:
        declared = int(content_length) if content_length is not None else None
    except ValueError:
        raise UploadError(400, "bad_content_length") from None
    too_large = UploadError(413, "too_large", limit=max_body, mib=max_body // (1024 * 1024))
    if declared is not None and declared > max_body:
        if declared - max_body <= DRAIN_LIMIT:
            await _drain(stream)
        raise too_large
    try:
        reader = FormReader(boundary_of(content_type), max_files)
    except UploadError:
        await _drain(stream)  # the answer reaches a client still sending; the connection stays
        raise
    total = 0
    try:
        async for chunk in stream:
            total += len(chunk)
            if total > max_body:
                raise too_large
            if chunk:
                reader.write(chunk)
        return reader.close()
    except UploadError as exc:
        exc.lang = _lang_given(reader.form)
        await _drain(stream)
        raise
    except ClientDisconnect:  # the client went away (or was closed for being too slow)
        raise UploadError(400, "body_cut") from None


def _lang_given(form: Form) -> str | None:
    """The form's own `lang`, when it came before the refusal and is one we speak."""
    values = form.fields.get("lang")
    return values[-1] if values and values[-1] in LANGS else None


async def _drain(stream: AsyncIterator[bytes]) -> None:
    dropped = 0
    try:
        async for chunk in stream:
            dropped += len(chunk)
            if dropped > DRAIN_LIMIT:
                break
    except Exception:  # the client went away, or the stream was consumed: nothing to drop
        pass
