"""What the static site's Web Worker calls, in Pyodide: the page's form in, the
JSON and the HTML report of ``fxreport check`` out.

It takes the form the page would post to ``fxreport serve`` (files, ``previous`` and
the text fields) and answers what ``/api/check`` and ``/api/report`` answer; the JSON
text is written by ``write_json``, so it is the CLI's byte for byte.  ``check_form``
answers the JSON (the verdict the page shows first); ``report_html`` then renders the
HTML report of that same check, so the verdict does not wait for the report.  Only the
checking path is imported at start (the HTML report when first rendered): this module
must run with the standard library and the pure-Python packages that ``fxreport site``
bundles.
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..checking.form import FormValue, options_of_form, status_of
from ..checking.pipeline import CheckOptions, Content, OptionError, Outcome, check_contents
from ..core.words import SITE, display_path, server_message
from ..outputs import write_json

if TYPE_CHECKING:
    from ..outputs.html import FileFacts



class _Unpacking:
    """A meta path finder for packages that read their data files by path (holidays
    finds its gettext catalogues so) and so cannot run from a zip: their first import
    unpacks their archive into a folder and puts it on the path."""

    def __init__(self, archive: str, folder: str) -> None:
        import zipfile

        self.archive, self.folder = archive, folder
        with zipfile.ZipFile(archive) as z:
            self.names = {n.split("/")[0].removesuffix(".py") for n in z.namelist()}

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        import os

        # (the folder, not the path, says whether it is unpacked: an interpreter restored
        # from a memory snapshot has the path of the one that made it, not its files)
        if name.partition(".")[0] in self.names and not os.path.isdir(self.folder):
            import importlib
            import zipfile

            with zipfile.ZipFile(self.archive) as z:
                z.extractall(self.folder)
            if self.folder not in sys.path:
                sys.path.insert(0, self.folder)
            importlib.invalidate_caches()
        return None  # the path finder, after this one, finds it in the folder


def add_archives(zipped: Sequence[str], unpacked: Sequence[str]) -> None:
    """Put the site's archives on the path: ``zipped`` imported from the zip, each of
    ``unpacked`` unpacked beside it (``NAME.zip`` to ``NAME``) when first imported."""
    sys.path[:0] = list(zipped)
    for archive in unpacked:
        sys.meta_path.insert(0, _Unpacking(archive, archive.removesuffix(".zip")))


# What a check imports on first use (the calendar tables, the sidecar reader, json) and
# what the HTML report imports: the worker imports them while the person chooses files,
# so the first check waits for none, and keeps them in its memory snapshot.
FIRST_USE = ("fxreport.checking._calendar_data", "fxreport.checking.sidecar", "json", "dataclasses")
REPORT = ("fxreport.outputs.html", "leather", "xml.etree.ElementTree")  # leather: the charts


def preload() -> None:
    """Import ``FIRST_USE`` and ``REPORT`` now, and check and report two made-up days
    (the code a check runs, run once: its caches filled, the runtime's code compiled)."""
    import importlib

    for name in FIRST_USE + REPORT:
        importlib.import_module(name)
    from ..outputs.html import render_html

    made_up = {f"WAP{d:%m%d}.txt": _made_up("WARM", d) for d in (_dt.date(2024, 3, 4), _dt.date(2024, 3, 5))}
    days = [Upload(name, data, len(data)) for name, data in made_up.items()]
    outcome = check_contents([Content(u.name, u.data) for u in days], CheckOptions())
    write_json(outcome, io.StringIO())
    render_html(outcome, [_facts(u) for u in days], previous=None,
                made_at=_dt.datetime(2024, 3, 5, tzinfo=_dt.timezone.utc))


def _made_up(bank: str, day: _dt.date) -> bytes:
    """A report of ``bank`` on ``day`` with every amount 0, written from the layout."""
    from ..core.fields import AMOUNT, CODE, ROC_DATE
    from ..core.layout import FX_POSITION

    def value(t: object) -> object:
        return bank if t is CODE else day if t is ROC_DATE else 0 if t is AMOUNT else None

    return b"".join(b"".join(f.type.format(value(f.type), f.width) for f in fields) + b"\r\n"
                    for fields in FX_POSITION.records)


def reread_archives(archives: Sequence[str]) -> None:
    """``archives`` written anew (in an interpreter restored from a memory snapshot,
    which read their directories before: the bytecode archive in place of the sources):
    every importer of one, a package's folder in it too, reads it again.  (Not
    ``importlib.invalidate_caches()``: it imports ``importlib.metadata`` and reads
    every archive again.)"""
    import zipimport

    for finder in list(sys.path_importer_cache.values()):
        if isinstance(finder, zipimport.zipimporter) and finder.archive in archives:
            finder.invalidate_caches()


def compiled_archive(source: str, target: str) -> None:
    """``source`` (a zip of modules) with each module's bytecode beside it, as an
    unchecked hash-based .pyc (PEP 552) that zipimport loads without compiling: the
    worker keeps it in the browser's cache, so later visits import without compiling."""
    import importlib.util
    import marshal
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, data)
            if info.filename.endswith(".py"):
                code = compile(data, f"{source}/{info.filename}", "exec", dont_inherit=True)
                pyc = (importlib.util.MAGIC_NUMBER + (0b01).to_bytes(4, "little")
                       + importlib.util.source_hash(data) + marshal.dumps(code))
                out.writestr(zipfile.ZipInfo(info.filename + "c", info.date_time), pyc)


class Upload(NamedTuple):
    """A chosen file: its name, its first ``SIZE_LIMIT + 1`` bytes and its whole size."""

    name: str
    data: bytes
    size: int


class Refused(ValueError):
    """A form the checker refuses, said as the server says it (status, detail)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def options_of(fields: dict[str, list[str]], previous: Upload | None,
               sidecars: dict[str, list[Upload]] | None = None, files: int = 1) -> CheckOptions:
    """The form's fields as the pipeline's options, read as the server reads them
    (``checking.form``); ``Refused`` with the server's status and words, in the form's
    language (English when its `lang` is not one)."""
    form: dict[str, Sequence[FormValue]] = dict(fields)
    for name, uploads in (sidecars or {}).items():
        form[name] = [u.data for u in uploads]
    if previous is not None:
        form["previous"] = [Content(previous.name, previous.data)]
    try:
        return options_of_form(form, files)
    except OptionError as exc:
        raise Refused(status_of(exc), refusal_text(exc, exc.lang or "en")) from None


def refusal_text(exc: OptionError, lang: str) -> str:
    """A refused form in the page's words: the server's (``OptionError.message``), but
    for the refusals whose server words name what only the server has (``words.SITE``)."""
    if exc.key in SITE and exc.cause is None:
        return server_message(exc.key, lang, exc.params, SITE)
    return exc.message(lang)


def check_form(entries: Iterable[Sequence[Any]], utc_offset: int | None = None) -> dict[str, Any]:
    """The page's form as the worker passes it: ``(name, text)`` for a text field and
    ``(name, filename, data, size)`` for a file, ``data`` as bytes, a memoryview or a
    Pyodide proxy of a ``Uint8Array``; ``utc_offset``: the computer's zone in minutes."""
    fields: dict[str, list[str]] = {}
    uploads: dict[str, list[Upload]] = {}
    for entry in entries:
        if len(entry) == 2:
            fields.setdefault(str(entry[0]), []).append(str(entry[1]))
        else:
            name, filename, data, size = entry
            data = data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)
            uploads.setdefault(str(name), []).append(Upload(str(filename), data, int(size)))
    previous = uploads.get("previous", [])
    zone = _dt.timezone(_dt.timedelta(minutes=utc_offset)) if utc_offset is not None else None
    return check(uploads.get("files", []), previous[0] if previous else None, fields, zone,
                 {k: uploads[k] for k in ("limits", "verified") if k in uploads})


def check(files: Sequence[Upload], previous: Upload | None, fields: dict[str, list[str]],
          zone: _dt.tzinfo | None = None,
          sidecars: dict[str, list[Upload]] | None = None) -> dict[str, Any]:
    """The page's check: ``{status, json, name, exit}``, or ``{status, detail}`` for a
    refused form (as the server's 400/422); ``report_html()`` then gives its HTML
    report, ``name`` its file name, with the time of the check in ``zone``."""
    _last_check.clear()
    try:
        return _check(files, previous, fields, zone, sidecars)
    except Refused as exc:
        return {"status": exc.status, "detail": exc.detail}


class _Checked(NamedTuple):
    """A check answered and its report not yet rendered (what the report needs)."""

    outcome: Outcome
    files: Sequence[Upload]
    previous: Upload | None
    made: _dt.datetime


# the last check's, until its report is rendered (the worker asks right after the JSON)
_last_check: list[_Checked] = []


def report_html() -> str | None:
    """The HTML report of the last check (as ``fxreport check --format html``), or None
    when there is none (a refused form, or already rendered)."""
    if not _last_check:
        return None
    done = _last_check.pop()
    from ..outputs.html import render_html

    return render_html(done.outcome, [_facts(u) for u in done.files],
                       previous=_facts(done.previous) if done.previous else None, made_at=done.made)


def _facts(u: Upload) -> FileFacts:
    from ..outputs.html import facts_of

    return facts_of(display_path(u.name), u.data, u.size)


def _check(files: Sequence[Upload], previous: Upload | None, fields: dict[str, list[str]],
           zone: _dt.tzinfo | None, sidecars: dict[str, list[Upload]] | None) -> dict[str, Any]:
    options = options_of(fields, previous, sidecars, len(files))
    # the one check of `fxreport check`, the server and the page
    outcome = check_contents([Content(u.name, u.data) for u in files], options)
    out = io.StringIO()
    write_json(outcome, out)
    made = _dt.datetime.now(zone).astimezone(zone)
    _last_check.append(_Checked(outcome, files, previous, made))
    return {"status": 200, "json": out.getvalue(), "exit": outcome.exit_status(),
            "name": f"fxreport-check-{made:%Y%m%d-%H%M%S}.html"}
