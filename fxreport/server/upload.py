"""Reading a multipart upload in memory, with caps checked while it arrives.

Starlette's form parser spools large parts to temporary files; this reader
keeps everything in memory instead, and at most what the checker reads of a
file (the size limit + 1 bytes; the rest is counted, not kept).  The body is
counted as it streams: Content-Length is not trusted, and a body over the cap
is answered 413 without being held.  Nothing here logs a byte of content.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from ..checking.decoder import SIZE_LIMIT

MAX_BODY = 16 * 1024 * 1024  # bytes in one request
MAX_FILES = 500  # files in one request
MAX_FIELD = 64 * 1024  # bytes in one text field (a list of closed days is the longest)
MAX_FIELDS = 200  # text fields in one request
DRAIN_LIMIT = 64 * 1024 * 1024  # a refused body is read (and dropped) up to this, so the
# client, still sending, gets the answer instead of a reset connection
FILE_FIELDS = ("files", "previous")
# a limits or verified file (FORMAT.md 7.5, 7.6): a file upload or text, kept as its bytes
# (a Big5 file must reach its reader undecoded)
SIDE_FIELDS = ("limits", "verified")


class UploadError(Exception):
    """A request the server refuses: an HTTP status and what is wrong."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Upload:
    """One uploaded file: its name, the bytes the checker needs, its size and SHA-256."""

    name: str
    data: bytes
    size: int
    sha256: str | None  # None when the file is over the size limit (not read in full)


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


def boundary_of(content_type: str | None) -> bytes:
    """The multipart boundary, or UploadError 415/400 naming what is wrong."""
    kind, params = parse_options_header(content_type or "")
    if kind != b"multipart/form-data":
        shown = kind.decode("latin-1") or "none"
        raise UploadError(415, f"the request must be multipart/form-data (a form upload with the "
                               f"files in the field `files`), not {shown}")
    boundary = params.get(b"boundary")
    if not boundary:
        raise UploadError(400, "the multipart/form-data request has no boundary")
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
        self.parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]

    def write(self, chunk: bytes) -> None:
        try:
            self.parser.write(chunk)
        except MultipartParseError as exc:
            raise UploadError(400, f"the multipart body is malformed: {exc}") from None

    def close(self) -> Form:
        try:
            self.parser.finalize()
        except MultipartParseError as exc:
            raise UploadError(400, f"the multipart body is malformed: {exc}") from None
        if not self.ended:
            raise UploadError(400, "the multipart body ends before its closing boundary")
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
        disposition = self._headers.get(b"content-disposition", b"").decode("latin-1")
        _, options = parse_options_header(disposition)
        part = self._part
        part.name = _decode(options.get(b"name", b""))
        filename = options.get(b"filename")
        part.filename = None if filename is None else _decode(filename)
        if part.name in FILE_FIELDS:
            if part.filename is None:
                raise UploadError(400, f"the field `{part.name}` must be a file upload "
                                       "(with a file name), not a text value")
            if part.name == "files" and len(self.form.files) >= self.max_files:
                raise UploadError(413, f"more than {self.max_files} files in one request; "
                                       "check them in batches")
            if part.name == "previous" and self.form.previous:
                raise UploadError(400, "`previous` takes one file")
            part.digest = hashlib.sha256()
        elif part.filename is not None and part.name not in SIDE_FIELDS:
            return  # a file in a field we do not know: ignored, as unknown text fields are
        else:
            self._text_fields += 1
            if self._text_fields > MAX_FIELDS:
                raise UploadError(413, f"more than {MAX_FIELDS} form fields in one request")

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._part
        n = end - start
        part.size += n
        is_file = part.name in FILE_FIELDS
        limit = self.keep if is_file else MAX_FIELD
        if not is_file and part.filename is not None and part.name not in SIDE_FIELDS:
            return
        if not is_file and part.size > MAX_FIELD:
            raise UploadError(413, f"the field `{part.name}` is longer than {MAX_FIELD:,} bytes")
        if part.kept < limit:
            piece = data[start:min(end, start + limit - part.kept)]
            part.chunks.append(piece)
            part.kept += len(piece)
            if is_file and part.digest is not None:
                part.digest.update(piece)  # type: ignore[attr-defined]

    def _part_end(self) -> None:
        part = self._part
        data = b"".join(part.chunks)
        if part.name in FILE_FIELDS:
            if not part.filename and not part.size:
                return  # an empty file input of an HTML form: no file chosen
            digest = part.digest.hexdigest() if part.size <= SIZE_LIMIT else None  # type: ignore[attr-defined]
            name = (part.filename or "").replace("\\", "/")
            upload = Upload(name, data, part.size, digest)
            (self.form.files if part.name == "files" else self.form.previous).append(upload)
        elif part.name in SIDE_FIELDS:
            if data or part.filename is None:  # (an empty file input: no file chosen)
                self.form.sidecars.setdefault(part.name, []).append(data)
        elif part.filename is None:
            self.form.fields.setdefault(part.name, []).append(
                data.decode("utf-8", "replace"))
        self._part = _Part()

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
        raise UploadError(400, "the Content-Length header is not a number") from None
    if declared is not None and declared > max_body:
        if declared - max_body <= DRAIN_LIMIT:
            await _drain(stream)
        raise UploadError(413, _too_large(max_body))
    reader = FormReader(boundary_of(content_type), max_files)
    total = 0
    try:
        async for chunk in stream:
            total += len(chunk)
            if total > max_body:
                raise UploadError(413, _too_large(max_body))
            if chunk:
                reader.write(chunk)
    except UploadError:
        await _drain(stream)
        raise
    return reader.close()


def _too_large(max_body: int) -> str:
    return (f"the request is larger than {max_body // (1024 * 1024)} MiB; check the files in "
            f"smaller batches (a daily report is 645 bytes)")


async def _drain(stream: AsyncIterator[bytes]) -> None:
    dropped = 0
    try:
        async for chunk in stream:
            dropped += len(chunk)
            if dropped > DRAIN_LIMIT:
                break
    except Exception:  # the client went away, or the stream was consumed: nothing to drop
        pass
