"""``fxreport site DIR``: the static checker as a folder any web server can serve.

The folder holds the page of ``fxreport serve`` (the same files, with the site's
``backend.js``), a Web Worker that runs Pyodide from the folder, this package's
checking path and the pure-Python packages it uses as two zip archives made from the
installed environment, a service worker that keeps it all for offline use, and an
IIS ``web.config`` with the content security policy.  Nothing is fetched from
anywhere but the folder.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path, PurePosixPath

from ..checking.decoder import SIZE_LIMIT  # the page reads this much of a file and one byte

# The policy the hosting web server should send with every file of the folder.
SITE_CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
            "connect-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            "form-action 'none'; base-uri 'none'; frame-ancestors 'none'")

# What the worker loads of the npm package `pyodide` (package.json pins its version).
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json", "package.json")
# fxreport's parts that never run in the browser: the edges (command line, server) and
# what only writes reports or reads build inputs (pydantic, construct, openpyxl).
EDGES = ("cli.py", "__main__.py", "api.py", "specs.py", "commands", "server", "formats",
         "policy")
# Requirements of fxreport that stay off the browser's path (the edges' dependencies).
OFF_PATH = ("click", "pydantic", "construct", "openpyxl", "fastapi", "uvicorn",
            "python-multipart")
COMPILED = (".so", ".pyd", ".dylib", ".dll", ".pyc")
# Packages that read their data files by path (holidays' gettext catalogues), so cannot
# run from a zip: each is an archive of its own, unpacked when it is first imported.
UNPACKED = ("holidays",)
INSTALL_RECORDS = ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json")


class SiteError(Exception):
    """The folder cannot be written: ``key`` (of ``core.words.WORDS``) and its values say
    why and what to do."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str = "en") -> str:
        from ..core.words import word

        return word(self.key, lang, **self.params)


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(dist: str) -> list[str]:
    """``dist``'s unconditional requirements (no extras), as normalized names."""
    names = []
    for req in metadata.requires(dist) or []:
        if "extra" in req.partition(";")[2]:
            continue
        m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)
        if m:
            names.append(_norm(m.group(1)))
    return names


def bundled_distributions() -> list[str]:
    """The installed distributions the checking path may import: fxreport's
    requirements and theirs, less the edges' (``OFF_PATH``)."""
    off = {_norm(n) for n in OFF_PATH}
    seen: list[str] = []
    todo = [n for n in _requirements("fxreport") if n not in off]
    while todo:
        name = todo.pop(0)
        if name in seen or name in off:
            continue
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.append(name)
        todo.extend(_requirements(name))
    return seen


def _dist_files(name: str) -> Iterator[tuple[str, Path]]:
    """A distribution's importable files (sources and data, never compiled code)."""
    dist = metadata.distribution(name)
    for f in dist.files or []:
        parts = PurePosixPath(str(f)).parts
        if (not parts or parts[0] == ".." or parts[0].endswith(".data")
                or "__pycache__" in parts or f.suffix in COMPILED or f.name.endswith(".pth")):
            continue
        # its metadata (packages ask importlib.metadata for their version) and licences
        if parts[0].endswith(".dist-info") and f.name in INSTALL_RECORDS:
            continue
        yield str(PurePosixPath(*parts)), Path(str(dist.locate_file(f)))


def _own_files() -> Iterator[tuple[str, Path]]:
    """fxreport's checking path, from the installed package (so the code is the code)."""
    root = Path(str(resources.files("fxreport")))
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if (path.is_dir() or rel.parts[0] in EDGES or "__pycache__" in rel.parts
                or path.suffix in COMPILED or path.name == "static" or "static" in rel.parts):
            continue
        yield "fxreport/" + rel.as_posix(), path


def _zip(files: Iterator[tuple[str, Path]]) -> bytes:
    """A deterministic zip (fixed times, sorted names), importable by zipimport."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, path in sorted(files):
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, path.read_bytes())
    return buffer.getvalue()


def _page(name: str) -> bytes:
    if name == "report.css":
        from ..outputs.html import stylesheet

        return stylesheet().encode("utf-8")
    return (resources.files("fxreport.server") / "static" / name).read_bytes()


def _own(name: str) -> bytes:
    return (resources.files("fxreport.site") / "static" / name).read_bytes()


def _index() -> bytes:
    """The server's page, its links relative (the folder may be served under any path),
    without what only the server has (the API documentation)."""
    html = _page("index.html").decode("utf-8")
    html = html.replace('"/static/', '"static/')
    html = re.sub(r"<a\b[^>]*\bdata-server-only\b[^>]*>.*?</a>", "", html, flags=re.S)
    return html.encode("utf-8")


def _pyodide(source: Path) -> dict[str, bytes]:
    missing = [n for n in PYODIDE_FILES if not (source / n).is_file()]
    if missing:
        from ..core.words import shown_path

        raise SiteError("site_no_runtime", path=shown_path(source), missing=", ".join(missing))
    return {f"pyodide/{n}": (source / n).read_bytes() for n in PYODIDE_FILES}


def python_archives() -> dict[str, bytes]:
    """The worker's Python: fxreport's checking path and the packages it imports, each
    a zip for zipimport, by their paths in the folder."""
    dists = bundled_distributions()
    return {"py/fxreport.zip": _zip(_own_files()),
            "py/deps.zip": _zip(f for d in dists if d not in UNPACKED for f in _dist_files(d)),
            **{f"py/{d}.zip": _zip(_dist_files(d)) for d in dists if d in UNPACKED}}


def site_files(pyodide: Path) -> dict[str, bytes]:
    """Every file of the folder, by its path in it."""
    files: dict[str, bytes] = {"index.html": _index()}
    for name in ("page.css", "report.css", "page.js"):
        files[f"static/{name}"] = _page(name)
    files.update(python_archives())
    files.update(_pyodide(pyodide))
    # the worker keeps what it builds from the archives and the runtime (their compiled
    # modules, the started interpreter) under their digest: a new build starts afresh
    runtime = _digest({n: d for n, d in files.items() if n.startswith(("py/", "pyodide/"))})
    files["static/backend.js"] = _own("backend.js").replace(b"__SIZE_LIMIT__", b"%d" % SIZE_LIMIT)
    files["static/worker.js"] = _own("worker.js").replace(b"__BUILD__", runtime.encode("ascii"))
    files["web.config"] = _own("web.config").replace(b"__CSP__", SITE_CSP.encode("ascii"))
    cached = ["./"] + sorted(n for n in files if n != "web.config")
    files["sw.js"] = (_own("sw.js").replace(b"__VERSION__", _digest(files).encode("ascii"))
                      .replace(b"__FILES__", json.dumps(cached).encode("ascii")))
    return files


def _digest(files: dict[str, bytes]) -> str:
    """A short digest of ``files`` (names and contents)."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:16]


def write_site(dest: Path, pyodide: Path, *, overwrite: bool = False) -> dict[str, bytes]:
    """Write the folder (each file atomically; an existing file only with ``overwrite``,
    else FileExistsError naming it); the files written, by path."""
    from ..policy.atomic import write_atomic

    files = site_files(pyodide)
    if not overwrite:
        for name in files:
            if (dest / name).exists():
                raise FileExistsError(str(dest / name))
    for name, data in files.items():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data, overwrite=True)
    return files
