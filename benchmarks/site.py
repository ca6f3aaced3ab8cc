"""The static site's benchmark, in Debian's Chromium on this machine (not a test: it
prints, nothing is asserted):

    npm ci && python benchmarks/site.py            # 250 files, 5 rounds
    python benchmarks/site.py --files 25 --rounds 2   # a quick look
    python benchmarks/site.py --site OLD           # a folder another version wrote

It builds the folder with ``fxreport site`` into a temporary directory, serves it on
loopback (the tests' static server, with the README's headers), generates one firm's
year of reports (250 business days, continuity holding; ``benchmarks/run.py``'s
generator) and prints the medians of

1. ready, cold: a new browser profile (no cache, no service worker) opening the page,
   to the runtime and fxreport's package loaded (the page's own clock, from navigation);
2. ready, cached: the same profile reopening the page (service worker and caches warm,
   the interpreter kept by the first visit), and the first check right after it;
3. checking the 250 files on the page: from the form handed to the worker to the verdict
   (the JSON, which the page shows first), to the HTML report, and to the report shown;
4. ``fxreport check --format json`` of the same folder as a process (start to exit),
   run in turn with 3.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

from run import ENV, fxreport_command, make_archive  # noqa: E402
from serving import static_site  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=250, help="business days of one firm")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pyodide", default=str(ROOT / "node_modules" / "pyodide"))
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    ap.add_argument("--site", help="a folder `fxreport site` wrote (another version's, to compare); "
                                   "default: built here")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        site = Path(args.site) if args.site else root / "site"
        if not args.site:
            subprocess.run([*fxreport_command(), "site", str(site), "--pyodide", args.pyodide],
                           check=True, env=ENV)
        folder = make_archive(root / "data", 1, args.files)[0]
        cold, cached, parts, first, verdict, report, shown, cli = [], [], [], [], [], [], [], []
        steps: list[dict[str, float]] = []
        stats = "window.fxreportBackend.stats"

        def check(page: Any) -> float:
            """The folder checked on the page, to the report shown (ms)."""
            page.click("#clear")
            t = time.perf_counter()
            page.set_input_files("#folder", str(folder))
            page.wait_for_selector("#results #report", timeout=120_000)
            took = (time.perf_counter() - t) * 1000
            status = page.inner_text("#status")
            assert f"{args.files} file(s) checked: {args.files} valid" in status, status
            return took

        with static_site(site) as served, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium,
                                        args=["--no-sandbox", "--disable-gpu"])
            ready = "#runtime[data-stage=ready]"
            for _ in range(args.rounds):
                context = browser.new_context()
                page = context.new_page()
                page.goto(served.url + "?lang=en")
                page.wait_for_selector(ready, timeout=120_000)
                cold.append(page.evaluate(f"{stats}.readyAt"))
                page.evaluate("window.fxreportBackend.offline.then(() => true)")
                page.evaluate("window.fxreportBackend.kept")  # what the next visit starts from
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(served.url + "?lang=en")
            page.wait_for_selector(ready, timeout=120_000)
            page.evaluate("window.fxreportBackend.offline.then(() => true)")
            page.evaluate("window.fxreportBackend.kept")
            for _ in range(args.rounds):  # reopened; the files checked at once
                page.reload()
                page.wait_for_selector(ready, timeout=120_000)
                cached.append(page.evaluate(f"{stats}.readyAt"))
                parts.append(page.evaluate(f"{stats}.worker"))
                first.append(check(page))
            for _ in range(args.rounds):  # the CLI and the page in turn
                t = time.perf_counter()
                done = subprocess.run([*fxreport_command(), "check", "--format", "json", str(folder)],
                                      capture_output=True, env=ENV)
                cli.append((time.perf_counter() - t) * 1000)
                assert done.returncode == 0, done.stderr
                shown.append(check(page))
                verdict.append(page.evaluate(f"{stats}.lastCheckMs"))
                steps.append(page.evaluate(f"{stats}.lastTiming") or {})
                # (a site before the verdict came first answered both at once)
                report.append(page.evaluate(f"{stats}.lastReportMs") or verdict[-1])
            browser.close()
    med = statistics.median

    def part(key: str) -> str:
        values = [x[key] for x in parts if x.get(key) is not None]
        return f"{med(values):.0f} ms" if values else "-"

    print(f"1. ready, cold:   {med(cold):7.0f} ms  (median of {len(cold)} new profiles)")
    print(f"2. ready, cached: {med(cached):7.0f} ms  (median of {len(cached)} reloads; aim < 1500 ms)")
    print(f"   in the worker {part('ms')}: the runtime {part('runtimeMs')}, fxreport's modules "
          f"{part('importMs')} (started from the kept interpreter: "
          f"{all(x.get('snapshot') for x in parts)}; bytecode kept: {all(x['compiled'] for x in parts)})")
    print(f"   the first check of {args.files} files after reopening: {med(first):.0f} ms to the report shown")
    print(f"3. {args.files} files on the page: {med(verdict):7.0f} ms to the verdict (form to the JSON in "
          f"the page), {med(report):.0f} ms to the HTML report in the page, {med(shown):.0f} ms to the "
          f"report shown")
    if all(steps):
        print(f"   the files read in the page {med(x['readMs'] for x in steps):.0f} ms; in the worker: handed to "
              f"Python {med(x['toPyMs'] for x in steps):.0f} ms, checked and the JSON written "
              f"{med(x['checkMs'] for x in steps):.0f} ms")
    print(f"4. fxreport check --format json, the same {args.files} files: {med(cli):7.0f} ms "
          f"(the process, start to exit; in turn with 3.)")
    print(f"   page / CLI: {med(verdict) / med(cli):.2f} (verdict), {med(shown) / med(cli):.2f} (shown)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
