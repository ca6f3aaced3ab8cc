from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import os  # noqa: E402
import subprocess  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

import pytest  # noqa: E402
from click.testing import CliRunner, Result  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from fxreport.cli import cli  # noqa: E402
from reports import DAY2, Run  # noqa: E402
from serving import PYODIDE, Server, StaticSite, chromium, running_server, static_site  # noqa: E402

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from playwright.sync_api import Browser

# "ci" is the default and keeps the suite fast; HYPOTHESIS_PROFILE=long fuzzes for real.
settings.register_profile("ci", max_examples=100, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=20_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    """In CI (CI=true) the browser and spreadsheet tests must run: `.ci/run` installs
    chromium and LibreOffice, and the README's test command runs `npm ci` (the static
    site's Pyodide), so a skip there would hide a missing install step."""
    if os.environ.get("CI", "").lower() not in ("1", "true", "yes"):
        return
    for item in items:
        for mark in item.iter_markers("skipif"):
            reason = str(mark.kwargs.get("reason", ""))
            needs_program = any(w in reason for w in ("chromium", "soffice", "playwright", "LibreOffice",
                                                      "npm ci"))
            if needs_program and mark.args and mark.args[0]:
                raise pytest.UsageError(f"CI: {item.nodeid} would skip ({reason}); "
                                        ".ci/run must install the program")


# --- shared fixtures: the helpers every test module used to define for itself ---------
# Plain constants (ROOT, SAMPLES, DAY1, ...) and byte helpers (put) live in reports.py.

def invoke(*args: str | os.PathLike[str], input: bytes | str | None = None,
           env: dict[str, str] | None = None, cwd: Path | None = None, **kw: Any) -> Result:
    """``fxreport ARGS`` in-process, in folder ``cwd`` when given (for relative paths, as a
    user types them); paths may be given as ``Path``."""
    argv = [os.fspath(a) for a in args]
    if cwd is None:
        return CliRunner().invoke(cli, argv, input=input, env=env, **kw)
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, argv, input=input, env=env, **kw)
    finally:
        os.chdir(here)


@pytest.fixture(scope="session")  # stateless, so @given tests may use it too
def run() -> Run:
    """The CLI in-process: ``run("check", path, input=..., env=...)`` gives click's Result."""
    return invoke


@pytest.fixture(scope="module")
def client() -> TestClient:
    """The server's app (`create_app()`, default caps) through FastAPI's test client."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about its httpx-based client
        from fastapi.testclient import TestClient

    from fxreport.server.app import create_app

    return TestClient(create_app())


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests save screenshots for a person: $FXREPORT_SHOTS or a temporary folder."""
    folder = os.environ.get("FXREPORT_SHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("shots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A real `fxreport serve` (serving.running_server) for a module's page tests."""
    with running_server(tmp_path_factory.mktemp("page-server")) as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless chromium for a module marked with serving.BROWSER_MARKS."""
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticSite]:
    """The static checker as a person builds it, `fxreport site DIR` (the Pyodide of
    `npm ci`), served on loopback; for modules marked with serving.SITE_MARKS."""
    folder = tmp_path_factory.mktemp("site") / "checker"
    done = subprocess.run([sys.executable, "-m", "fxreport", "site", str(folder),
                           "--pyodide", str(PYODIDE)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with static_site(folder) as s:
        yield s


@pytest.fixture(scope="session")
def sample_csv() -> bytes:
    """``fxreport show`` of the sample day as CSV (English labels), as bytes."""
    r = invoke("show", DAY2, "--format", "csv")
    assert r.exit_code == 0, r.output
    return r.stdout_bytes


@pytest.fixture(scope="session")
def rolled_form(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """``fxreport roll`` of the sample day into the workbook form, as bytes."""
    book = tmp_path_factory.mktemp("rolled") / "rolled.xlsx"
    r = invoke("roll", DAY2, "--format", "xlsx", "-o", book, "--force")
    assert r.exit_code == 0, r.output
    return book.read_bytes()
