"""`fxreport site`: the static checker, built as the README says, served by a plain
loopback web server and driven in Debian's Chromium through playwright.

The JSON the page downloads equals `fxreport check --format json` for every corpus
case whose files exist, in both languages, on one loaded page per language; the page
asks for nothing outside its origin and sends no file anywhere; it opens and checks
offline once visited.  The checking path runs from the site's own archives with the
standard library alone (`test_site_bundle.py`).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from serving import CHROMIUM, PYODIDE, SITE_MARKS, StaticSite, Watched, static_site
from reports import CORPUS, ROOT, Run, SAMPLES

try:
    from playwright.sync_api import Browser, Page
except ImportError:  # pragma: no cover - the test extra installs it (page_marks skip then)
    pass

pytestmark = SITE_MARKS  # playwright, Debian's chromium and `npm ci`'s Pyodide
# the CLI's options that the page has a control for (selector, kind)
CONTROLS = {"--previous": ("#previous", "file"), "--strict": ("#strict", "check"),
            "--closed-days": ("#closed", "text"), "--open-days": ("#open", "text"),
            "--calendar": ("#calendar", "select"),
            "--limits": ("#limits", "file"), "--verified": ("#verified", "file")}


class Visit(Watched):
    """The page of the site (its origin: ``site.url``): every request recorded with its
    method and body, any outside the origin refused; downloads allowed."""

    def __init__(self, browser: Browser, site: StaticSite, **context: Any) -> None:
        super().__init__(browser, site, accept_downloads=True, **context)  # type: ignore[arg-type]
        self.context.set_default_timeout(120_000)  # the runtime's start on a loaded machine
        self.sent: list[tuple[str, str, str | None]] = []
        self.context.on("request", lambda r: self.sent.append((r.method, r.url, r.post_data)))

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_selector("#runtime[data-stage=ready]")


def _cases() -> list[tuple[str, dict[str, Any]]]:
    return [(p.parent.name, json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(CORPUS.glob("*/expected.json"))]


def _cli_json(run: Run, cwd: Path, args: list[str]) -> str:
    """What `fxreport check --format json` prints, run in ``cwd``."""
    result = run("check", "--format", "json", *args, cwd=cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout


def _payload(path: Path, name: str) -> dict[str, Any]:
    return {"name": name, "mimeType": "text/plain", "buffer": path.read_bytes()}


def _drive(page: Page, folder: Path, expected: dict[str, Any], lang: str) -> tuple[str, list[str]] | None:
    """Check a case on the page as a person would; the downloaded JSON and the CLI's
    arguments that give the same paths, or None when the page has no control for one of
    the case's options."""
    args = list(expected["args"])
    options: dict[str, str | None] = {}
    while args:
        flag = args.pop(0)
        options[flag] = None if flag == "--strict" else args.pop(0)
    for flag in options:
        if flag not in CONTROLS or page.query_selector(CONTROLS[flag][0]) is None:
            return None
    page.click("#clear")
    page.set_input_files("#previous", [])
    if page.is_checked("#strict") != ("--strict" in options):
        page.click("#strict")  # (inside the closed <details>: checked by its label's script)
    for flag, value in options.items():
        selector, kind = CONTROLS[flag]
        assert value is not None or kind == "check"
        if kind == "file":
            page.set_input_files(selector, _payload(folder / value, value))
        elif kind == "text":
            page.fill(selector, (folder / value).read_text(encoding="utf-8"))
        elif kind == "select":
            page.select_option(selector, value)
    for flag, (selector, kind) in CONTROLS.items():  # the others back to their defaults
        if flag not in options and page.query_selector(selector) is not None:
            if kind == "text":
                page.fill(selector, "")
            elif kind == "select":
                page.select_option(selector, index=0)
    paths = expected["paths"]
    if len(paths) == 1 and (folder / paths[0]).is_dir():  # a folder: the folder picker
        directory = (folder / paths[0]).resolve()
        page.set_input_files("#folder", str(directory))
        cwd, cli_paths = directory.parent, [directory.name]
    else:
        page.set_input_files("#files", [_payload(folder / p, p) for p in paths])
        cwd, cli_paths = folder, list(paths)
    cli_args = []  # the case's options; a file they name found from the CLI's folder
    for flag, value in options.items():
        kind = CONTROLS[flag][1]
        cli_args += [flag] if value is None else [
            flag, str((folder / value).resolve()) if kind in ("file", "text") and cwd != folder else value]
    if expected["exit"] == 2:  # a usage error (a malformed limits file...): refused, as the CLI
        failed = "The check could not be made" if lang == "en" else "無法檢核"
        page.wait_for_function("([sel, words]) => document.querySelector(sel).textContent.includes(words)",
                               arg=["#status", failed], timeout=120_000)
        return "", [*cli_args, "--lang", lang, *cli_paths], cwd  # type: ignore[return-value]
    page.wait_for_selector("#results #report")
    page.wait_for_selector("#dl-json:enabled")
    with page.expect_download() as download:
        page.click("#dl-json")
    got = Path(download.value.path()).read_text(encoding="utf-8")
    return got, [*cli_args, "--lang", lang, *cli_paths], cwd  # type: ignore[return-value]


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_the_corpus_on_the_page_equals_the_cli(run: Run, browser: Browser, site: StaticSite, lang: str) -> None:
    v = Visit(browser, site, locale="en-US" if lang == "en" else "zh-TW")
    v.open(site.url + f"?lang={lang}")
    v.page.click("#options summary")
    checked, undriven, missing = [], [], []
    for name, expected in _cases():
        folder = CORPUS / name
        if not all((folder / p).exists() for p in expected["paths"]):
            missing.append(name)  # a path that does not exist cannot be chosen on a page
            continue
        driven = _drive(v.page, folder, expected, lang)
        if driven is None:
            undriven.append(name)
            continue
        got, args, cwd = driven  # type: ignore[misc]
        want = _cli_json(run, cwd, args)
        assert got == want, f"{name}: the page's JSON differs from `fxreport check {' '.join(args)}`"
        checked.append(name)
    assert missing == ["unreadable-path"], missing
    # only the cases whose option the page has no control for yet are left out
    for name in undriven:
        flags = [a for a in dict(_cases())[name]["args"] if a.startswith("--")]
        unknown = [f for f in flags if f not in CONTROLS]
        assert not unknown, (f"{name} uses {unknown}: give the option its page control in "
                             "CONTROLS and its form field in fxreport/site/bridge.py")
        assert any(v.page.query_selector(CONTROLS[f][0]) is None for f in flags), name
    assert len(checked) >= len(_cases()) - 3, (checked, undriven)
    print(f"{lang}: {len(checked)} cases equal the CLI; not driven: {undriven}")
    # nothing left the origin; nothing but GETs of the site's own files
    assert v.outside == [], v.outside
    assert all(m == "GET" and body is None for m, _, body in v.sent), \
        [r for r in v.sent if r[0] != "GET" or r[2] is not None]
    assert all(u.startswith(site.url) for _, u, _ in v.sent), v.sent
    assert all(method in ("GET", "HEAD") and size == 0 for method, _, size in site.requests)
    assert not v.errors, v.errors
    v.close()


def test_offline_on_a_second_load(run: Run, browser: Browser, site: StaticSite,
                                  tmp_path: Path) -> None:
    """Visited once, the page opens and checks with its web server gone, from the
    interpreter the first visit kept (its memory snapshot), with the CLI's JSON."""
    with static_site(site.folder) as own:
        v = Visit(browser, own, locale="zh-TW")
        v.open(own.url + "?lang=zh-TW")
        v.page.evaluate("window.fxreportBackend.offline.then(() => true)")  # the cache is filled
        assert v.page.evaluate("window.fxreportBackend.kept") is True  # and the interpreter kept
        assert v.page.evaluate("window.fxreportBackend.stats.worker.snapshot") is False
    # the server has stopped: nothing answers on its port any more
    v.page.reload()
    v.page.wait_for_selector("#runtime[data-stage=ready]")
    assert v.page.evaluate("window.fxreportBackend.stats.worker.snapshot") is True
    assert "不會傳送到任何地方" in v.page.inner_text("#runtime")
    broken = SAMPLES / "broken" / "left-aligned"
    v.page.set_input_files("#files", [str(broken / "ABP1209.txt")])
    v.page.wait_for_selector("#results #report")
    assert "FLD003" in v.page.inner_text("#results")
    assert "不通過" in v.page.inner_text("#status")
    with v.page.expect_download() as download:
        v.page.click("#dl-json")
    got = Path(download.value.path()).read_text(encoding="utf-8")
    assert got == _cli_json(run, broken, ["--lang", "zh-TW", "ABP1209.txt"])
    # a series with its chart, and a date past the shipped tables (holidays unpacked)
    days = [_payload(SAMPLES / n, n) for n in ("ABP1208.txt", "ABP1209.txt")]
    late = (SAMPLES / "ABP1209.txt").read_bytes().replace(b"105/12/09", b"125/01/02")
    v.page.set_input_files("#files", [*days, {"name": "ABP0102.txt", "mimeType": "text/plain",
                                              "buffer": late}])
    v.page.wait_for_selector("#results #report svg")
    with v.page.expect_download() as download:
        v.page.click("#dl-json")
    got = Path(download.value.path()).read_text(encoding="utf-8")
    for day in days:
        (tmp_path / day["name"]).write_bytes(day["buffer"])
    (tmp_path / "ABP0102.txt").write_bytes(late)
    assert got == _cli_json(run, tmp_path, ["--lang", "zh-TW", "ABP1208.txt", "ABP1209.txt", "ABP0102.txt"])
    # a kept interpreter cut short (Pyodide would wait for it forever) is not started from
    build = re.search(r'const BUILD = "(\w+)"', (site.folder / "static" / "worker.js").read_text("utf-8"))
    assert build, "worker.js names its build"
    v.page.evaluate("""(build) => caches.open("fxreport-kept").then((c) => c.put(
        new URL("py/interpreter.snapshot?build=" + build, location.href).href,
        new Response(new Uint8Array(1000))))""", build.group(1))
    v.page.reload()
    v.page.wait_for_selector("#runtime[data-stage=ready]")
    assert v.page.evaluate("window.fxreportBackend.stats.worker.snapshot") is False
    v.page.set_input_files("#files", [str(broken / "ABP1209.txt")])
    v.page.wait_for_selector("#results #report")
    assert "FLD003" in v.page.inner_text("#results")
    assert v.outside == [] and not v.errors, (v.outside, v.errors)
    v.close()


def test_the_page_is_the_served_page_with_the_sites_words(run: Run, browser: Browser, site: StaticSite,
                                                          tmp_path: Path) -> None:
    """Same page files as `fxreport serve`, links relative, no API link; the page says
    where the files are checked, in both languages, and shows the runtime loading."""
    from fxreport.site.build import site_files

    files = site_files(PYODIDE)
    served = ROOT / "fxreport" / "server" / "static"
    assert files["static/page.js"] == (served / "page.js").read_bytes()
    assert files["static/page.css"] == (served / "page.css").read_bytes()
    index = files["index.html"].decode("utf-8")
    assert '"/' not in index.replace('"/>', "") and "/docs" not in index
    assert not [n for n in files if n.endswith((".so", ".pyd", ".map"))]

    v = Visit(browser, site, locale="en-US")
    v.page.goto(site.url + "?lang=en")
    stages = v.page.evaluate("document.getElementById('runtime').dataset.stage")
    assert stages in ("runtime", "package", "ready")  # a line says how far loading is
    v.page.wait_for_selector("#runtime[data-stage=ready]")
    foot = v.page.inner_text(".page-foot")
    assert "checked on this computer" in foot and "sent nowhere" in foot, foot
    v.page.click("button[data-lang='zh-TW']")
    assert "不會傳送到任何地方" in v.page.inner_text(".page-foot")
    assert "已就緒" in v.page.inner_text("#runtime")
    v.page.set_input_files("#files", [str(SAMPLES / "ABP1209.txt")])
    v.page.wait_for_selector("#results #report")
    with v.page.expect_download() as download:
        v.page.click("#dl-html")
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "ABP1209.txt" in html
    # a date past the shipped calendar tables: holidays, unpacked on demand, decides it
    late = (SAMPLES / "ABP1209.txt").read_bytes().replace(b"105/12/09", b"125/01/02")
    v.page.set_input_files("#files", {"name": "ABP0102.txt", "mimeType": "text/plain", "buffer": late})
    v.page.wait_for_selector("#results #report")
    with v.page.expect_download() as download:
        v.page.click("#dl-json")
    (tmp_path / "ABP0102.txt").write_bytes(late)
    assert Path(download.value.path()).read_text(encoding="utf-8") == _cli_json(
        run, tmp_path, ["--lang", "zh-TW", "ABP0102.txt"])
    v.page.click("#options summary")
    v.page.fill("#select", "ARI, XYZ")
    v.page.click("#check")
    v.page.wait_for_selector("#status.error")
    assert "XYZ" in v.page.inner_text("#status")
    assert v.outside == [] and not v.errors, (v.outside, v.errors)
    v.close()


def test_the_site_benchmark_runs() -> None:
    """benchmarks/site.py end to end on a few files, so it cannot rot (no time asserted)."""
    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "site.py"), "--files", "3",
                        "--rounds", "1", "--pyodide", str(PYODIDE), "--chromium", str(CHROMIUM)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]
    for start in ("1. ready, cold:", "2. ready, cached:", "3. 3 files on the page:",
                  "4. fxreport check --format json, the same 3 files:"):
        assert start in p.stdout, p.stdout
