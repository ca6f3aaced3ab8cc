"""Workbooks for tests: the rolled form's zip parts patched, and LibreOffice headless.
The rolled form itself is the `rolled` fixture (conftest.py)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SHEET_PART = "xl/worksheets/sheet1.xml"
WORKBOOK_PART = "xl/workbook.xml"


def patched(data: bytes, changes: dict[str, Callable[[bytes], bytes] | bytes | None]) -> bytes:
    """The package with parts replaced (bytes), rewritten (a function) or added."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = [i.filename for i in src.infolist()]
        for name in names:
            change = changes.get(name)
            body = src.read(name)
            if callable(change):
                body = change(body)
            elif isinstance(change, bytes):
                body = change
            dst.writestr(name, body)
        for name, change in changes.items():
            if name not in names and isinstance(change, bytes):
                dst.writestr(name, change)
    return out.getvalue()


def with_sheet(data: bytes, title: str, sheet_xml: bytes, state: str | None = None) -> bytes:
    """The package with a second worksheet (its XML as given) after the form."""
    def workbook(body: bytes) -> bytes:
        attr = f' state="{state}"' if state else ""
        entry = f'<sheet name="{title}" sheetId="9" r:id="rIdX9"{attr}/>'.encode()
        return body.replace(b"</sheets>", entry + b"</sheets>")

    def rels(body: bytes) -> bytes:
        rel = (b'<Relationship Id="rIdX9" Type="http://schemas.openxmlformats.org/officeDocument/'
               b'2006/relationships/worksheet" Target="worksheets/sheet9.xml"/>')
        return body.replace(b"</Relationships>", rel + b"</Relationships>")

    def types(body: bytes) -> bytes:
        over = (b'<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        return body.replace(b"</Types>", over + b"</Types>")

    return patched(data, {WORKBOOK_PART: workbook, "xl/_rels/workbook.xml.rels": rels,
                          "[Content_Types].xml": types, "xl/worksheets/sheet9.xml": sheet_xml})


def sheet_xml(rows: str | bytes) -> bytes:
    body = rows.encode() if isinstance(rows, str) else rows
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxml'
            b'formats.org/spreadsheetml/2006/main"><sheetData>' + body + b"</sheetData></worksheet>")


def renamed_name(data: bytes, name: str, target: str) -> bytes:
    """The defined name ``name`` made to refer to ``target`` (``'日報表'!$H$8``)."""
    def workbook(body: bytes) -> bytes:
        new, n = re.subn(rf'(<definedName name="{name}"[^>]*>)[^<]*(</definedName>)'.encode(),
                         rb"\g<1>" + target.encode() + rb"\g<2>", body)
        assert n == 1
        return new

    return patched(data, {WORKBOOK_PART: workbook})


def set_cell(data: bytes, coord: str, inner: str) -> bytes:
    """The form's cell ``coord`` given new contents (``<v>5000</v>``), added when missing."""
    def sheet(body: bytes) -> bytes:
        new, n = re.subn(rf'<c r="{coord}"([^>]*?)(/>|>.*?</c>)'.encode(),
                         f'<c r="{coord}"\\1>{inner}</c>'.replace("\\1", "\\g<1>").encode(), body,
                         flags=re.DOTALL)
        if n == 0:
            row = re.sub(r"[A-Z]+", "", coord)
            new, n = re.subn(rf'(<row r="{row}"[^>]*>)'.encode(),
                             rb"\g<1>" + f'<c r="{coord}">{inner}</c>'.encode(), body)
        assert n == 1, coord
        return new

    return patched(data, {SHEET_PART: sheet})


def office_convert(src: Path, to: str, profile: Path, infilter: str | None = None) -> Path:
    """Convert with LibreOffice headless in a private profile (``infilter``: how to open it,
    such as ``CSV:44,34,76,1``, comma, quote, UTF-8, from line 1)."""
    assert SOFFICE is not None
    opening = [f"--infilter={infilter}"] if infilter else []
    outdir = src.parent / f"lo-{to.split(':')[0]}"
    outdir.mkdir(exist_ok=True)
    p = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--norestore", *opening, "--convert-to", to, "--outdir", str(outdir), str(src)],
                       capture_output=True, text=True, timeout=300,
                       env={**os.environ, "HOME": str(profile)})
    made = outdir / (src.stem + "." + to.split(":")[0])
    assert made.exists(), p.stdout + p.stderr
    return made
