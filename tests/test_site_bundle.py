"""The static site's Python is pure: fxreport's checking path and the packages it
imports, run from the site's own archives by a Python with the standard library alone
(no site-packages: every compiled third-party package is out of reach, and click,
pydantic, pydantic_core, construct and openpyxl are refused outright), give the CLI's
JSON for every corpus case.  An import of a compiled or an edge package on the
checking path fails here, as it would fail in the browser."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fxreport.site.build import OFF_PATH, bundled_distributions, python_archives
from reports import CORPUS, README, ROOT, Run, SAMPLES

REFUSED = ("click", "pydantic", "pydantic_core", "construct", "openpyxl", "fastapi",
           "starlette", "uvicorn", "python_multipart", "multipart")

# Runs in `python -I -S`: the archives first on the path, an import hook refusing the
# edge packages; checks each form it is given and says which modules it loaded from where.
RUNNER = r"""
import importlib.abc, json, sys, sysconfig
REFUSED, archives = json.loads(sys.argv[1]), json.loads(sys.argv[2])
tried = []
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in REFUSED:
            tried.append(name)
            raise ImportError(f"{name} is off the checking path")
        return None
sys.meta_path.insert(0, Refuse())
sys.path.insert(0, archives[0])  # as the worker does
from fxreport.site.bridge import add_archives, check_form, preload, report_html
add_archives(archives[1:2], archives[2:])
preload()  # as the worker does before its first check
before, fresh = set(sys.modules), None
results = []
for case in json.load(sys.stdin):
    entries = [tuple(e) if len(e) == 2 else (e[0], e[1], bytes.fromhex(e[2]), e[3]) for e in case]
    answer = check_form(entries, 0)  # a refused form (a usage error) has no JSON, as the CLI prints none
    report = report_html()  # the HTML report of the same check, asked for after its JSON
    assert (report is None) == ("json" not in answer) and report_html() is None, answer
    assert report is None or report.startswith("<!DOCTYPE html>"), report[:100]
    results.append(answer.get("json", ""))
    if fresh is None:  # the first form: two plain days, imported nothing more
        fresh = sorted(set(sys.modules) - before)
stdlib = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"])
outside = sorted(name for name, m in list(sys.modules.items())
                 if getattr(m, "__file__", None) and not m.__file__.startswith(stdlib)
                 and not m.__file__.startswith(tuple(a.removesuffix(".zip") for a in archives)))
print(json.dumps({"results": results, "tried": tried, "outside": outside, "fresh": fresh,
                  "loaded": sorted(sys.modules), "path": sys.path}))
"""


def _cli(run: Run, cwd: Path, args: list[str]) -> str:
    return str(run("check", "--format", "json", *args, cwd=cwd).stdout)


def _entry(field: str, name: str, data: bytes) -> list[object]:
    return [field, name, data.hex(), len(data)]


def test_the_checking_path_runs_from_the_sites_archives_alone(run: Run, tmp_path: Path) -> None:
    archives = []
    built = python_archives()
    assert list(built) == ["py/fxreport.zip", "py/deps.zip", "py/holidays.zip"]  # as worker.js has them
    for name, data in built.items():
        path = tmp_path / Path(name).name
        path.write_bytes(data)
        archives.append(str(path))
    # first two days of a firm (a report with its chart): the modules a check and its
    # report import on first use are all imported beforehand (bridge.preload, while the
    # person chooses files)
    days = ["ABP1208.txt", "ABP1209.txt"]
    forms = [[*(_entry("files", d, (SAMPLES / d).read_bytes()) for d in days), ["lang", "en"]]]
    wants = [_cli(run, SAMPLES, days)]
    for spec in sorted(CORPUS.glob("*/expected.json")):
        expected, folder = json.loads(spec.read_text(encoding="utf-8")), spec.parent
        paths = expected["paths"]
        if not all((folder / p).is_file() for p in paths):
            continue  # a folder or a missing path: the page test drives those
        args, form = list(expected["args"]), [_entry("files", p, (folder / p).read_bytes()) for p in paths]
        for flag, value in zip(args, args[1:] + [""]):
            if flag in ("--previous", "--limits", "--verified"):
                form.append(_entry(flag[2:], value, (folder / value).read_bytes()))
            elif flag == "--strict":
                form.append(["strict", "true"])
        for lang in ("en", "zh-TW"):
            forms.append(form + [["lang", lang]])
            wants.append(_cli(run, folder, [*args, "--lang", lang, *paths]))
    # a date past the shipped calendar tables: holidays (and python-dateutil) decide it
    late = (SAMPLES / "ABP1209.txt").read_bytes().replace(b"105/12/09", b"125/01/02")
    (tmp_path / "ABP0102.txt").write_bytes(late)
    forms.append([_entry("files", "ABP0102.txt", late), ["lang", "en"]])
    wants.append(_cli(run, tmp_path, ["ABP0102.txt"]))
    proc = subprocess.run([sys.executable, "-I", "-S", "-c", RUNNER, json.dumps(REFUSED),
                          json.dumps(archives)], input=json.dumps(forms), capture_output=True,
                         text=True, encoding="utf-8", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout)
    assert not any("site-packages" in p or "dist-packages" in p for p in out["path"]), out["path"]
    assert out["tried"] == [], f"the checking path imports {out['tried']}"
    assert out["outside"] == [], f"loaded from outside the archives and the stdlib: {out['outside']}"
    assert out["fresh"] == [], f"a first check imported {out['fresh']}: add them to bridge.FIRST_USE"
    for i, (got, want) in enumerate(zip(out["results"], wants)):
        assert got == want, f"form {i}: {json.dumps(forms[i])[:300]}"
    assert len(out["results"]) > 150
    # the bundled packages really ran: chardet named an encoding, holidays a late date
    for name in ("chardet", "holidays", "dateutil", "fxreport.outputs.html"):
        assert name in out["loaded"], name


def test_the_bundle_is_pure_python_and_leaves_the_edges_out() -> None:
    import zipfile
    from io import BytesIO

    archives = python_archives()
    names = {n: zipfile.ZipFile(BytesIO(d)).namelist() for n, d in archives.items()}
    own = names["py/fxreport.zip"]
    deps = names["py/deps.zip"] + names["py/holidays.zip"]
    assert "fxreport/checking/checker.py" in own and "fxreport/site/bridge.py" in own
    assert "fxreport/outputs/report.css" in own  # the HTML report's stylesheet
    assert not [n for n in own if n.startswith(("fxreport/server/", "fxreport/commands/", "fxreport/cli.py"))]
    assert not [n for ns in names.values() for n in ns if n.endswith((".so", ".pyd", ".pyc", ".dll"))]
    tops = {n.split("/")[0] for n in deps}
    assert {"chardet", "holidays", "dateutil", "six.py"} <= tops, tops
    assert not tops & {"click", "pydantic", "pydantic_core", "construct", "openpyxl"}, tops
    assert not set(bundled_distributions()) & {n.lower() for n in OFF_PATH}


def test_the_site_command(run: Run, tmp_path: Path) -> None:
    """Refuses without a runtime (saying what to run) and over an earlier build without
    --force; writes the folder with the policy for IIS; `fxreport --help` lists it."""
    from fxreport.site.build import PYODIDE_FILES, SITE_CSP

    out = tmp_path / "checker"
    missing = run("site", str(out), "--pyodide", str(tmp_path / "none"))
    assert missing.exit_code == 2 and "npm ci" in missing.stderr, missing.stderr
    zh = run("site", str(out), "--pyodide", str(tmp_path / "none"), "--lang", "zh-TW")
    assert zh.exit_code == 2 and "執行環境" in zh.stderr and "npm ci" in zh.stderr
    fake = tmp_path / "pyodide"
    fake.mkdir()
    for name in PYODIDE_FILES:
        (fake / name).write_bytes(b"runtime " + name.encode())
    done = run("site", str(out), "--pyodide", str(fake))
    assert done.exit_code == 0, done.stderr
    assert (out / "pyodide" / "pyodide.asm.wasm").read_bytes() == b"runtime pyodide.asm.wasm"
    assert SITE_CSP in (out / "web.config").read_text(encoding="utf-8")
    sw = (out / "sw.js").read_text(encoding="utf-8")
    for name in ("index.html", "static/worker.js", "py/fxreport.zip", "pyodide/pyodide.asm.wasm"):
        assert f'"{name}"' in sw, name  # the service worker keeps every file
    again = run("site", str(out), "--pyodide", str(fake))
    assert again.exit_code == 2 and "--force" in again.stderr
    zh = run("site", str(out), "--pyodide", str(fake), "--lang", "zh-TW")
    assert zh.exit_code == 2 and "已存在" in zh.stderr
    assert run("site", str(out), "--pyodide", str(fake), "--force").exit_code == 0
    assert "site" in run("--help").output
    # the site's scripts ship in the wheel (the runtime does not: npm ci brings it)
    assert '"fxreport.site" = ["static/*"]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_readme_gives_the_commands_and_the_policy() -> None:
    import re

    from fxreport.site.build import SITE_CSP

    readme = README
    block = re.search(r"<!-- site-command -->\s*```sh\n(.*?)```", readme, re.S)
    assert block and "npm ci" in block.group(1) and "fxreport site" in block.group(1)
    test = re.search(r"<!-- test-command -->\s*```sh\n(.*?)```", readme, re.S)
    assert test and "npm ci" in test.group(1)  # CI installs the runtime the site tests use
    assert SITE_CSP in readme  # the policy the hosting server is told to send
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    assert lock["packages"]["node_modules/pyodide"]["version"] == pinned  # an exact pin
