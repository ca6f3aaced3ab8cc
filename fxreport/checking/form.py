"""The check form, read once: ``fxreport serve``'s routes and the static site's worker
both turn the form the page sends into the pipeline's ``CheckOptions`` here.

``options_of_form(fields, files)`` takes the form as a plain mapping, field name -> the
values given (a field given more than once counts as its last value):

- ``lang``, ``calendar``, ``select``, ``ignore``, ``strict``, ``closed_days``,
  ``open_days``: text (``str``, or ``bytes`` read as UTF-8);
- ``limits``, ``verified``: the bytes of a limits or verified file (FORMAT.md 7.5,
  7.6; text is taken as its UTF-8 bytes); a blank one counts as not given;
- ``previous``: the previous report, a ``pipeline.Content``;

and ``files``, how many report files come with it.  It answers the ``CheckOptions`` of
``fxreport check``, or raises ``pipeline.OptionError`` whose ``key`` is the catalogue's
word (``core.words.SERVER``), ``message(lang)`` its sentence in either language and
``lang`` the form's language once it is known; ``status_of`` is the HTTP status both
doors answer it with, and ``Upload`` the file both doors keep of what was sent.  No web framework is imported: this runs in the browser too.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, Union

from ..core.words import LANGS
from .calendar import DEFAULT_CALENDAR, CalendarError, days_from_text
from .pipeline import CheckOptions, Content, OptionError, prepare, split_codes
from .sidecar import SidecarError, read_limits, read_verified

FormValue = Union[str, bytes, Content]
Form = Mapping[str, Sequence[FormValue]]


class Upload(NamedTuple):
    """A file sent with the form (a part of the server's request, a file chosen on the
    static page): its name as sent, the bytes the checker reads (its first
    ``decoder.SIZE_LIMIT + 1``), its whole size, and its SHA-256 where the door works it
    out as the file arrives (the server; None over the size limit, not read in full),
    else None (the page's report works it out from ``data``)."""

    name: str
    data: bytes
    size: int
    sha256: str | None = None

# refusals of the request's shape rather than of an option's value
_STATUS = {"no_files": 400, "previous_single": 400}


def status_of(exc: OptionError) -> int:
    """The HTTP status a door answers a refused form with: 400 for no files or
    ``previous`` with several, 422 for an option's value."""
    return _STATUS.get(exc.key, 422)


def options_of_form(fields: Form, files: int, *, lang: str = "en",
                    calendar: str = DEFAULT_CALENDAR) -> CheckOptions:
    """The form's options for ``files`` report files; ``lang`` and ``calendar`` are the
    door's defaults for a form that names none (the server's: the browser's
    Accept-Language and ``serve --calendar``).  ``OptionError`` says what cannot be used,
    in the order a reader meets it: the language, the files, each option, then the
    selection, the calendar and ``previous`` together (``pipeline.prepare``)."""
    lang = _lang(fields, lang)
    try:
        if not files:
            raise OptionError("files", key="no_files")
        previous = [v for v in fields.get("previous", ()) if isinstance(v, Content)]
        options = CheckOptions(
            select=split_codes(_texts(fields, "select")),
            ignore=split_codes(_texts(fields, "ignore")),
            calendar=_last(fields, "calendar") or calendar,
            closed_days=_days(fields, "closed_days"), open_days=_days(fields, "open_days"),
            previous=previous[0] if previous else None,
            strict=_bool(fields, "strict"), lang=lang,
            limits=_sidecar(fields, "limits"),
            verified=tuple(_sidecar(fields, "verified") or ()))
        prepare(options, files)  # the selection, the calendar, `previous` with one file
    except OptionError as exc:
        exc.lang = lang
        raise
    return options


def _text(value: FormValue) -> str:
    if isinstance(value, Content):
        return value.name
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _texts(fields: Form, name: str) -> list[str]:
    return [_text(v) for v in fields.get(name, ())]


def _last(fields: Form, name: str) -> str:
    """A field given more than once counts as its last value."""
    values = fields.get(name)
    return _text(values[-1]) if values else ""


def _lang(fields: Form, default: str) -> str:
    """The form's `lang` wins over the door's default (the browser's language)."""
    lang = _last(fields, "lang") if "lang" in fields else default
    if lang not in LANGS:
        raise OptionError("lang", lang, key="bad_lang", value=lang)
    return lang


def _bool(fields: Form, name: str) -> bool:
    """A form's boolean: true or false (``on``: an HTML checkbox); absent is false."""
    if not fields.get(name):
        return False
    value = _last(fields, name)
    low = value.strip().lower()
    if low in ("true", "on"):
        return True
    if low == "false":
        return False
    raise OptionError(name, value, key="not_boolean", name=name, value=value)


def _days(fields: Form, name: str) -> tuple[_dt.date, ...]:
    """`closed_days` or `open_days`: the text of a day file (as `--closed-days FILE`)."""
    try:
        return tuple(days_from_text("\n".join(_texts(fields, name)), name))
    except CalendarError as exc:
        raise OptionError(name, str(exc), key=exc.key, cause=exc) from None


def _sidecar(fields: Form, name: str) -> Any:
    """`limits` or `verified` (FORMAT.md 7.5, 7.6): the last one given, read as
    `--limits`/`--verified` read theirs; the error names its line and cell."""
    given = [v if isinstance(v, bytes) else _text(v).encode("utf-8")
             for v in fields.get(name, ())]
    given = [data for data in given if data.strip()]
    if not given:
        return None
    try:
        return (read_limits if name == "limits" else read_verified)(given[-1], f"`{name}`")
    except SidecarError as exc:  # worded as the CLI words it
        raise OptionError(name, str(exc), key="sidecar", cause=exc) from None
