"""The static site's benchmark, in Debian's Chromium on this machine (not a test: it
prints, nothing is asserted):

    npm ci && python benchmarks/site.py            # 250 files, 5 rounds
    python benchmarks/site.py --files 25 --rounds 2   # a quick look

It builds the folder with ``fxreport site`` into a temporary directory, serves it on
loopback (the tests' static server, with the README's headers), generates one firm's
year of reports (250 business days, continuity holding; ``benchmarks/run.py``'s
generator) and prints the medians of

1. ready, cold: a new browser profile (no cache, no service worker) opening the page,
   to the runtime and fxreport's package loaded (the page's own clock, from navigation);
2. ready, cached: the same profile reopening the page (service worker and caches warm);
3. checking the 250 files on the page: from the form handed to the worker to its answer
   (the JSON and the HTML report), and to the report shown on the page;
4. ``fxreport check --format json`` of the same folder as a process (start to exit).
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
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        site = root / "site"
        subprocess.run([*fxreport_command(), "site", str(site), "--pyodide", args.pyodide],
                       check=True, env=ENV)
        folder = make_archive(root / "data", 1, args.files)[0]
        cold, cached, worker, report, shown, cli, parts = [], [], [], [], [], [], []
        for _ in range(args.rounds):
            t = time.perf_counter()
            done = subprocess.run([*fxreport_command(), "check", "--format", "json", str(folder)],
                                  capture_output=True, env=ENV)
            cli.append((time.perf_counter() - t) * 1000)
            assert done.returncode == 0, done.stderr
        with static_site(site) as served, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium,
                                        args=["--no-sandbox", "--disable-gpu"])
            ready = "#runtime[data-stage=ready]"
            at = "window.fxreportBackend.stats.readyAt"
            for _ in range(args.rounds):
                context = browser.new_context()
                page = context.new_page()
                page.goto(served.url + "?lang=en")
                page.wait_for_selector(ready, timeout=120_000)
                cold.append(page.evaluate(at))
                page.evaluate("window.fxreportBackend.offline.then(() => true)")
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(served.url + "?lang=en")
            page.wait_for_selector(ready, timeout=120_000)
            page.evaluate("window.fxreportBackend.offline.then(() => true)")
            page.evaluate("window.fxreportBackend.kept")  # the compiled modules are cached
            for _ in range(args.rounds):
                page.reload()
                page.wait_for_selector(ready, timeout=120_000)
                cached.append(page.evaluate(at))
                parts.append(page.evaluate("window.fxreportBackend.stats.worker"))
            for _ in range(args.rounds):
                page.click("#clear")
                t = time.perf_counter()
                page.set_input_files("#folder", str(folder))
                page.wait_for_selector("#results #report", timeout=120_000)
                shown.append((time.perf_counter() - t) * 1000)
                worker.append(page.evaluate("window.fxreportBackend.stats.lastCheckMs"))
                report.append(page.evaluate("window.fxreportBackend.stats.lastReportMs"))
                status = page.inner_text("#status")
                assert f"{args.files} file(s) checked: {args.files} valid" in status, status
            browser.close()
    med = statistics.median
    print(f"1. ready, cold:   {med(cold):7.0f} ms  (median of {len(cold)} new profiles)")
    print(f"2. ready, cached: {med(cached):7.0f} ms  (median of {len(cached)} reloads; aim < 1500 ms)")
    print(f"   of which in the worker {med(x['ms'] for x in parts):.0f} ms: "
          f"the runtime {med(x['runtimeMs'] for x in parts):.0f} ms, "
          f"fxreport's modules {med(x['importMs'] for x in parts):.0f} ms (the archives written "
          f"{med(x['archivesMs'] for x in parts):.0f} ms; bytecode kept: "
          f"{all(x['compiled'] for x in parts)}; started from the kept interpreter: "
          f"{all(x['snapshot'] for x in parts)})")
    print(f"3. {args.files} files on the page: {med(worker):7.0f} ms to the verdict (form to the JSON "
          f"in the page), {med(report):.0f} ms to the HTML report in the page, "
          f"{med(shown):.0f} ms to the report shown")
    print(f"4. fxreport check --format json, the same {args.files} files: {med(cli):7.0f} ms "
          f"(the process, start to exit)")
    print(f"   page / CLI: {med(worker) / med(cli):.2f} (worker), {med(shown) / med(cli):.2f} (shown)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
